"""What the learned tagger sees besides the shared tok2vec: the rules' reading and the grammar around.

The tok2vec sees four words either side; attributions run for dozens. So each token also carries the
rules' verdict (source, cue or content of an attribution they found, and its kind), its dependency label
and part of speech, how far up its head chain the nearest reporting verb is, its lemma and which of the
rules' cue word lists hold it, its head's lemma and label (what it hangs from, however far away), and
where in its sentence it stands: the tagger learns where the rules are right and where they stop short
or run on.
"""

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, with_array

from attribview.nlp import lexicon
from attribview.nlp.rules.grammar import is_cue
from attribview.nlp.rules.index import CUE_WORDS

#: ``doc._.attributions``: the rules' typed records (``nlp.results``).
_RECORDS = "attributions"
#: The kinds of the rules' attributions, as feature values (0: no attribution).
_KINDS = ("direct", "indirect", "mixed", "according_to", "stance")
#: How many heads up a reporting verb is looked for.
_CUE_DEPTH = 4
#: rule role, rule kind, dependency label, part of speech, distance to a reporting verb, quoted, lemma,
#: cue lists of the lemma, head's lemma, head's dependency label, place in the sentence
N_FEATURES = 11
#: The rules' cue vocabulary, one bit per kind of cue: a lemma's value is the sum of its kinds' bits.
_CUE_LISTS = (
    lexicon.SPEECH_VERBS | lexicon.QUOTE_ONLY_VERBS | lexicon.TELL_VERBS,
    lexicon.COGNITION_VERBS,
    lexicon.STANCE_VERBS | lexicon.STANCE_PREP_VERBS,
    lexicon.CLAIM_NOUNS | lexicon.DOCUMENT_NOUNS,
    lexicon.STANCE_NOUNS,
    lexicon.STANCE_ADJECTIVES,
)
#: Where in its sentence a token stands: its index in it, in buckets doubling in width (0, 1, 2-3,
#: 4-7, ... 32 on), and whether it is among the sentence's last three tokens.
_POSITION_BUCKETS = 6
_NEAR_END = 3
_OPENING, _CLOSING = {"“", "«"}, {"”", "»"}
_ROLE = {"SOURCE": 1, "CUE": 3, "CONTENT": 5}  # B = this, I = this + 1; 0 outside


def word_indices(doc: Doc, start: int, end: int, *, punctuation: bool = True) -> list[int]:
    """Indices of the tokens that overlap the characters, spaces (and without ``punctuation``,
    punctuation) left out: one lookup, not a pass over the doc (the features cost must not grow with
    the article's length times its attributions)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if span is None:
        return []
    return [t.i for t in span if not t.is_space and (punctuation or not t.is_punct)]


def token_ranges(bounds: numpy.ndarray, spans: numpy.ndarray) -> numpy.ndarray:
    """The (first, end) tokens overlapping each (start, end) of characters, as
    ``doc.char_span(start, end, alignment_mode="expand")`` finds them, for all spans at once; (0, 0)
    where it finds none. ``bounds``: each token's first character, its length and its trailing space."""
    idx, length, trailing = bounds
    text_end = idx[-1] + length[-1] + trailing[-1]

    def token_at(chars: numpy.ndarray) -> numpy.ndarray:  # -1 outside the text
        found = numpy.searchsorted(idx, chars, side="right") - 1
        return numpy.where((chars >= 0) & (chars < text_end), found, -1)

    first, last = token_at(spans[:, 0]), token_at(spans[:, 1] - 1)
    valid = (spans[:, 0] < spans[:, 1]) & (first >= 0) & (last >= 0)
    first = numpy.maximum(first, 0)
    first += spans[:, 0] == idx[first] + length[first]  # a start in the trailing space: the next token
    return numpy.where(valid[:, None], numpy.stack((first, last + 1), axis=1), 0)


