"""Resolve source mentions to speakers: pronouns, role nouns, short names, titles.

No coreference model can be downloaded here, so resolution is a small, explicit procedure: walk the
article in order, keep a register of the people and bodies it has named (as speakers or in narration),
and send each pronoun or definite description ("the ministry", "the military chief") back to the latest
compatible entry, by number, gender (titles, first names), and head-noun match with what the entry was
called.
"""

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution

#: Head words that make a proper-noun chain a body rather than a person.
_BODY_WORDS = frozenset(
    """
    ministry staff office force forces army military agency service council committee kremlin
    government command administration department police guard navy regiment brigade battalion
    corps operator company post times news television tv channel union party house pentagon
    commission court parliament duma rada assembly embassy mission bank institute network group
    organisation organization foundation fund center centre airlines airways association team
    campaign authority board energy port water university hospital clinic school inc ltd corp
    corporation mining logistics airport railway railways media press radio observatory watch
    """.split()
)
#: Nouns that refer back to the latest body ("the airline", "the company") whatever it was called.
_BODY_ROLE_NOUNS = frozenset(
    """
    company firm airline carrier authority board agency group utility operator organisation
    organization charity council committee department union party government administration bank
    club hospital school university ministry office institute campaign watchdog regulator
    """.split()
)
#: Heads of bodies a place names ("Belgorod authorities"): the place alone is not the speaker.
_COLLECTIVE_HEADS = frozenset("authority authorities official officials administration council".split())
_DETERMINERS = frozenset("the a an this that these those".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: The small model files many unfamiliar personal names under LOC ("Agnes Thorburn met ...").
_NAME_LABELS = frozenset({"PERSON", "ORG", "LOC"})


@dataclass
class Entity:
    """Somebody the article has named, with what it was called (for role-noun matches).

    ``salient`` entities have been a subject or a speaker: only they are antecedents of pronouns.
    """

    name: str
    person: bool
    plural: bool = False
    gender: str | None = None
    mention: str = ""
    descriptors: set[str] = field(default_factory=set)
    last_seen: int = 0
    salient: bool = False
    anonymous: bool = False
    named: bool = False


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
    first = next((t for t in tokens if t.pos_ == "PROPN" and t.lower_ not in lexicon.TITLES), None)
    # first names ending in -a are mostly women's in the languages of world news (Olena, Iryna, Anna)
    if first is not None and first.is_title and len(tokens) > 1 and first.i < tokens[-1].i and (
            first.lower_.endswith("a") and first.lower_ not in lexicon.MALE_NAMES):
        return "f"
    return None


def _name_chain(span: Span) -> list[Token]:
    """The proper-noun run at the head of a mention ("Russian Defense Ministry", "Apti Alaudinov")."""
    doc = span.doc
    head = span.root
    capitalised_body = head.lower_ in _BODY_WORDS and head.is_title and not head.is_sent_start
    if head.pos_ != "PROPN" and not capitalised_body:
        deps = {"appos", "compound", "nsubj"}
        if head.tag_ == "NNS":  # "Members of the Old Town Residents' Association": the body they belong to
            deps = deps | {"pobj"}
        # not a name inside a phrase after the head: "Russia's point man for relations with the United States"
        inside = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
        propns = [t for t in span if t.pos_ == "PROPN" and t.dep_ in deps and t.i not in inside]
        if not propns:
            return []
        if head.lemma_.lower() in _COLLECTIVE_HEADS and propns[-1].dep_ == "compound" and (
                propns[-1].head.i == head.i or propns[-1].head.head.i == head.i):
            return list(doc[propns[-1].left_edge.i:head.i + 1])  # "Belgorod authorities", not "Belgorod"
        head = propns[-1]
    left = head.i
    body = head.lower_ in _BODY_WORDS
    while left - 1 >= span.start:
        before = doc[left - 1]
        if before.pos_ == "PROPN" or (before.pos_ == "ADJ" and before.ent_type_ == "NORP") or (
                before.dep_ == "compound" and before.is_title and before.ent_type_ == head.ent_type_) or (
                body and before.dep_ in {"compound", "amod", "poss", "case"} and before.pos_ != "DET"):
            left -= 1  # "Russia's defence ministry": a body's name takes its modifiers along
            continue
        break
    right = head.i
    while right + 1 < span.end and doc[right + 1].pos_ == "PROPN" and doc[right + 1].dep_ in {
            "compound", "flat", "nsubj", "appos"}:
        right += 1
    # "Ministry of Transport", "Institute for the Study of War": a body's name runs on through a
    # preposition to the next proper nouns
    while body and right + 2 < span.end and doc[right + 1].lower_ in {"of", "for"}:
        nxt = right + 2 + (doc[right + 2].lower_ == "the")
        if nxt >= span.end or doc[nxt].pos_ != "PROPN":
            break
        right = nxt
        while right + 1 < span.end and doc[right + 1].pos_ == "PROPN":
            right += 1
    return list(doc[left:right + 1])


def _is_body(chain: list[Token], known_person: bool) -> bool:
    """Whether a named mention is an organisation rather than a person.

    The small model tags many personal names ORG, so only a body word at its head ("Defence Ministry",
    "Kestrel Airways") makes a body of a name of several words; a lone word is a body when tagged as one and
    not the surname of a person the article names.
    """
    words = [t.lower_ for t in chain]
    head = words[:words.index("of")] if "of" in words else words  # "Ministry of Transport"
    if head and head[-1] in _BODY_WORDS | _COLLECTIVE_HEADS:  # not "Air Force Commander Mykola Oleshchuk"
        return True
    if len(chain) > 1 or chain[0].lower_ in lexicon.MALE_NAMES | lexicon.FEMALE_NAMES:
        return False
    return chain[0].ent_type_ in {"ORG", "NORP", "GPE"} and not known_person


def _clean(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.removesuffix("’s").removesuffix("'s").strip(" ,")


def _person_name(chain: list[Token]) -> list[Token]:
    """Drop titles and nationality words from the front: "Russian President Vladimir Putin"."""
    tokens = list(chain)
    while len(tokens) > 1 and (tokens[0].lower_ in lexicon.TITLES or tokens[0].ent_type_ == "NORP"
                               or tokens[0].lower_.rstrip(".") in lexicon.TITLES
                               or tokens[0].text in {"-", "–", "."}):
        tokens = tokens[1:]
    return tokens


def _narration_span(ent: Span) -> Span:
    """A named entity with its titles ("Mayor Helga Strand", "Police spokesman Jan Oster")."""
    doc = ent.doc
    start = ent.start
    while start - 1 >= 0 and doc[start - 1].head.i in range(ent.start, ent.end) and doc[start - 1].dep_ in {
            "compound", "amod"}:
        start -= 1
    return doc[start:ent.end]


class SpeakerResolver:
    """Walks one Doc's attributions in text order and names their speakers."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self._narration: list[Span] = []
        self._contents: list[tuple[int, int]] = []
        self._narration_seen = 0
        # "Trump" alone may be tagged ORG; "Donald Trump" anywhere in the article says it is a person
        self._surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}

    def run(self, attributions: list[Attribution]) -> list[Attribution]:
        """Name the speakers of ``attributions``; returns them with one more per joint source."""
        attributions = [*attributions, *(joint for a in attributions for joint in self._joint(a))]
        sources = [a.source for a in attributions if a.source is not None]
        self._contents = [(a.start, a.end) for a in attributions]
        self._narration = [  # a speaker's own mention is resolved as a source, not as narration
            e for e in self.doc.ents if e.label_ in _NAME_LABELS
            and not any(s[0] < e.end_char and e.start_char < s[1] for s in sources)
        ]
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
        return attributions

    def _joint(self, attribution: Attribution) -> list[Attribution]:
        """"The mayor and the governor said ...": the same content for the second and further sources,
        each its own attribution (flagged ``joint``); the first keeps the attribution, its source cut
        to the first of them. Split by the words, since the parser often misreads a list of names."""
        if attribution.source is None or attribution.follows is not None:
            return []
        span = self.doc.char_span(*attribution.source, alignment_mode="expand")
        if span is None or not any(t.lower_ in {"and", "&"} for t in span):
            return []
        parts: list[list[Token]] = [[]]
        for token in span:
            if token.lower_ in {"and", "&"} or (token.text == "," and any(
                    t.lower_ in {"and", "&"} for t in span.doc[token.i:span.end])):
                parts.append([])
            elif not (token.is_punct and not parts[-1]):
                parts[-1].append(token)
        known = self._surnames | {e.name.split()[-1] for e in self.entities if e.person and e.name}
        if len(parts) < 2 or not all(part and _own_source(part, known) for part in parts):
            return []
        sources = [(part[0].idx, part[-1].idx + len(part[-1]), _part_head(part).i) for part in parts]
        attribution.source, attribution.source_head = sources[0][:2], sources[0][2]
        return [replace(attribution, source=(start, end), source_head=head, flags={*attribution.flags, "joint"})
                for start, end, head in sources[1:]]

    # -- register -------------------------------------------------------------------------------

    def _register_narration_before(self, position: int) -> None:
        """Add the people and bodies the narration names before ``position``."""
        while self._narration_seen < len(self._narration):
            ent = self._narration[self._narration_seen]
            if ent.end_char > position:
                break
            self._narration_seen += 1
            span = _narration_span(ent)
            chain = _name_chain(span)
            if not chain:
                continue
            lone = len(_person_name(chain)) < 2 and ent.label_ in {"PERSON", "LOC"}
            if lone and not any(e.name.split()[-1:] == [chain[-1].text] for e in self.entities):
                continue  # lone words the tagger calls people are too often places ("Sumy")
            descriptors = {t.lower_ for t in span}
            for child in ent.root.children:
                if child.dep_ == "appos":  # "Nadia Ferrant, a nurse at the clinic"
                    descriptors |= {t.lower_ for t in child.subtree if t.is_alpha}
            # "Herbst said Zelensky was trying ... “...,” he said": somebody named inside what another
            # said does not become the next "he"
            reported = any(start <= ent.start_char < end for start, end in self._contents)
            entity = self._from_chain(span, chain, descriptors, ent.start_char,
                                      salient=ent.root.dep_ in _SUBJECT_DEPS and not reported)
            entity.named = True

    def _remember(self, name: str, *, person: bool, gender: str | None, mention: str,
                  descriptors: set[str], position: int, plural: bool, salient: bool) -> Entity:
        name = name or mention.strip()
        last = name.split()[-1] if name.split() else name
        for entity in reversed(self.entities):
            known_last = entity.name.split()[-1] if entity.name.split() else ""
            same = entity.name == name or (
                (entity.person or person) and last == known_last and (
                    len(name.split()) == 1 or len(entity.name.split()) == 1))
            if same:
                if len(name) > len(entity.name):
                    entity.name = name
                entity.descriptors |= descriptors
                entity.gender = entity.gender or gender
                entity.person = entity.person or person  # "Trump" (tagged ORG), then "President Trump"
                entity.plural = entity.plural or (plural and salient)  # "Members of the association"
                if salient:  # "Putin's residence" does not make Putin the latest "he"
                    entity.last_seen = position
                entity.salient = entity.salient or salient
                if len(mention) > len(entity.mention):
                    entity.mention = mention
                return entity
        entity = Entity(name=name, person=person, plural=plural, gender=gender, mention=mention,
                        descriptors=descriptors, last_seen=position, salient=salient)
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
        self._register_narration_before(position)
        head = doc[attribution.source_head]
        if not (span.start <= head.i < span.end):
            head = span.root
        issuer = self._issuer(head)
        if issuer is not None:  # "A statement from Ukraine's General Staff said"
            head = issuer
            span = doc[issuer.left_edge.i:issuer.right_edge.i + 1]
        # "Presidents Trump and Zelensky discussed ...": the first named holds the register entry; the
        # joint mention must not become what Trump is called later
        joined = [c.i for c in head.children if c.dep_ in {"cc", "conj"} and span.start < c.i < span.end]
        if joined and joined[0] > span.start:
            span = doc[span.start:joined[0]]
        antecedent = self._relative_antecedent(head)
        if antecedent is not None:  # "Meridian Holdings, which plans to build ...": the noun it follows
            head, span = antecedent
        word = head.lower_
        entity: Entity | None
        if head.pos_ == "PRON" or word in lexicon.SPEAKER_PRONOUNS | lexicon.RELATIVE_PRONOUNS:
            entity = self._same_sentence_subject(head, position) or self._antecedent(word)
            if entity is None:
                attribution.speaker = None
                attribution.mention = span.text
                attribution.confidence = min(attribution.confidence, 0.4)
                return
            attribution.confidence = min(attribution.confidence, 0.75)
        else:
            entity = self._from_description(span, head, position)
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
        gender = _gender_of(list(span))
        if gender not in {None, lexicon.PERSON_PRONOUNS[pronoun.lower_]}:
            return None
        return self._from_description(span, subjects[0], position)

    @staticmethod
    def _issuer(head: Token) -> Token | None:
        """Who issued a document that speaks: the "from"/"by" object or the owner of "its statement"."""
        if head.lemma_.lower() not in lexicon.DOCUMENT_NOUNS:
            return None
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
            if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
                return child
        return None

    def _anonymous(self, span: Span, head: Token) -> bool:
        """"Officials said", "local officials in Kalynivka said": nobody is named (a place is no name)."""
        return head.lemma_.lower() in lexicon.ANONYMOUS_HEADS and not any(
            t.pos_ == "PROPN" and t.head.i == head.i and t.dep_ in {"compound", "appos", "flat", "nmod"}
            for t in span)

    def _antecedent(self, pronoun: str) -> Entity | None:
        candidates = sorted((e for e in self.entities if e.salient), key=lambda e: e.last_seen, reverse=True)
        if pronoun in lexicon.PERSON_PRONOUNS:
            gender = lexicon.PERSON_PRONOUNS[pronoun]
            return next((e for e in candidates if e.person and e.gender in {None, gender}), None)
        if pronoun in lexicon.PLURAL_PRONOUNS:
            found = next((e for e in candidates if e.plural), None)
            found = found or next((e for e in candidates if not e.person), None)
            return found or (candidates[0] if candidates else None)
        if pronoun in lexicon.THING_PRONOUNS:
            found = next((e for e in candidates if not e.person and not e.plural), None)
            return found or next((e for e in candidates if not e.person), None)
        return candidates[0] if candidates else None

    def _from_description(self, span: Span, head: Token, position: int) -> Entity:
        chain = _name_chain(span)
        words = [t for t in span if t.is_alpha or "-" in t.text]
        descriptors = {t.lower_ for t in words}
        descriptors |= {part for t in words for part in t.lower_.split("-") if part}
        if any(t.is_title or t.is_upper for t in chain):  # "the defence ministry" names nobody
            return self._from_chain(span, chain, descriptors, position, salient=True)
        plural = head.tag_ in {"NNS", "NNPS"}
        definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in span if t.i < head.i)
        if definite:
            found = self._by_role(head, descriptors)
            if found is not None:
                return found
        text = _clean([t for t in span if not (t.i == span.start and t.lower_ in _DETERMINERS)])
        person = head.lemma_.lower() not in _BODY_WORDS and not plural and head.lower_ not in {
            "source", "sources"}
        return self._remember(text, person=person and head.ent_type_ not in {"ORG", "GPE", "NORP"},
                              gender=_gender_of(list(span)), mention=span.text, descriptors=descriptors,
                              position=position, plural=plural, salient=True)

    def _from_chain(self, span: Span, chain: list[Token], descriptors: set[str], position: int, *,
                    salient: bool) -> Entity:
        """Register a named mention: a body ("Valdane Ministry of Transport") or a person."""
        known_person = len(chain) == 1 and (chain[0].text in self._surnames or any(
            e.person and e.name.split()[-1:] == [chain[0].text] for e in self.entities))
        is_body = _is_body(chain, known_person)
        members = span.root.tag_ == "NNS" and span.root.i < chain[0].i  # "members of X": a plural group
        plural = members or (span.root.tag_ in {"NNS", "NNPS"} and not is_body)
        if is_body or members:
            name = _clean([t for t in chain if t.lower_ not in _DETERMINERS])
            entity = self._remember(name, person=False, gender=None, mention=span.text,
                                    descriptors=descriptors, position=position, plural=plural,
                                    salient=salient)
        else:
            entity = self._remember(_clean(_person_name(chain)), person=True,
                                    gender=_gender_of(list(span)), mention=span.text,
                                    descriptors=descriptors, position=position, plural=False,
                                    salient=salient)
        return entity

    def _by_role(self, head: Token, descriptors: set[str]) -> Entity | None:
        """"The ministry", "the military chief", "the statement": who was called that before."""
        word = head.lemma_.lower()
        candidates = sorted(self.entities, key=lambda e: e.last_seen, reverse=True)
        if word in lexicon.DOCUMENT_NOUNS:
            found = next((e for e in candidates if not e.person and e.salient), None)
            return found or next((e for e in candidates if e.salient), None)
        wanted = lexicon.ROLE_SYNONYMS.get(word, {word})
        # "the Russian ministry", "the ministry in Kyiv": a country named with it must be the entry's
        nationality = {t.lower_ for t in head.doc[head.left_edge.i:head.i] if t.ent_type_ in {"NORP", "GPE"}}
        nationality |= {t.lower_ for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                        for t in c.subtree if t.pos_ == "PROPN"}
        # "the defence ministry" is not the interior ministry named before: a modifier of the same noun
        # that the entry was never called by makes another body
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"amod", "compound"} and c.is_alpha
                     and c.ent_type_ not in {"NORP", "GPE"}}
        for entity in candidates:
            other = word in entity.descriptors and not modifiers <= entity.descriptors
            if entity.descriptors & wanted and nationality <= entity.descriptors and not other:
                return entity
        bare = all(t.dep_ == "det" for t in head.lefts)  # "the airline", not "the regional office"
        if word in _BODY_ROLE_NOUNS and bare:
            return next((e for e in candidates if not e.person and e.salient), None)
        return None


def _own_source(part: list[Token], surnames: set[str]) -> bool:
    """Whether one of the mentions joined by "and" names a source of its own: a person, a full name, a
    pronoun, a surname of a person named (``surnames``) or a described holder ("the regional governor"), not the rest of a name or a place
    ("Procter and Gamble", "the mayor of Sumy and Kharkiv", "Russian and Ukrainian officials"), nor one
    that belongs to the first ("the ministry and its partners")."""
    if part[0].i > 0 and part[0].doc[part[0].i - 1].lower_ == "of":
        return False
    if any(t.ent_type_ == "PERSON" for t in part) or (len(part) == 1 and (
            part[0].pos_ == "PRON" or part[0].text in surnames)):
        return True
    names = [t for t in part if t.pos_ == "PROPN"]
    if len(names) >= 2 and len(names) == len(part) and all(t.is_title for t in names):
        return True
    # "the United States and its allies" is one source: a possessive makes the second part the first's
    return part[0].lower_ in _DETERMINERS and part[-1].pos_ in {"NOUN", "PROPN"}


def _part_head(part: list[Token]) -> Token:
    """The head word of one joined mention: the word whose head lies outside it, else its last noun."""
    inside = {t.i for t in part}
    outside = [t for t in part if t.head.i not in inside and t.pos_ in {"PROPN", "NOUN", "PRON"}]
    nouns = [t for t in part if t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return outside[0] if outside else nouns[-1] if nouns else part[-1]


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Set ``speaker`` and ``mention`` of every attribution of ``doc``; returns them with one more for
    each joint source."""
    return SpeakerResolver(doc).run(attributions)
