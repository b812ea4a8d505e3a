"""The attribution record the components fill in and the core turns into quotes."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: The kind of a held stance or intention ("wants to ...", "endorsed ..."), as opposed to a statement.
STANCE = "stance"
#: The engines that find attributions (see ``blend.py``): the rules alone, the learned tagger alone, both.
RULES, LEARNED, COMBINED = "rules", "learned", "combined"
ENGINES = (RULES, LEARNED, COMBINED)


@dataclass
class Attribution:
    """Who said what, in character offsets of ``doc.text``.

    ``source_head`` is the token index of the source mention's head (the word the speaker resolver
    starts from); ``follows`` is the attribution a cue-less continuation carries on; ``tail`` is the
    content's second fragment after a cue set between commas ("X, she said, Y").
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None
    confidence: float = 0.8
    follows: "Attribution | None" = field(default=None, repr=False, compare=False)
    tail: tuple[int, int] | None = None
    speaker: str | None = None
    mention: str | None = None
    flags: set[str] = field(default_factory=set)


def to_records(attributions: list[Attribution]) -> list[dict[str, Any]]:
    """Plain dicts for ``doc._.attributions``: spaCy's worker processes (``n_process``) send Docs
    back as msgpack, which knows no dataclasses."""
    index = {id(a): number for number, a in enumerate(attributions)}
    return [
        {
            "start": a.start, "end": a.end, "kind": a.kind,
            "cue": list(a.cue) if a.cue else None,
            "source": list(a.source) if a.source else None,
            "source_head": a.source_head, "confidence": a.confidence,
            "follows": index.get(id(a.follows)) if a.follows is not None else None,
            "tail": list(a.tail) if a.tail else None,
            "speaker": a.speaker, "mention": a.mention, "flags": sorted(a.flags),
        }
        for a in attributions
    ]


def from_records(records: Iterable[dict[str, Any]]) -> list[Attribution]:
    """The inverse of :func:`to_records`."""
    rows = list(records)
    found = [
        Attribution(
            start=r["start"], end=r["end"], kind=r["kind"],
            cue=(r["cue"][0], r["cue"][1]) if r["cue"] else None,
            source=(r["source"][0], r["source"][1]) if r["source"] else None,
            source_head=r["source_head"], confidence=r["confidence"], speaker=r["speaker"],
            mention=r["mention"], flags=set(r["flags"]),
            tail=(r["tail"][0], r["tail"][1]) if r.get("tail") else None,
        )
        for r in rows
    ]
    for attribution, record in zip(found, rows, strict=True):
        if record["follows"] is not None:
            attribution.follows = found[record["follows"]]
    return found
