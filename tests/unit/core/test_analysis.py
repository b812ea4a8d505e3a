"""The analysis facade: batching across processes, profile choice."""

from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.errors import ProfileError
from attribview.textio import read_article

SAMPLES = sorted((Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.txt"))


def test_worker_processes_give_the_same_analysis(analyzer: Analyzer) -> None:
    """Docs cross process boundaries as msgpack: the attribution records must survive the trip."""
    sources = [read_article(path) for path in SAMPLES]
    alone = [a.to_json() for a in analyzer.analyze_many(sources)]
    pooled = [a.to_json() for a in analyzer.analyze_many(sources, n_process=2)]
    assert pooled == alone
    assert all(a["quotes"] for a in pooled)


def test_profile_is_chosen_per_article(analyzer: Analyzer) -> None:
    chosen = {path.stem: a.profile for path, a in zip(
        SAMPLES, analyzer.analyze_many([read_article(p) for p in SAMPLES]), strict=True)}
    assert chosen == {"frontline-report": "war", "river-crossing": "war", "harbour-council": None}


def test_unknown_profile_is_a_known_error(analyzer: Analyzer) -> None:
    with pytest.raises(ProfileError, match="nosuch"):
        analyzer.resolve_profile("nosuch", "text")


def test_a_stray_closing_mark_is_no_sentence(analyzer: Analyzer) -> None:
    from attribview.textio import prepare_text  # noqa: PLC0415

    text = 'The mayor said: "We will rebuild. We have done it before."\nThe river rose again.'
    analysis = analyzer.analyze(prepare_text(text), profile="none")
    assert all(any(ch.isalnum() for ch in text[s.start:s.end]) for s in analysis.sentences)
    assert text[analysis.sentences[-1].start:analysis.sentences[-1].end] == "The river rose again."


def test_the_three_engines_come_from_one_run_as_each_alone(analyzer: Analyzer) -> None:
    from attribview.nlp.attribution import ENGINES  # noqa: PLC0415

    sources = [read_article(path) for path in SAMPLES]
    together = list(analyzer.analyze_engines(sources))
    for engine in ENGINES:
        alone = [a.to_json() for a in analyzer.analyze_many(sources, engine=engine)]
        assert [runs[engine].to_json() for runs in together] == alone
    # the default is the combination, whose confidences are the calibrated learned scores
    assert [a.to_json() for a in analyzer.analyze_many(sources)] == [
        runs["combined"].to_json() for runs in together]
    assert {q.confidence for runs in together for q in runs["combined"].quotes} != {
        q.confidence for runs in together for q in runs["rules"].quotes}
