"""SpanLookup answers as a scan of every span would, whatever the spans' order, nesting or emptiness."""

import random

from attribview.nlp.intervals import SpanLookup


def _scan(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    if end <= start:
        return [i for i, (a, b) in enumerate(spans) if a <= start < b]
    return [i for i, (a, b) in enumerate(spans) if a < end and start < b]


def test_answers_match_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(0, 60)
            spans.append((a, a + rng.randrange(0, 15)))
        lookup = SpanLookup(spans)
        for start in range(-2, 80):
            for end in (start, start + 1, start + rng.randrange(2, 20)):
                assert lookup.overlapping(start, end) == _scan(spans, start, end)
                assert lookup.any_overlapping(start, end) == bool(_scan(spans, start, end))
            assert lookup.covers(start) == any(a <= start < b for a, b in spans)


def test_a_position_is_covered_only_inside_a_span() -> None:
    lookup = SpanLookup([(10, 20), (12, 14), (30, 30)])
    assert [p for p in range(0, 40) if lookup.covers(p)] == list(range(10, 20))
    assert not lookup.any_overlapping(20, 30)
    assert lookup.any_overlapping(19, 25)
    assert not SpanLookup([]).covers(0)