def _rule_roles(doc: Doc, bounds: numpy.ndarray, space: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Each token's role in the rules' attributions (B on a part's first word, I on the others) and
    that attribution's kind; a token in several keeps the first one's, the parts in the order source,
    cue, content, tail."""
    n = len(doc)
    roles, kinds = numpy.zeros(n, dtype="uint64"), numpy.zeros(n, dtype="uint64")
    parts: list[tuple[int, int, int, int]] = []  # start, end, role, kind
    for record in doc._.get(_RECORDS) or ():
        kind = _KINDS.index(record.kind) + 1 if record.kind in _KINDS else len(_KINDS) + 1
        for role, span in (("SOURCE", record.source), ("CUE", record.cue),
                           ("CONTENT", (record.start, record.end)), ("CONTENT", record.tail)):
            if span is not None:
                parts.append((span[0], span[1], _ROLE[role], kind))
    if not parts:
        return roles, kinds
    table = numpy.asarray(parts, dtype="int64")
    ranges = token_ranges(bounds, table[:, :2])
    sizes = numpy.maximum(ranges[:, 1] - ranges[:, 0], 0)
    owner = numpy.repeat(numpy.arange(len(parts)), sizes)  # the part of each (part, token) pair
    tokens = numpy.arange(len(owner)) - numpy.repeat(numpy.cumsum(sizes) - sizes, sizes) + ranges[owner, 0]
    words = ~space[tokens]
    owner, tokens = owner[words], tokens[words]
    first = numpy.concatenate(([True], owner[1:] != owner[:-1]))
    marked, at = numpy.unique(tokens, return_index=True)  # the first part that holds each token
    roles[marked] = table[owner[at], 2] + ~first[at]
    kinds[marked] = table[owner[at], 3]
    return roles, kinds


def _ids(words: Iterable[str]) -> numpy.ndarray:
    return numpy.asarray(sorted({get_string_id(word) for word in words}), dtype="uint64")


_SAID_IDS = _ids(CUE_WORDS)
_OPENING_IDS, _CLOSING_IDS, _STRAIGHT_ID = _ids(_OPENING), _ids(_CLOSING), get_string_id('"')


def _cue_distance(doc: Doc, parts: numpy.ndarray, lowers: numpy.ndarray,
                  heads: numpy.ndarray) -> numpy.ndarray:
    """How many heads up each token's nearest reporting verb is (0: itself; ``_CUE_DEPTH + 1``: none
    that near), walked for all tokens at once. ``grammar.is_cue`` is asked only of the tokens it can
    accept (``index.may_be_cue``: a verb, or "said")."""
    cues = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero((parts == VERB) | numpy.isin(lowers, _SAID_IDS)).tolist():
        cues[i] = is_cue(doc[i])
    distance = numpy.full(len(doc), _CUE_DEPTH + 1, dtype="uint64")
    current = numpy.arange(len(doc))
    for step in range(_CUE_DEPTH + 1):
        found = cues[current] & (distance == _CUE_DEPTH + 1)
        distance[found] = step
        current = heads[current]
    return distance


def line_breaks(doc: Doc, orths: numpy.ndarray, space: numpy.ndarray) -> numpy.ndarray:
    """Which tokens are space tokens holding a newline (spaCy never joins a newline to a word): only
    the space tokens' strings are looked up."""
    strings = doc.vocab.strings
    breaks = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(space).tolist():
        breaks[i] = "\n" in strings[int(orths[i])]
    return breaks


def _quoted(doc: Doc, orths: numpy.ndarray, space: numpy.ndarray) -> numpy.ndarray:
    """Whether each token is inside quotation marks; one left open ends with its paragraph. Only the
    quotation marks and the line breaks (space tokens: spaCy never joins a newline to a word) change
    the state, so they alone are walked, and the state between them is spread by numpy."""
    opening, closing = numpy.isin(orths, _OPENING_IDS), numpy.isin(orths, _CLOSING_IDS)
    straight = orths == _STRAIGHT_ID
    breaks = line_breaks(doc, orths, space)
    events = numpy.flatnonzero(opening | closing | straight | breaks)
    if not len(events):
        return numpy.zeros(len(doc), dtype=bool)
    after = numpy.zeros(len(events), dtype=bool)  # the state after each event
    quoted = False
    for number, i in enumerate(events.tolist()):
        if breaks[i]:
            quoted = False
        elif opening[i] or (straight[i] and not quoted):
            quoted = True
        else:
            quoted = False
        after[number] = quoted
    last = numpy.searchsorted(events, numpy.arange(len(doc))) - 1  # each token's last event before it
    marks: numpy.ndarray = numpy.where(last >= 0, after[numpy.maximum(last, 0)], False) & ~breaks
    return marks


def _cue_table() -> tuple[numpy.ndarray, numpy.ndarray]:
    """The cue words' lemma hashes, sorted, and each one's bits (see ``_CUE_LISTS``)."""
    bits: dict[int, int] = {}
    for bit, words in enumerate(_CUE_LISTS):
        for word in words:
            key = get_string_id(word)
            bits[key] = bits.get(key, 0) | 1 << bit
    keys = numpy.asarray(sorted(bits), dtype="uint64")
    return keys, numpy.asarray([bits[int(k)] for k in keys], dtype="uint64")


_CUE_KEYS, _CUE_BITS = _cue_table()


def _cue_lists(lemmas: numpy.ndarray) -> numpy.ndarray:
    """Each lemma's cue bits (0: in none of the lists), by one sorted lookup for all tokens."""
    at = numpy.minimum(numpy.searchsorted(_CUE_KEYS, lemmas), len(_CUE_KEYS) - 1)
    return numpy.where(_CUE_KEYS[at] == lemmas, _CUE_BITS[at], 0)


def _sentence_place(starts: numpy.ndarray) -> numpy.ndarray:
    """Each token's place in its sentence (see ``_POSITION_BUCKETS``) from the sentence-start flags."""
    n = len(starts)
    indices = numpy.arange(n)
    first = numpy.maximum.accumulate(numpy.where(starts, indices, 0))
    following = numpy.where(starts, indices, n)[::-1]  # the next sentence's first token, from the end
    last = numpy.minimum.accumulate(following)[::-1]
    ends = numpy.concatenate((last[1:], [n]))
    offset = indices - first
    bucket = numpy.minimum(numpy.floor(numpy.log2(offset + 1)), _POSITION_BUCKETS).astype("uint64")
    return bucket * 2 + (ends - indices <= _NEAR_END)


def token_features(doc: Doc) -> numpy.ndarray:
    """An (n_tokens, N_FEATURES) array of categorical feature values."""
    n = len(doc)
    features = numpy.zeros((n, N_FEATURES), dtype="uint64")
    if not n:
        return features
    columns = doc.to_array(["DEP", "POS", "LEMMA", "HEAD", "SENT_START", "ORTH", "LOWER", "IS_SPACE"])
    deps, parts, lemmas, heads, starts, orths, lowers, space = columns.T
    space = space.astype(bool)
    bounds = doc.to_array(["IDX", "LENGTH", "SPACY"]).astype("int64").T
    roles, kinds = _rule_roles(doc, bounds, space)
    features[:, 0], features[:, 1] = roles, kinds
    features[:, 2], features[:, 3] = deps, parts
    heads = numpy.arange(n) + heads.astype("int64")
    features[:, 4] = _cue_distance(doc, parts, lowers, heads)
    features[:, 5] = _quoted(doc, orths, space)
    features[:, 6], features[:, 7] = lemmas, _cue_lists(lemmas)
    features[:, 8], features[:, 9] = lemmas[heads], deps[heads]
    features[:, 10] = _sentence_place(starts.astype("int64") == 1)
    return features


def _forward(model: Model[Any, Any], docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    features: list[Any] = [model.ops.asarray(token_features(doc), dtype="uint64")  # type: ignore[arg-type]
                           for doc in docs]
    return features, lambda d_out: []


@registry.layers("attribview.RuleFeatures.v1")
def rule_features() -> Model[Any, Any]:
    """Docs to their tokens' feature values (no weights: nothing to learn, nothing to back-propagate)."""
    return Model("attribview_rule_features", _forward)


@registry.architectures("attribview.ListenerWithRules.v2")  # type: ignore[untyped-decorator]
def listener_with_rules(width: int, upstream: str, feature_width: int, rows: list[int]) -> Model[Any, Any]:
    """The listened-to tok2vec output, next to embeddings of the rules' and grammar's features (one
    table each, of ``rows[i]`` rows: the lemmas need more than the labels), mixed back to ``width``."""
    if len(rows) != N_FEATURES:
        raise ValueError(f"{N_FEATURES} row counts needed, one per feature, not {len(rows)}")
    embeddings: list[Model[Any, Any]] = [HashEmbed(feature_width, count, column=i, seed=101 + i)
                                         for i, count in enumerate(rows)]
    features: Model[Any, Any] = chain(rule_features(), with_array(concatenate(*embeddings)))
    listener = Tok2VecListener(upstream_name=upstream, width=width)
    mixed: Model[Any, Any] = with_array(
        Maxout(width, width + feature_width * N_FEATURES, nP=3, normalize=True))
    model: Model[Any, Any] = chain(concatenate(listener, features), mixed)
    model.set_dim("nO", width)
    return model
