"""Resolve source mentions to speakers: pronouns, role nouns, short names, titles.

No coreference model can be downloaded here, so resolution is a small, explicit procedure: walk the
article in order, keep a register of the people and bodies it has named, and send each pronoun or
definite description ("the ministry", "the military chief") back to the latest compatible entry
(by number, gender from titles and first names, and head-noun match with what the entry was called).
"""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution

#: Head words that make a proper-noun chain a body rather than a person.
_BODY_WORDS = frozenset(
    """
    ministry staff office force forces army military agency service council committee kremlin
    government command administration department police guard navy regiment brigade battalion
    corps operator company post times news television tv channel agency union party house pentagon
    commission court parliament duma rada assembly embassy mission bank institute network group
    organisation organization foundation fund center centre airlines association team campaign
    """.split()
)
_DETERMINERS = frozenset("the a an this that these those".split())


@dataclass
class Entity:
    """Somebody the article has named, with what it was called (for role-noun matches)."""

    name: str
    person: bool
    plural: bool = False
    gender: str | None = None
    mention: str = ""
    descriptors: set[str] = field(default_factory=set)
    last_seen: int = 0


def _gender_of(tokens: list[Token]) -> str | None:
    for token in tokens:
        word = token.lower_.rstrip(".")
        if word == "mr":
            return "m"
        if word in {"mrs", "ms", "miss"}:
            return "f"
        if word in lexicon.FEMALE_NAMES:
            return "f"
        if word in lexicon.MALE_NAMES:
            return "m"
    return None


def _name_chain(span: Span) -> list[Token]:
    """The proper-noun run at the head of a mention ("Russian Defense Ministry", "Apti Alaudinov")."""
    head = span.root
    if head.pos_ != "PROPN":
        propns = [t for t in span if t.pos_ == "PROPN" and t.dep_ in {"appos", "compound", "nsubj"}]
        if not propns:
            return []
        head = propns[-1]
    left = head.i
    body = head.lower_ in _BODY_WORDS
    while left - 1 >= span.start:
        before = span.doc[left - 1]
        if before.pos_ == "PROPN" or (before.pos_ == "ADJ" and before.ent_type_ == "NORP") or (
                body and before.dep_ in {"compound", "amod", "poss", "case"} and before.pos_ != "DET"):
            left -= 1  # "Russia's defence ministry": a body's name takes its modifiers along
            continue
        break
    right = head.i
    while right + 1 < span.end and span.doc[right + 1].pos_ == "PROPN" and span.doc[right + 1].dep_ in {
            "compound", "flat", "nsubj", "appos"}:
        right += 1
    return list(span.doc[left:right + 1])


