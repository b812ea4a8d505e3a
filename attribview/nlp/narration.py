"""What the speaker resolver reads of a Doc's named entities, read once per Doc.

The resolver runs more than once on one Doc: in the pipeline for the rules' attributions, then in the
blend for the tagger's own. Each run keeps its own register (the speakers it names depend on the
attributions it walks), but the entities and what they are called (titles, name chain, descriptors,
the office they were introduced by) depend on the parse alone; building them anew took about a third
of the blend's second resolution. They are kept here, per Doc, for as long as the Doc lives and its
entities and parse stay as they were read.
"""

import weakref
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD
from spacy.tokens import Doc, Span, Token

from attribview.nlp.mentions import introduced_as, name_chain, narration_span, person_name

#: The dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: The arrays an entry is read from: a Doc whose entities or parse changed is read again.
_READ_FROM = [ENT_IOB, ENT_TYPE, HEAD, DEP]


@dataclass(frozen=True)
class Named:
    """One named entity as the narration names it (see ``SpeakerResolver._register_narration_before``)."""

    #: The entity with its titles ("Mayor Helga Strand") and the proper-noun chain at its head.
    span: Span
    chain: list[Token]
    #: A lone word the tagger calls a person or a place (often a place: "Sumy").
    lone: bool
    #: Its words, and those of an apposition ("Nadia Ferrant, a nurse at the clinic").
    descriptors: frozenset[str]
    #: Whether the entity is a subject, and the mention with the office it was introduced by, if any.
    subject: bool
    called: str | None


class Narration:
    """One Doc's entities, the surnames of its people and, as asked, each entity's :class:`Named`."""

    def __init__(self, doc: Doc) -> None:
        self.ents: list[Span] = list(doc.ents)
        # "Trump" alone may be tagged ORG; "Donald Trump" anywhere in the article says it is a person
        self.surnames = frozenset(e[-1].text for e in self.ents if e.label_ == "PERSON")
        self._named: dict[int, Named | None] = {}
        self._read = doc.to_array(_READ_FROM).tobytes()

    def reads(self, doc: Doc) -> bool:
        """Whether the Doc's entities and parse are still the ones read."""
        return self._read == doc.to_array(_READ_FROM).tobytes()

    def named(self, index: int) -> Named | None:
        """The entity ``ents[index]`` as named; None where it has no name chain."""
        if index not in self._named:
            self._named[index] = _named(self.ents[index])
        return self._named[index]


def _named(ent: Span) -> Named | None:
    span = narration_span(ent)
    chain = name_chain(span)
    if not chain:
        return None
    descriptors = {t.lower_ for t in span}
    for child in ent.root.children:
        if child.dep_ == "appos":
            descriptors |= {t.lower_ for t in child.subtree if t.is_alpha}
    return Named(span, chain, len(person_name(chain)) < 2 and ent.label_ in {"PERSON", "LOC"},
                 frozenset(descriptors), ent.root.dep_ in SUBJECT_DEPS, introduced_as(ent))


_READ: "weakref.WeakKeyDictionary[Doc, Narration]" = weakref.WeakKeyDictionary()


def narration_of(doc: Doc) -> Narration:
    """The Doc's :class:`Narration`, read on the first call and again only if the Doc changed."""
    found = _READ.get(doc)
    if found is None or not found.reads(doc):
        found = _READ[doc] = Narration(doc)
    return found
