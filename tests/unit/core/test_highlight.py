"""The one highlighting model: runs over the text, on the real model, for every face to draw."""

from __future__ import annotations

from itertools import pairwise

from attribview.core.highlight import (
    FALLBACK_PALETTE,
    assign_colours,
    highlight_runs,
    make_badge,
    safe_colour,
    tint,
)
from attribview.core.types import Analysis


def _runs_over(analysis: Analysis, phrase: str) -> list[tuple[str | None, bool, bool]]:
    """(group, cue, source) of every run over ``phrase``'s characters."""
    start = analysis.text.index(phrase)
    end = start + len(phrase)
    return [(r.group, r.cue, r.source) for r in highlight_runs(analysis) if r.start < end and start < r.end]


def test_two_speakers_in_one_sentence_get_two_groups(two_voices: Analysis) -> None:
    assert [s.groups for s in two_voices.sentences if len(s.groups) == 2], "each voice sentence has two"
    assert _runs_over(two_voices, "they pushed back an assault") == [("ukrainian_military", False, False)]
    assert _runs_over(two_voices, "the bridge at Kessin was badly damaged") == [("other", False, False)]
    assert _runs_over(two_voices, "the offensive had stalled") == [("russian_mod", False, False)]
    assert _runs_over(two_voices, "the operation was going to plan") == [("putin", False, False)]


def test_the_reporters_words_are_not_the_speakers(two_voices: Analysis) -> None:
    runs = highlight_runs(two_voices)
    tinted = [(r.start, r.end) for r in runs if r.group is not None]
    text = two_voices.text
    for phrase in (", and ", "Whether the garrison has withdrawn remains unclear", ", while "):
        start = text.index(phrase)
        assert not any(s < start + len(phrase) and start < e for s, e in tinted), phrase
    assert _runs_over(two_voices, "Ukrainian forces say") == [(None, False, True), (None, True, False)]


def test_runs_are_ordered_disjoint_and_each_quote_opens_once(two_voices: Analysis) -> None:
    runs = highlight_runs(two_voices)
    assert all(a.end <= b.start for a, b in pairwise(runs))
    assert all(r.end > r.start for r in runs)
    opened = [r.quote for r in runs if r.opens]
    assert sorted(opened) == sorted(set(opened)) == list(range(len(two_voices.quotes)))
    anonymous = next(r for r in runs if r.source and r.anonymous)
    assert two_voices.text[anonymous.start:anonymous.end] == "local sources"


def test_hidden_groups_are_unmarked(two_voices: Analysis) -> None:
    runs = highlight_runs(two_voices, visible={"putin"})
    assert {r.group for r in runs} == {"putin", None}
    assert {r.quote for r in runs} == {next(i for i, q in enumerate(two_voices.quotes) if q.group == "putin")}


def test_colours_badges_and_tints() -> None:
    assert tint("#0072B2") == "#99c7e0"
    assert safe_colour("red;background:url(x)") == safe_colour(None)
    assert assign_colours([("a", None), ("b", "#123456"), ("c", None)]) == \
        {"a": FALLBACK_PALETTE[0], "b": "#123456", "c": FALLBACK_PALETTE[1]}
    assert make_badge("Ukrainian military", "UA mil") == "UA mil"
    assert make_badge("Colonel Ivan Petrenko") == "Petrenko"
    assert make_badge("Putin") == "Putin"
    assert len(make_badge("Extraordinarilylongname")) <= 8
    assert len(make_badge("Other", "A badge far too long for any margin")) <= 12