def _clean(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.removesuffix("’s").removesuffix("'s").strip(" ,")


def _person_name(chain: list[Token]) -> list[Token]:
    """Drop titles and nationality words from the front: "Russian President Vladimir Putin"."""
    tokens = list(chain)
    while len(tokens) > 1 and (tokens[0].lower_ in lexicon.TITLES or tokens[0].ent_type_ == "NORP"
                               or tokens[0].lower_.rstrip(".") in lexicon.TITLES
                               or tokens[0].text in {"-", "–"}):
        tokens = tokens[1:]
    return tokens


class SpeakerResolver:
    """Walks one Doc's attributions in text order and names their speakers."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self._persons_seen = 0

    def run(self, attributions: list[Attribution]) -> None:
        for attribution in sorted(attributions, key=lambda a: a.source[0] if a.source else a.start):
            if attribution.follows is not None:
                continue
            self._resolve(attribution)
        for attribution in sorted(attributions, key=lambda a: a.start):
            if attribution.follows is not None:
                followed = attribution.follows
                attribution.speaker, attribution.mention = followed.speaker, followed.mention
                attribution.source = attribution.source or followed.source
                attribution.flags |= followed.flags & {"anonymous"}
                attribution.flags.add("continuation")

    # -- register -------------------------------------------------------------------------------

    def _register_people_before(self, position: int) -> None:
        """Add the named people of the narration up to ``position`` (for "he" after narration)."""
        ents = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end_char <= position]
        for ent in ents[self._persons_seen:]:
            tokens = _person_name(list(ent))
            if not tokens or not any(t.pos_ == "PROPN" for t in tokens):
                continue
            # a pronoun's antecedent is a subject ("Putin said"), not an owner ("Putin's residence");
            # lone words the tagger calls people are too often places ("Sumy")
            if ent.root.dep_ not in {"nsubj", "nsubjpass", "appos", "conj", "ROOT"} or len(tokens) < 2 and not any(
                    e.person and e.name.split()[-1] == tokens[0].text for e in self.entities):
                continue
            self._remember(_clean(tokens), person=True, gender=_gender_of(list(ent)), mention=ent.text,
                           descriptors=set(), position=ent.start_char, plural=False)
        self._persons_seen = len(ents)

    def _remember(self, name: str, *, person: bool, gender: str | None, mention: str,
                  descriptors: set[str], position: int, plural: bool) -> Entity:
        last = name.split()[-1] if name.split() else name
        for entity in reversed(self.entities):
            known_last = entity.name.split()[-1] if entity.name.split() else ""
            same = entity.name == name or (
                entity.person == person and person and (last == known_last and (
                    len(name.split()) == 1 or len(entity.name.split()) == 1)))
            if same:
                if len(name) > len(entity.name):
                    entity.name = name
                entity.descriptors |= descriptors
                entity.gender = entity.gender or gender
                entity.last_seen = position
                if len(mention) > len(entity.mention):
                    entity.mention = mention
                return entity
        entity = Entity(name=name, person=person, plural=plural, gender=gender, mention=mention,
                        descriptors=descriptors, last_seen=position)
        self.entities.append(entity)
        return entity

    # -- resolution -----------------------------------------------------------------------------

    def _resolve(self, attribution: Attribution) -> None:
        doc = self.doc
        if attribution.source is None or attribution.source_head is None:
            return
        span = doc.char_span(*attribution.source, alignment_mode="expand")
        if span is None:
            return
        position = attribution.source[0]
        self._register_people_before(position)
        head = doc[attribution.source_head]
        if not (span.start <= head.i < span.end):
            head = span.root
        word = head.lower_
        entity: Entity | None
        if head.pos_ == "PRON" or word in lexicon.SPEAKER_PRONOUNS | lexicon.RELATIVE_PRONOUNS:
            entity = self._antecedent(word, position)
            if entity is None:
                attribution.speaker = None
                attribution.mention = span.text
                attribution.confidence = min(attribution.confidence, 0.4)
                return
            attribution.confidence = min(attribution.confidence, 0.75)
        else:
            entity = self._from_description(span, head, position)
        entity.last_seen = position
        attribution.speaker = entity.name
        attribution.mention = entity.mention or span.text
        if self._anonymous(span, head):
            attribution.flags.add("anonymous")

    def _anonymous(self, span: Span, head: Token) -> bool:
        return head.lemma_.lower() in lexicon.ANONYMOUS_HEADS and not any(
            t.pos_ == "PROPN" for t in span)

    def _antecedent(self, pronoun: str, position: int) -> Entity | None:
        candidates = sorted(self.entities, key=lambda e: e.last_seen, reverse=True)
        if pronoun in lexicon.PERSON_PRONOUNS:
            gender = lexicon.PERSON_PRONOUNS[pronoun]
            for entity in candidates:
                if entity.person and entity.gender in {None, gender}:
                    return entity
            return None
        if pronoun in lexicon.PLURAL_PRONOUNS:
            for entity in candidates:
                if entity.plural or not entity.person:
                    return entity
            return candidates[0] if candidates else None
        if pronoun in lexicon.THING_PRONOUNS:
            for entity in candidates:
                if not entity.person and not entity.plural:
                    return entity
            for entity in candidates:
                if not entity.person:
                    return entity
            return None
        return candidates[0] if candidates else None

    def _from_description(self, span: Span, head: Token, position: int) -> Entity:
        chain = _name_chain(span)
        words = [t for t in span if t.is_alpha or "-" in t.text]
        descriptors = {t.lower_ for t in words}
        descriptors |= {part for t in words for part in t.lower_.split("-") if part}
        gender = _gender_of(list(span))
        plural = head.tag_ in {"NNS", "NNPS"}
        if chain:
            known_person = len(chain) == 1 and any(
                e.person and e.name.split()[-1] == chain[0].text for e in self.entities)
            is_body = chain[-1].lower_ in _BODY_WORDS or (
                len(chain) == 1 and chain[0].ent_type_ in {"ORG", "NORP", "GPE"} and not known_person)
            if is_body:
                name = _clean([t for t in chain if t.lower_ not in _DETERMINERS])
                return self._remember(name, person=False, gender=None, mention=span.text,
                                      descriptors=descriptors, position=position, plural=plural)
            name_tokens = _person_name(chain)
            return self._remember(_clean(name_tokens), person=True, gender=gender, mention=span.text,
                                  descriptors=descriptors, position=position, plural=False)
        definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in span if t.i < head.i)
        if definite:
            found = self._by_role(head, descriptors, position)
            if found is not None:
                return found
        text = _clean([t for t in span if not (t.i == span.start and t.lower_ in _DETERMINERS)])
        person = head.lemma_.lower() not in _BODY_WORDS and not plural and head.lower_ not in {
            "source", "sources"}
        return self._remember(text, person=person and head.ent_type_ not in {"ORG", "GPE", "NORP"},
                              gender=gender, mention=span.text, descriptors=descriptors,
                              position=position, plural=plural)

    def _by_role(self, head: Token, descriptors: set[str], position: int) -> Entity | None:
        """"The ministry", "the military chief", "the statement": who was called that before."""
        word = head.lemma_.lower()
        candidates = sorted(self.entities, key=lambda e: e.last_seen, reverse=True)
        if word in lexicon.DOCUMENT_NOUNS:
            for entity in candidates:
                if not entity.person:
                    return entity
            return candidates[0] if candidates else None
        wanted = lexicon.ROLE_SYNONYMS.get(word, {word})
        nationality = {t.lower_ for t in head.doc[head.left_edge.i:head.i] if t.ent_type_ in {"NORP", "GPE"}}
        for entity in candidates:
            if entity.descriptors & wanted and nationality <= entity.descriptors:
                return entity
        return None


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> None:
    """Set ``speaker`` and ``mention`` of every attribution of ``doc``."""
    SpeakerResolver(doc).run(attributions)
