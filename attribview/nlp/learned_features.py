"""What the learned tagger sees besides the shared tok2vec: the rules' reading and the grammar around.

The tok2vec sees four words either side; attributions run for dozens. So each token also carries the
rules' verdict (source, cue or content of an attribution they found, and its kind), its dependency label
and part of speech, and how far up its head chain the nearest reporting verb is: the tagger learns where
the rules are right and where they stop short or run on.
"""

from typing import Any

import numpy
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, with_array

from attribview.nlp.rules.grammar import is_cue
from attribview.nlp.rules.index import may_be_cue, token_arrays

#: ``doc._.attributions``: the rules' typed records (``nlp.results``).
_RECORDS = "attributions"
#: The kinds of the rules' attributions, as feature values (0: no attribution).
_KINDS = ("direct", "indirect", "mixed", "according_to", "stance")
#: How many heads up a reporting verb is looked for.
_CUE_DEPTH = 4
#: rule role, rule kind, dependency label, part of speech, distance to a reporting verb, quoted
N_FEATURES = 6
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


def _mark(roles: numpy.ndarray, kinds: numpy.ndarray, doc: Doc, span: tuple[int, int] | None,
          role: str, kind: int) -> None:
    if span is None:
        return
    inside = word_indices(doc, span[0], span[1])
    for position, i in enumerate(inside):
        if roles[i] == 0:
            roles[i] = _ROLE[role] + (position > 0)
            kinds[i] = kind


def _cue_distance(doc: Doc) -> numpy.ndarray:
    """How many heads up each token's nearest reporting verb is (0: itself; ``_CUE_DEPTH + 1``: none
    that near), walked for all tokens at once."""
    cues = numpy.zeros(len(doc), dtype=bool)
    _, lowers, pos = token_arrays(doc)
    for i, (part, lower) in enumerate(zip(pos, lowers, strict=True)):
        cues[i] = may_be_cue(part, lower) and is_cue(doc[i])
    heads = numpy.arange(len(doc)) + doc.to_array("HEAD").astype("int64")
    distance = numpy.full(len(doc), _CUE_DEPTH + 1, dtype="uint64")
    current = numpy.arange(len(doc))
    for step in range(_CUE_DEPTH + 1):
        found = cues[current] & (distance == _CUE_DEPTH + 1)
        distance[found] = step
        current = heads[current]
    return distance


def _quoted(doc: Doc) -> list[bool]:
    """Whether each token is inside quotation marks; one left open ends with its paragraph."""
    marks: list[bool] = []
    quoted = False
    for text in token_arrays(doc)[0]:
        if "\n" in text:
            quoted = False
        marks.append(quoted)
        if text in _OPENING or (text == '"' and not quoted):
            quoted = True
        elif text in _CLOSING or text == '"':
            quoted = False
    return marks


def token_features(doc: Doc) -> numpy.ndarray:
    """An (n_tokens, N_FEATURES) array of categorical feature values."""
    n = len(doc)
    roles = numpy.zeros(n, dtype="uint64")
    kinds = numpy.zeros(n, dtype="uint64")
    for record in doc._.get(_RECORDS) or ():
        kind = _KINDS.index(record.kind) + 1 if record.kind in _KINDS else len(_KINDS) + 1
        _mark(roles, kinds, doc, record.source, "SOURCE", kind)
        _mark(roles, kinds, doc, record.cue, "CUE", kind)
        _mark(roles, kinds, doc, (record.start, record.end), "CONTENT", kind)
        _mark(roles, kinds, doc, record.tail, "CONTENT", kind)
    features = numpy.zeros((n, N_FEATURES), dtype="uint64")
    if not n:
        return features
    features[:, 0], features[:, 1] = roles, kinds
    features[:, 2:4] = doc.to_array(["DEP", "POS"])
    features[:, 4] = _cue_distance(doc)
    features[:, 5] = _quoted(doc)
    return features


def _forward(model: Model[Any, Any], docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    features: list[Any] = [model.ops.asarray(token_features(doc), dtype="uint64")  # type: ignore[arg-type]
                           for doc in docs]
    return features, lambda d_out: []


@registry.layers("attribview.RuleFeatures.v1")
def rule_features() -> Model[Any, Any]:
    """Docs to their tokens' feature values (no weights: nothing to learn, nothing to back-propagate)."""
    return Model("attribview_rule_features", _forward)


@registry.architectures("attribview.ListenerWithRules.v1")  # type: ignore[untyped-decorator]
def listener_with_rules(width: int, upstream: str, feature_width: int, rows: int) -> Model[Any, Any]:
    """The listened-to tok2vec output, next to embeddings of the rules' and grammar's features, mixed
    back to ``width``."""
    embeddings: list[Model[Any, Any]] = [HashEmbed(feature_width, rows, column=i, seed=101 + i)
                                         for i in range(N_FEATURES)]
    features: Model[Any, Any] = chain(rule_features(), with_array(concatenate(*embeddings)))
    listener = Tok2VecListener(upstream_name=upstream, width=width)
    mixed: Model[Any, Any] = with_array(
        Maxout(width, width + feature_width * N_FEATURES, nP=3, normalize=True))
    model: Model[Any, Any] = chain(concatenate(listener, features), mixed)
    model.set_dim("nO", width)
    return model
