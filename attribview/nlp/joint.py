"""Joint sources: "the mayor and the governor said ..." gives one attribution per source, and so do two
parties named as a pair ("the Russian and Ukrainian sides", "both sides" after "Moscow and Kyiv")."""

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution


def joint_sources(doc: Doc, attribution: Attribution, surnames: set[str]) -> list[Attribution]:
    """"The mayor and the governor said ...": the same content for the second and further sources,
    each its own attribution (flagged ``joint``); the first keeps the attribution, its source cut
    to the first of them. Split by the words, since the parser often misreads a list of names."""
    if attribution.source is None or attribution.follows is not None:
        return []
    span = doc.char_span(*attribution.source, alignment_mode="expand")
    if span is None or not any(t.lower_ in lexicon.JOINING_WORDS for t in span):
        return []
    parts: list[list[Token]] = [[]]
    for token in span:
        if token.lower_ in lexicon.JOINING_WORDS or (token.text == "," and any(
                t.lower_ in lexicon.JOINING_WORDS for t in span.doc[token.i:span.end])):
            parts.append([])
        elif not (token.is_punct and not parts[-1]):
            parts[-1].append(token)
    # two places joined by "and" outside any one name ("Bosnia and Herzegovina" is one); a longer list
    # of countries signs one joint statement
    places = len(parts) == 2 and any(t.ent_type_ == "GPE" for t in span) and not any(
        t.ent_type_ for t in span if t.lower_ in lexicon.JOINING_WORDS)
    if len(parts) < 2 or not all(part and _own_source(part, surnames, places) for part in parts):
        return []
    if _descriptions_of_first(parts):
        return []
    for i, part in enumerate(parts[:-1]):  # "Sumy and Kharkiv officials": one noun the parts share
        attached = _part_head(part).head
        if attached.pos_ == "NOUN" and any(attached.i == t.i for rest in parts[i + 1:] for t in rest):
            return []
    sources = [(part[0].idx, part[-1].idx + len(part[-1]), _part_head(part).i) for part in parts]
    attribution.source, attribution.source_head = sources[0][:2], sources[0][2]
    flags = {*attribution.flags, "joint"}
    return [replace(attribution, source=(start, end), source_head=head, flags=flags)
            for start, end, head in sources[1:]]


#: Entity labels of a party: a country or capital ("Russia", "Kyiv"), a nationality ("Russian").
_PARTIES = frozenset({"GPE", "NORP"})
#: What stands before a party noun for both parties: "both sides", "the two delegations".
_BOTH = frozenset({"both", "two"})


def pair_speakers(doc: Doc, attribution: Attribution) -> list[Attribution]:
    """A mention of two parties, each a speaker: "the Russian and Ukrainian sides" (the Russian side,
    the Ukrainian side), "both sides" or "the two delegations" (the last pair joined by "and" before it:
    "Moscow and Kyiv", "the Russian and Ukrainian delegations"). The attribution speaks for the first
    (its speaker named so); returned, one more for the second."""
    names = _parties(doc, attribution)
    if not names:
        return []
    attribution.speaker = attribution.mention = names[0]
    return [replace(attribution, speaker=name, mention=name, flags={*attribution.flags, "joint"})
            for name in names[1:]]


def _parties(doc: Doc, attribution: Attribution) -> list[str]:
    """The names of the two parties a mention stands for, or []."""
    if attribution.source is None or attribution.follows is not None:
        return []
    span = doc.char_span(*attribution.source, alignment_mode="expand")
    if span is None or span.root.lower_ not in lexicon.PARTY_NOUNS:
        return []
    root = span.root
    own = _pair(root.children, root)
    if own:
        return own
    if not any(t.lower_ in _BOTH for t in root.lefts) or any(
            t.dep_ in {"amod", "compound"} for t in root.lefts):
        return []
    before = doc[max(0, span.start - 200):span.start]
    pairs = [_pair([t], t.head if t.dep_ in {"amod", "compound"} else None) for t in before]
    return next((pair for pair in reversed(pairs) if pair), [])


