"""The stage timings cover every stage of both pipelines, on the real model."""

import spacy
from bench_stages import OWN_PREFIX, compare, stage_times  # tests/bench/bench_stages.py

from attribview.core.analysis import Analyzer
from attribview.nlp.model import model_candidates

TEXTS = ["“The ferry will not run before spring,” Ilse Varga said on Monday.\n",
         "According to the Dunmere council, the quay will close.\n"]


def test_each_component_is_timed_after_the_tokenizer(analyzer: Analyzer) -> None:
    times = stage_times(analyzer.nlp, TEXTS)
    assert list(times) == ["make_doc", *analyzer.nlp.pipe_names]
    assert all(seconds >= 0 for seconds in times.values())


def test_the_comparison_runs_attribviews_pipe_with_and_without_its_components(analyzer: Analyzer) -> None:
    nlp = analyzer.nlp
    names, disabled = list(nlp.pipe_names), list(nlp.disabled)
    bare = spacy.load(next(name for name in model_candidates() if spacy.util.is_package(name)))
    best = compare(bare, nlp, TEXTS, repeat=1)
    assert set(best["bare"]) == {"make_doc", "pipe", *bare.pipe_names}
    assert {"pipe", "pipe, own components off"} <= set(best["attribview"])
    assert any(name.startswith(OWN_PREFIX) for name in best["attribview"])
    assert (nlp.pipe_names, nlp.disabled) == (names, disabled)  # select_pipes restored them
