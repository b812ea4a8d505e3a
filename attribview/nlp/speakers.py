"""Resolve source mentions to speakers: pronouns, role nouns, short names, titles.

No coreference model can be downloaded here, so resolution is a small, explicit procedure: walk the
article in order, keep a register of the people and bodies it has named (as speakers or in narration),
and send each pronoun or definite description ("the ministry", "the military chief") back to the latest
compatible entry, by number, gender (titles, first names), and head-noun match with what the entry was
called. This module holds the passes over the article; ``register`` the entries and their matching.
"""

from spacy.tokens import Doc, Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution
from attribview.nlp.intervals import SpanLookup
from attribview.nlp.joint import joint_sources, pair_speakers
from attribview.nlp.mentions import clean, gender_of, is_body, issuer_of, name_chain, person_name
from attribview.nlp.narration import SUBJECT_DEPS, narration_of
from attribview.nlp.register import Entity, Register

#: The small model files many unfamiliar personal names under LOC ("Agnes Thorburn met ...").
_NAME_LABELS = frozenset({"PERSON", "ORG", "LOC"})


class SpeakerResolver:
    """Walks one Doc's attributions in text order and names their speakers."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.register = Register()
        self._read = narration_of(doc)
        self._narration: list[int] = []  # by position in the Doc's entities
        self._contents = SpanLookup([])
        self._narration_seen = 0
        self._surnames = self._read.surnames

    def run(self, attributions: list[Attribution]) -> list[Attribution]:
        """Name the speakers of ``attributions``; returns them with one more per joint source."""
        named = self.register.surnames() | self._surnames
        attributions = [*attributions, *(j for a in attributions for j in joint_sources(self.doc, a, named))]
        sources = SpanLookup([a.source for a in attributions if a.source is not None])
        self._contents = SpanLookup([(a.start, a.end) for a in attributions])
        self._narration = [  # a speaker's own mention is resolved as a source, not as narration
            i for i, e in enumerate(self._read.ents) if e.label_ in _NAME_LABELS
            and not sources.any_overlapping(e.start_char, e.end_char)
        ]
        for attribution in sorted(attributions, key=lambda a: a.source[0] if a.source else a.start):
            if attribution.follows is not None:
                continue
            self._resolve(attribution)
        attributions += [p for a in list(attributions) for p in pair_speakers(self.doc, a)]
        for attribution in sorted(attributions, key=lambda a: a.start):
            if attribution.follows is not None:
                followed = attribution.follows
                attribution.speaker, attribution.mention = followed.speaker, followed.mention
                attribution.source = attribution.source or followed.source
                attribution.flags |= followed.flags & {"anonymous"}
                attribution.flags.add("continuation")
        return attributions

    # -- narration -----------------------------------------------------------------------------

    def _register_narration_before(self, position: int) -> None:
        """Add the people and bodies the narration names before ``position``."""
        while self._narration_seen < len(self._narration):
            index = self._narration[self._narration_seen]
            ent = self._read.ents[index]
            if ent.end_char > position:
                break
            self._narration_seen += 1
            named = self._read.named(index)
            if named is None:
                continue
            if named.lone and not self.register.knows_surname(named.chain[-1].text):
                continue  # lone words the tagger calls people are too often places ("Sumy")
            # "Herbst said Zelensky was trying ... “...,” he said": somebody named inside what another
            # said does not become the next "he"
            reported = self._contents.covers(ent.start_char)
            entity = self._from_chain(named.span, named.chain, set(named.descriptors), ent.start_char,
                                      salient=named.subject and not reported)
            entity.named = True
            if named.called is not None and len(named.called) > len(entity.mention):
                entity.mention = named.called  # "Hrebeniuk wrote" later speaks as the governor named here

    # -- resolution -----------------------------------------------------------------------------

    def _resolve(self, attribution: Attribution) -> None:
        doc = self.doc
        if attribution.source is None or attribution.source_head is None:
            return
        span = doc.char_span(*attribution.source, alignment_mode="expand")
        if span is None:
            return
        position = attribution.source[0]
        self._register_narration_before(position)
        head = doc[attribution.source_head]
        if not (span.start <= head.i < span.end):
            head = span.root
        if span[-1].lower_ in lexicon.RELATIVE_PRONOUNS and head.i != span[-1].i:
            head = span[-1]  # a mention run on through its pronoun ("Anna Kowal, who"), as resolved before
        issuer = issuer_of(head)
        if issuer is not None:  # "A statement from Ukraine's General Staff said"
            head = issuer
            end = issuer.right_edge.i + 1
            while end - 1 > issuer.i and doc[end - 1].dep_ == "case":  # "the president's statement"
                end -= 1
            span = doc[issuer.left_edge.i:end]
        # "Presidents Trump and Zelensky discussed ...": the first named holds the register entry; the
        # joint mention must not become what Trump is called later
        joined = [c.i for c in head.children if c.dep_ in {"cc", "conj"} and span.start < c.i < span.end]
        if joined and joined[0] > span.start:
            span = doc[span.start:joined[0]]
        antecedent = self._relative_antecedent(head)
        if antecedent is not None:  # "Meridian Holdings, which plans to build ...": the noun it follows
            head, span = antecedent
            # the source mention runs from that noun through the pronoun: annotators mark either one
            attribution.source = (min(span.start_char, attribution.source[0]), attribution.source[1])
        word = head.lower_
        entity: Entity | None
        if head.pos_ == "PRON" or word in lexicon.SPEAKER_PRONOUNS | lexicon.RELATIVE_PRONOUNS:
            entity = self._same_sentence_subject(head, position) or self.register.antecedent(word)
            if entity is None:
                attribution.speaker = None
                attribution.mention = span.text
                attribution.confidence = min(attribution.confidence, 0.4)
                return
            attribution.confidence = min(attribution.confidence, 0.75)
        elif (part := self.register.one_of(head)) is not None:  # "One of the officials said"
            entity = part
        else:
            named = self._named_in_content(attribution, span, head)
            if named is not None:  # "Varta's transport ministry closed the road, the ministry said"
                span, head = named
            entity = self._described(span, head, position)
        entity.last_seen = position
        entity.salient = True
        # "the authority" after "the Brackwater Port Authority" names a body the article has named
        unnamed = self._anonymous(span, head)
        entity.anonymous = entity.anonymous or (unnamed and not entity.named)
        entity.named = entity.named or (not unnamed and head.pos_ == "PROPN")
        attribution.speaker = entity.name
        attribution.mention = entity.mention or span.text
        if entity.anonymous:
            attribution.flags.add("anonymous")

    def _described(self, span: Span, head: Token, position: int) -> Entity:
        """The entity a description or name stands for, a holder of the body its "its" stands for
        included ("Its head, Vitold Marchenko", "Its spokesman": that body's, nobody else's)."""
        owner = self._owner(span)
        if owner is None:
            return self._from_description(span, head, position)
        called = owner + span.text[len(span[0].text):]
        if name_chain(span):
            entity = self._from_description(span, head, position)
        else:
            entity = self.register.remember(called.removeprefix("The ").removeprefix("the "), person=True,
                                    gender=gender_of(list(span)), mention=called,
                                    descriptors={t.lower_ for t in span if t.is_alpha},
                                    position=position, plural=False, salient=True)
        entity.mention = called
        return entity

    def _named_in_content(self, attribution: Attribution, span: Span,
                          head: Token) -> tuple[Span, Token] | None:
        """A bare "the ministry" whose own content opens with the body it names in full: the subject of
        that content with the same head noun, when no body the article named before was called so."""
        if len(span) != 2 or span[0].lower_ != "the" or head.pos_ != "NOUN" or (
                self.register.knows_descriptor(head.lemma_.lower())):
            return None
        content = self.doc.char_span(attribution.start, attribution.end, alignment_mode="expand")
        subject = next((t for t in content or () if t.dep_ in SUBJECT_DEPS and t.lemma_ == head.lemma_
                        and t.i != head.i and t.left_edge.i < t.i), None) if content is not None else None
        return (self.doc[subject.left_edge.i:subject.i + 1], subject) if subject is not None else None

    def _owner(self, span: Span) -> str | None:
        """What a mention's opening "its"/"their" stands for, as a possessive ("the regional
        administration's"): a body's office holder belongs to the body."""
        first = span[0]
        if first.lower_ not in lexicon.BODY_POSSESSIVES or first.dep_ != "poss" or (
                first.head.lemma_.lower() not in lexicon.OFFICES):  # not "its defenders": not a body's
            return None
        owner = self.register.antecedent(first.lower_)
        if owner is None or owner.person:
            return None
        called = owner.mention or owner.name
        return (called if called.endswith(("'s", "’s")) else called + "'s").strip()

    @staticmethod
    def _relative_antecedent(pronoun: Token) -> tuple[Token, Span] | None:
        """The noun a relative pronoun ("who", "which") stands for, with its mention up to the clause."""
        clause = pronoun.head
        if pronoun.lower_ not in lexicon.RELATIVE_PRONOUNS or clause.dep_ != "relcl" or (
                clause.head.i > pronoun.i):
            return None
        noun = clause.head
        end = clause.left_edge.i
        while end > noun.left_edge.i and (noun.doc[end - 1].is_punct or noun.doc[end - 1].is_space):
            end -= 1
        return noun, noun.doc[noun.left_edge.i:max(end, noun.i + 1)]

    def _same_sentence_subject(self, pronoun: Token, position: int) -> Entity | None:
        """"State television showed what it said were prisoners": "it" is the body that is the
        subject of the sentence, before any earlier speaker."""
        root = pronoun
        while root.dep_ != "ROOT" and root.head.i != root.i:
            root = root.head
        if pronoun.lower_ in lexicon.PERSON_PRONOUNS:
            return self._clause_person(pronoun, root, position)
        if pronoun.lower_ not in lexicon.THING_PRONOUNS | lexicon.PLURAL_PRONOUNS:
            return None
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i
                    and c.pos_ in {"NOUN", "PROPN"} and c.ent_type_ != "PERSON"]
        if not subjects or subjects[0].lower_ in lexicon.ANONYMOUS_HEADS:
            return None
        subject = subjects[0]
        plural = subject.tag_ in {"NNS", "NNPS"}
        if (pronoun.lower_ in lexicon.PLURAL_PRONOUNS) != plural and subject.pos_ != "PROPN":
            return None
        span = pronoun.doc[subject.left_edge.i:subject.i + 1]
        return self._from_description(span, subject, position)

    def _clause_person(self, pronoun: Token, root: Token, position: int) -> Entity | None:
        """"Petrenko met Ivanov, and he said ...": a person pronoun opening a clause joined to an earlier
        one is the person that clause is about, its subject, rather than whoever spoke last."""
        if pronoun.head.dep_ != "conj" or pronoun.head.head.i != root.i:
            return None
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ == "PROPN"
                    and c.ent_type_ in {"PERSON", ""} and c.is_title]
        if not subjects:
            return None
        span = pronoun.doc[subjects[0].left_edge.i:subjects[0].i + 1]
        gender = gender_of(list(span))
        if gender not in {None, lexicon.PERSON_PRONOUNS[pronoun.lower_]}:
            return None
        return self._from_description(span, subjects[0], position)

    def _anonymous(self, span: Span, head: Token) -> bool:
        """"Officials said", "local officials in Kalynivka said": nobody is named (a place is no name)."""
        return head.lemma_.lower() in lexicon.ANONYMOUS_HEADS and not any(
            t.pos_ == "PROPN" and t.head.i == head.i and t.dep_ in {"compound", "appos", "flat", "nmod"}
            for t in span)

    def _from_description(self, span: Span, head: Token, position: int) -> Entity:
        chain = name_chain(span)
        words = [t for t in span if t.is_alpha or "-" in t.text]
        descriptors = {t.lower_ for t in words}
        descriptors |= {part for t in words for part in t.lower_.split("-") if part}
        if any(t.is_title or t.is_upper for t in chain):  # "the defence ministry" names nobody
            return self._from_chain(span, chain, descriptors, position, salient=True)
        plural = head.tag_ in {"NNS", "NNPS"}
        definite = any(t.lower_ in lexicon.DEFINITE_DETERMINERS or t.dep_ == "poss"
                       for t in span if t.i < head.i)
        if definite:
            found = self.register.by_role(head, descriptors)
            if found is not None:
                return found
        text = clean([t for t in span if not (t.i == span.start and t.lower_ in lexicon.DETERMINERS)])
        person = head.lemma_.lower() not in lexicon.BODY_WORDS and not plural and head.lower_ not in (
            lexicon.SOURCE_NOUNS)
        return self.register.remember(text, person=person and head.ent_type_ not in {"ORG", "GPE", "NORP"},
                              gender=gender_of(list(span)), mention=span.text, descriptors=descriptors,
                              position=position, plural=plural, salient=True)

    def _from_chain(self, span: Span, chain: list[Token], descriptors: set[str], position: int, *,
                    salient: bool) -> Entity:
        """Register a named mention: a body ("Valdane Ministry of Transport") or a person."""
        known_person = len(chain) == 1 and (
            chain[0].text in self._surnames or self.register.knows_surname(chain[0].text))
        body = is_body(chain, known_person)
        members = span.root.tag_ == "NNS" and span.root.i < chain[0].i  # "members of X": a plural group
        plural = members or (span.root.tag_ in {"NNS", "NNPS"} and not body)
        if body or members:
            name = clean([t for t in chain if t.lower_ not in lexicon.DETERMINERS])
            entity = self.register.remember(name, person=False, gender=None, mention=span.text,
                                    descriptors=descriptors, position=position, plural=plural,
                                    salient=salient)
        else:
            entity = self.register.remember(clean(person_name(chain)), person=True,
                                    gender=gender_of(list(span)), mention=span.text,
                                    descriptors=descriptors, position=position, plural=False,
                                    salient=salient)
        return entity



def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Set ``speaker`` and ``mention`` of every attribution of ``doc``; returns them with one more for
    each joint source."""
    return SpeakerResolver(doc).run(attributions)