def _pair(candidates: Iterable[Token], noun: Token | None) -> list[str]:
    """Two parties joined by "and" among ``candidates`` ("Russian and Ukrainian", "Moscow and Kyiv"),
    named with the ``noun`` they modify in the singular ("Russian side") or alone."""
    for first in candidates:
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        if second is None or first.text == second.text or not (
                noun is None or first.dep_ in {"amod", "compound"}):
            continue
        # the tagger often misses one of the two ("Moscow and Kyiv"): a capitalised word beside a party
        pair = (first, second)
        if all(t.is_title and t.pos_ in {"PROPN", "ADJ"} for t in pair) and any(
                t.ent_type_ in _PARTIES for t in pair):
            word = "" if noun is None or noun.pos_ != "NOUN" else (
                f" {noun.lemma_}" if noun.lower_ in lexicon.PARTY_NOUNS else f" {noun.text}")
            return [first.text + word, second.text + word]
    return []


def _own_source(part: list[Token], surnames: set[str], places: bool = False) -> bool:
    """Whether one of the mentions joined by "and" names a source of its own: a person, a full name,
    a pronoun, a surname of a person named (``surnames``), a place among ``places`` joined (a
    government), a described group ("Western analysts") or holder ("the regional governor", "his Polish
    counterpart"); not the rest of a name or a place ("Procter and Gamble", "the mayor of Sumy and
    Kharkiv", "Russian and Ukrainian officials"), nor one that belongs to the first ("the ministry and its
    partners")."""
    if part[0].i > 0 and part[0].doc[part[0].i - 1].lower_ == "of":
        return False
    if any(t.ent_type_ == "PERSON" for t in part) or (len(part) == 1 and (
            part[0].pos_ == "PRON" or part[0].text in surnames)):
        return True
    names = [t for t in part if t.pos_ == "PROPN"]
    if places and names and all(t.pos_ == "PROPN" or t.dep_ in {"det", "preconj"} for t in part):
        return True  # "Both Moscow and Kyiv said": each a government
    if len(names) >= 2 and len(names) == len(part) and all(t.is_title for t in names):
        return True
    if _part_head(part).tag_ == "NNS" and part[0].pos_ in {"ADJ", "PROPN", "NOUN"}:
        return True  # "Ukrainian officials and Western analysts", "residents and local officials"
    if part[-1].lower_ in lexicon.COUNTERPART_NOUNS:
        return True  # "the minister and his Polish counterpart"
    if _part_head(part).pos_ == "NOUN" and any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in part):
        return True  # "Ukraine's foreign minister and ...": a named body's or country's holder
    # "the United States and its allies" is one source: a possessive makes the second part the first's
    return part[0].lower_ in lexicon.DETERMINERS and part[-1].pos_ in {"NOUN", "PROPN"}


def _descriptions_of_first(parts: list[list[Token]]) -> bool:
    """"Ivo Marsh, a harbour strategist and a former adviser to the mayor, said": the parts after a
    name are its appositions, one person described twice, when none of them is a name itself."""
    def named(part: list[Token]) -> bool:
        return any(t.ent_type_ == "PERSON" for t in part) or all(t.pos_ == "PROPN" for t in part)

    second = parts[1]
    return named(parts[0]) and not any(named(part) for part in parts[1:]) and (
        second[0].lower_ in lexicon.DETERMINERS and _part_head(second).dep_ == "appos")


def _part_head(part: list[Token]) -> Token:
    """The head word of one joined mention: the word whose head lies outside it, else its last noun."""
    inside = {t.i for t in part}
    outside = [t for t in part if t.head.i not in inside and t.pos_ in {"PROPN", "NOUN", "PRON"}]
    nouns = [t for t in part if t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return outside[0] if outside else nouns[-1] if nouns else part[-1]
