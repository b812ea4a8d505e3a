"""The learned tagger in the pipeline: loaded from the shipped weights, it writes its own spans and
role probabilities and leaves the part-of-speech tags and entities the rules read untouched."""

import ctypes
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc, Span
from thinc.api import Config, NumpyOps

from attribview.core.analysis import Analyzer
from attribview.nlp.learned import (
    DEFAULT_MODEL,
    LABELS,
    LEARNED_PIPE,
    ROLES,
    SPANS_KEY,
    labelled_spans,
    one_blas_thread,
    weights_dir,
)
from attribview.nlp.model import model_candidates
from attribview.paths import resources_dir
from attribview.training.__main__ import CONFIG

TEXT = ("Councillor Maren Holt of Eastwick said on Friday that the old mill would be turned into a "
        "school. “We owe it to the children,” she told reporters.")


def test_the_shipped_weights_are_loaded_with_the_pipeline(analyzer: Analyzer) -> None:
    assert (weights_dir() / "model").is_file()
    names = analyzer.nlp.pipe_names
    assert names.index("attribview_speakers") < names.index(LEARNED_PIPE)  # it reads what the rules found
    tagger = analyzer.nlp.get_pipe(LEARNED_PIPE)
    assert tuple(sorted(tagger.labels)) == tuple(sorted(LABELS))
    assert LEARNED_PIPE in analyzer.nlp.get_pipe("tok2vec").listening_components


def test_it_writes_spans_and_probabilities_but_no_tags_or_entities(analyzer: Analyzer) -> None:
    plain = spacy.load(next(m for m in model_candidates() if spacy.util.is_package(m)))
    bare = plain(TEXT)
    doc = analyzer.nlp(TEXT)
    assert [t.tag_ for t in doc] == [t.tag_ for t in bare]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in bare.ents]
    roles = doc._.get(ROLES)
    assert roles.shape == (len(doc), 3)
    assert numpy.all(roles >= 0) and numpy.all(roles.sum(axis=1) <= 1.0 + 1e-5)
    labels = {span.label_ for span in doc.spans[SPANS_KEY]}
    assert labels <= {"SOURCE", "CUE", "CONTENT"}
    said = next(t for t in doc if t.text == "said")
    assert roles[said.i].argmax() == 1  # the trained tagger reads "said" as a cue


def _spans(doc: Doc, labels: list[str]) -> list[Span]:
    return labelled_spans(doc, list(LABELS), [LABELS.index(label) for label in labels])


def test_bio_labels_become_spans(analyzer: Analyzer) -> None:
    doc = analyzer.nlp.make_doc("Ada Brel said the dam held")
    spans = _spans(doc, ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "B-CONTENT"])
    assert [(s.text, s.label_) for s in spans] == [
        ("Ada Brel", "SOURCE"), ("said", "CUE"), ("the dam", "CONTENT"), ("held", "CONTENT")]
    assert [s.text for s in _spans(doc, ["O", "I-SOURCE", "O", "O", "I-CONTENT", "I-CONTENT"])] == [
        "Brel", "dam held"]


def test_one_role_throughout_is_one_span_and_no_role_none(analyzer: Analyzer) -> None:
    doc = analyzer.nlp.make_doc("Ada Brel said the dam held")
    assert [(s.start, s.end, s.label_) for s in _spans(doc, ["I-CUE"] * 6)] == [(0, 6, "CUE")]
    assert _spans(doc, ["O"] * 6) == []
    assert labelled_spans(analyzer.nlp.make_doc(""), list(LABELS), []) == []


def test_the_pipeline_builds_the_network_the_training_config_trains() -> None:
    """The weights load into the factory's default network: it must be the one the config trains."""
    trained = Config().from_disk(resources_dir() / CONFIG, interpolate=False)
    assert trained["components"]["attribview_learned"]["model"] == DEFAULT_MODEL


def test_the_taggers_own_layers_run_on_numpy_blas_and_the_shared_tok2vec_on_thincs(
        analyzer: Analyzer) -> None:
    tagger = analyzer.nlp.get_pipe(LEARNED_PIPE)
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in tagger.model.walk())
    assert getattr(analyzer.nlp.get_pipe("tok2vec").model.ops, "use_blis", True)


def _openblas_threads() -> int | None:
    """How many threads numpy's bundled OpenBLAS uses, asked of the library itself (None: not found)."""
    package = Path(numpy.__file__).parent
    for path in [*package.parent.glob("numpy.libs/*openblas*"), *package.glob(".dylibs/*openblas*")]:
        library = ctypes.CDLL(str(path))
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads"):
            getter = getattr(library, name, None)
            if getter is not None:
                getter.restype = ctypes.c_int
                return int(getter())
    return None


def test_openblas_is_held_to_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    found = one_blas_thread()
    assert found == (_openblas_threads() is not None)
    if found:
        assert _openblas_threads() == 1


def test_a_thread_count_the_user_set_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert not one_blas_thread()
