"""Character spans sorted by start, to ask which of them overlap a stretch without looking at all of them.

A long article holds thousands of names, subjects and contents; asking each of them of every other is
quadratic in the article's length. Sorted by start, with the furthest end reached so far beside each
one, the spans that begin before a stretch ends are found by bisection and walked back only as far as
they can still reach it.
"""

from bisect import bisect_left


class SpanLookup:
    """Spans (start, end) sorted by start, for overlap questions."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._spans = spans
        self._order = order
        self._starts = [spans[i][0] for i in order]
        self._reach: list[int] = []  # the furthest end of the spans up to each one, in start order
        for i in order:
            self._reach.append(max(self._reach[-1] if self._reach else spans[i][1], spans[i][1]))

    def _last_before(self, start: int, end: int) -> int:
        """The place, in start order, of the last span that starts before ``end`` (or at ``start``,
        for an empty stretch); -1 if none does."""
        return bisect_left(self._starts, end if end > start else start + 1) - 1

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices (in the order given) of the spans that start before ``end`` and end after ``start``
        (or contain ``start``, for an empty stretch), in that order."""
        found: list[int] = []
        k = self._last_before(start, end)
        while k >= 0 and self._reach[k] > start:
            if self._spans[self._order[k]][1] > start:
                found.append(self._order[k])
            k -= 1
        return sorted(found)

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether any span starts before ``end`` and ends after ``start`` (contains ``start``, for an
        empty stretch)."""
        k = self._last_before(start, end)
        return k >= 0 and self._reach[k] > start

    def covers(self, position: int) -> bool:
        """Whether any span holds the character at ``position`` (``start <= position < end``)."""
        return self.any_overlapping(position, position)
