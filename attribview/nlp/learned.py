"""The learned attribution tagger: BIO tags over source / cue / content, read from the shared tok2vec.

A subclass of spaCy's Tagger, so ``spacy train`` trains it like any tagger (gold in the reference docs'
``tag_``), but it never writes ``token.tag_``: the rules read the part-of-speech tags. It runs after the
rules and reads their attributions as features. It writes its
spans into ``doc.spans[SPANS_KEY]`` and its per-token role probabilities into ``doc._.attribview_roles``.
"""

import ctypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import NumpyOps

from attribview.nlp import learned_features  # noqa: F401 - registers the feature architecture
from attribview.paths import resources_dir

#: The component's name in the pipeline.
LEARNED_PIPE = "attribview_learned"
#: The shipped weights (``spacy train``'s output for this component alone) and their calibration.
WEIGHTS = ("models", "attribution")
#: The span group the tagger's own spans go to.
SPANS_KEY = "attribview_learned"
#: ``doc._.attribview_roles``: an (n_tokens, 3) array of P(source), P(cue), P(content).
ROLES = "attribview_roles"
ROLE_NAMES = ("SOURCE", "CUE", "CONTENT")
OUTSIDE = "O"
#: The seven BIO labels, in the order the training data uses them.
LABELS = (OUTSIDE, *(f"{prefix}-{role}" for role in ROLE_NAMES for prefix in ("B", "I")))

#: The hash table rows of each feature (``learned_features``): the lemmas (the token's, its head's)
#: take many more values than the labels.
FEATURE_ROWS = (1000, 1000, 1000, 1000, 1000, 1000, 2000, 1000, 2000, 1000, 1000)
#: The tagger's network: the listened-to tok2vec (width 96 in en_core_web_sm) beside the rules' and the
#: grammar's features (``learned_features``), a small window encoder that widens each token's context by
#: two words either side, then a softmax.
DEFAULT_MODEL = {
    "@architectures": "spacy.Tagger.v2",
    "nO": None,
    "normalize": True,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "attribview.ListenerWithRules.v2", "width": 96, "upstream": "tok2vec",
                  "feature_width": 16, "rows": list(FEATURE_ROWS)},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "depth": 3,
                   "window_size": 2, "maxout_pieces": 3},
    },
}

#: The thread-count setters numpy's bundled OpenBLAS may export (the scipy-openblas builds of numpy 2
#: suffix their symbols; older wheels do not).
_BLAS_THREAD_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                        "openblas_set_num_threads64_", "openblas_set_num_threads")

if not Doc.has_extension(ROLES):
    Doc.set_extension(ROLES, default=None)


def role_of(label: str) -> str | None:
    """"I-CUE" -> "CUE"; "O" -> None."""
    return label[2:] if label != OUTSIDE else None


def labelled_spans(doc: Doc, labels: list[str], best: Any) -> list[Span]:
    """Spans of one role each for the labels ``labels[i]``, ``i`` in ``best``: a span starts where the
    role changes or a B- tag stands (an I- tag after another role starts one too) and runs to the next
    such place; read from arrays, since a loop over the tokens took half the time of setting the
    tagger's annotations."""
    best = numpy.asarray(best, dtype="int64")
    if not len(best):
        return []
    kinds = [role_of(label) for label in labels]
    role = numpy.array([kinds.index(kind) for kind in kinds])[best]  # one number per role, O included
    opens = numpy.array([label.startswith("B-") for label in labels])[best]
    edges = numpy.flatnonzero(numpy.concatenate(([True], (role[1:] != role[:-1]) | opens[1:]))).tolist()
    names = [kinds[b] for b in best[edges].tolist()]
    return [Span(doc, start, end, label=name) for start, end, name
            in zip(edges, [*edges[1:], len(best)], names, strict=True) if name is not None]


