"""The finder's attributions indexed by the stretch of text they cover, for the quotation pass.

Each quotation asks which attribution holds it, which one ends just before it and which one was the
latest before it. Asked of every attribution, that is quadratic in the quotations of an article (a flood
of quotation marks ran for hours); asked of the few in the blocks of text around it, it is linear.
Attributions change while the pass runs (a quotation extends the content that holds it), so a changed
one is noted again, and entries left behind are told apart by the attribution's current offsets.
"""

from collections.abc import Iterator

from attribview.nlp.attribution import Attribution

#: Characters per block of text: small enough that a block holds few attributions.
BLOCK = 1024


class AttributionIndex:
    """Blocks of text -> the attributions (by position in the finder's list) that cover them."""

    def __init__(self, found: list[Attribution]) -> None:
        self._found = found
        self._blocks: dict[int, list[int]] = {}
        self._position: dict[int, int] = {}
        self.update()

    def update(self) -> None:
        """Note the attributions appended to the list since the last call."""
        for position in range(len(self._position), len(self._found)):
            attribution = self._found[position]
            self._position[id(attribution)] = position
            self.note(attribution)

    def note(self, attribution: Attribution) -> None:
        """Register ``attribution`` in every block it covers now (after a change of its offsets)."""
        position = self._position[id(attribution)]
        for block in range(attribution.start // BLOCK, _last_block(attribution) + 1):
            entries = self._blocks.setdefault(block, [])
            if not entries or entries[-1] != position:
                entries.append(position)

    def around(self, start: int, end: int) -> Iterator[Attribution]:
        """The attributions registered in the blocks of characters ``start`` to ``end`` (inclusive), in
        the finder's order; callers check each one's offsets."""
        positions: set[int] = set()
        for block in range(max(start, 0) // BLOCK, max(end, 0) // BLOCK + 1):
            positions.update(self._blocks.get(block, ()))
        return (self._found[position] for position in sorted(positions))

    def latest_ending_by(self, limit: int) -> Attribution | None:
        """The attribution with the greatest end at or before ``limit`` (the first such, on a tie).

        Each attribution counts in the block of its last character only, so the blocks are searched
        from ``limit`` back, and the first one where any attribution ends in time holds the latest
        (with the block before it, where one of equal end but no length may count).
        """
        block = max(limit, 0) // BLOCK
        lowest = min(self._blocks, default=0)
        while block >= lowest:
            candidates = [p for b in (block, block - 1) for p in self._blocks.get(b, ())
                          if _last_block(self._found[p]) == b and self._found[p].end <= limit]
            if candidates:
                best = max(self._found[p].end for p in candidates)
                return self._found[min(p for p in candidates if self._found[p].end == best)]
            block -= 1
        return None


def _last_block(attribution: Attribution) -> int:
    """The block of an attribution's last character (of its start, if it has none)."""
    return max(attribution.start, attribution.end - 1) // BLOCK