class AttributionTagger(Tagger):  # type: ignore[misc]  # spaCy's classes are untyped
    """Tags tokens as source, cue or content of an attribution; keeps the rules' ``tag_`` untouched."""

    def predict(self, docs: Iterable[Doc]) -> list[Any]:
        """The label scores of each doc's tokens (not only the best label: the scores are the output)."""
        docs = list(docs)
        # probabilities, even where the config left the softmax unnormalised (spaCy's speed default)
        self.model.get_ref("softmax").attrs["softmax_normalize"] = True
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.labels)) for doc in docs]
        return list(self.model.predict(docs))

    def set_annotations(self, docs: Iterable[Doc], scores: list[Any]) -> None:
        labels = list(self.labels)
        columns = {role: [labels.index(f"{p}-{role}") for p in "BI" if f"{p}-{role}" in labels]
                   for role in ROLE_NAMES}
        for doc, doc_scores in zip(docs, scores, strict=True):
            probs = numpy.asarray(self.model.ops.to_numpy(doc_scores), dtype="float32")
            roles = numpy.zeros((len(doc), len(ROLE_NAMES)), dtype="float32")
            for column, role in enumerate(ROLE_NAMES):
                if columns[role] and len(doc):
                    roles[:, column] = probs[:, columns[role]].sum(axis=1)
            doc._.set(ROLES, roles)
            doc.spans[SPANS_KEY] = labelled_spans(doc, labels, probs.argmax(axis=1) if len(doc) else [])


def predicted_label(token: Any) -> str:
    """The tagger's label of a token, from the spans it wrote (for scoring while training)."""
    for span in token.doc.spans.get(SPANS_KEY, []):
        if span.start <= token.i < span.end:
            return ("B-" if token.i == span.start else "I-") + str(span.label_)
    return OUTSIDE


def score_tagger(examples: Iterable[Example], **_: Any) -> dict[str, Any]:
    """Token accuracy of the BIO labels: the predicted docs' labels come from the spans, the gold's
    from ``tag_``."""
    def getter(token: Any, attr: str) -> str:
        return predicted_label(token) if SPANS_KEY in token.doc.spans else str(token.tag_)

    return dict(Scorer.score_token_attr(list(examples), "tag", getter=getter))


@Language.factory(
    "attribview_learned",
    assigns=["doc.spans", f"doc._.{ROLES}"],
    # token.pos comes from the attribute ruler's tag map, which declares nothing: token.tag stands for it
    requires=["doc._.attributions", "token.dep", "token.tag"],
    default_config={"model": DEFAULT_MODEL, "label_smoothing": 0.0, "neg_prefix": "!"},
    default_score_weights={"tag_acc": 1.0},
)
def make_learned_tagger(nlp: Language, name: str, model: Any, label_smoothing: float,
                        neg_prefix: str) -> AttributionTagger:
    return AttributionTagger(nlp.vocab, model, name, overwrite=False, scorer=_scorer(),
                             neg_prefix=neg_prefix, label_smoothing=label_smoothing)


def _scorer() -> Callable[..., dict[str, Any]]:
    return score_tagger


def weights_dir() -> Path:
    return resources_dir().joinpath(*WEIGHTS)


def one_blas_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread: the app must not take every core, and on matrices this
    small more threads are slower. numpy has no call for it, so the setter is reached through ctypes in
    the library numpy loaded; False (nothing changed) where there is none, or ``OPENBLAS_NUM_THREADS``
    already says how many."""
    if os.environ.get("OPENBLAS_NUM_THREADS"):
        return False
    package = Path(numpy.__file__).parent
    for path in [*package.parent.glob("numpy.libs/*openblas*"), *package.glob(".dylibs/*openblas*")]:
        try:
            library = ctypes.CDLL(str(path))  # numpy's own copy: dlopen hands back the loaded one
        except OSError:
            continue
        for name in _BLAS_THREAD_SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def on_numpy_blas(model: Any) -> None:
    """Run the tagger's own layers (not the shared tok2vec it listens to) on numpy's OpenBLAS, one
    thread, instead of thinc's BLIS: for its small matrices that cut its CPU time from 4.75 s to 3.0 s
    on 96 articles, with the same analyses."""
    ops = NumpyOps(use_blis=False)
    for layer in model.walk():
        layer.ops = ops
    one_blas_thread()


def add_learned_tagger(nlp: Language, folder: Path | None = None) -> Any | None:
    """Add the tagger with its shipped weights at the end, after the rules whose reading it takes in
    (``add_pipe`` links its listener to the shared ``tok2vec``); None, and no tagger, when no weights
    are installed."""
    folder = folder or weights_dir()
    if "tok2vec" not in nlp.pipe_names or not (folder / "model").is_file():
        return None
    tagger: Any = nlp.add_pipe(LEARNED_PIPE, last=True)
    tagger.from_disk(folder, exclude=["vocab"])
    on_numpy_blas(tagger.model)
    return tagger
