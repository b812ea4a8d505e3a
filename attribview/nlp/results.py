"""What the pipeline leaves on a Doc: the engine's typed attributions and their spans in ``doc.spans``.

``doc._.attributions`` holds an :class:`Attributions`: the finder's and the speaker resolver's
:class:`~attribview.nlp.attribution.Attribution` records themselves (exact character offsets, speaker,
mention, flags, confidence, the ``follows`` links between them), never copied into dicts on the way.
The same attributions are written as spaCy spans, one group per role, for anyone who reads the Doc
with spaCy's own tools (displaCy, ``Span`` attributes):

- ``doc.spans["attribview_content"]``: each attribution's content (and its second fragment after a
  cue between commas, ``tail``), labelled with its kind;
- ``doc.spans["attribview_cue"]`` and ``doc.spans["attribview_source"]``: its cue and its source;
- every span's ``id_`` is the attribution's position in ``doc._.attributions``, and
  ``span._.attribution`` is that record (so a cue span gives its speaker and confidence).

Spans cover whole tokens; the records keep the exact characters, and the core reads the records.
Docs cross processes (``nlp.pipe(n_process=...)``) and DocBins as msgpack: the records are packed
there, and only there, through the codec registered below.
"""

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, overload

import srsly
from spacy.tokens import Doc, Span

from attribview.nlp.attribution import Attribution

#: ``doc._.attributions``: an :class:`Attributions`.
ATTRIBUTIONS = "attributions"
#: ``doc._.hedges``: character spans of unattributed hedges ("is believed to", "reportedly").
HEDGES = "hedges"
#: The span groups, by role.
CONTENT_KEY, CUE_KEY, SOURCE_KEY = "attribview_content", "attribview_cue", "attribview_source"
SPAN_KEYS = (CONTENT_KEY, CUE_KEY, SOURCE_KEY)
#: ``span._.attribution``: the record a span of those groups belongs to.
SPAN_ATTRIBUTION = "attribution"
_PACKED = "__attribview_attributions__"

for _name in (ATTRIBUTIONS, HEDGES):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Attributions(Sequence[Attribution]):
    """The attributions of one Doc, in text order: a sequence of the typed records (not a list, so
    that msgpack hands the whole of it to the codec, which keeps the ``follows`` links)."""

    def __init__(self, items: Sequence[Attribution] = ()) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, index: int) -> Attribution: ...
    @overload
    def __getitem__(self, index: slice) -> "Attributions": ...
    def __getitem__(self, index: int | slice) -> "Attribution | Attributions":
        if isinstance(index, slice):
            return Attributions(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Attribution]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"Attributions({self._items!r})"


def _span_attribution(span: Span) -> Attribution | None:
    found = span.doc._.get(ATTRIBUTIONS)
    return found[int(span.id_)] if found is not None and span.id_.isdigit() else None


if not Span.has_extension(SPAN_ATTRIBUTION):
    Span.set_extension(SPAN_ATTRIBUTION, getter=_span_attribution)


def attributions_of(doc: Doc) -> list[Attribution]:
    """The Doc's attributions (none before the finder ran)."""
    return list(doc._.get(ATTRIBUTIONS) or ())


def set_attributions(doc: Doc, attributions: Sequence[Attribution]) -> None:
    """Put the records on the Doc and write their span groups (replacing earlier ones)."""
    found = Attributions(attributions)
    doc._.set(ATTRIBUTIONS, found)
    groups: dict[str, list[Span]] = {key: [] for key in SPAN_KEYS}
    for number, attribution in enumerate(found):
        parts = ((CONTENT_KEY, (attribution.start, attribution.end)), (CONTENT_KEY, attribution.tail),
                 (CUE_KEY, attribution.cue), (SOURCE_KEY, attribution.source))
        for key, chars in parts:
            span = doc.char_span(*chars, label=attribution.kind, alignment_mode="expand") if (
                chars is not None and chars[0] < chars[1]) else None
            if span is not None:
                span.id_ = str(number)
                groups[key].append(span)
    for key, spans in groups.items():
        doc.spans[key] = spans


# -- msgpack codec (worker processes, DocBins) ------------------------------------------------------


def _pack(found: Attributions) -> dict[str, Any]:
    index = {id(a): number for number, a in enumerate(found)}
    return {_PACKED: [
        {"start": a.start, "end": a.end, "kind": a.kind, "cue": a.cue, "source": a.source,
         "source_head": a.source_head, "confidence": a.confidence,
         "follows": index.get(id(a.follows)) if a.follows is not None else None,
         "tail": a.tail, "speaker": a.speaker, "mention": a.mention, "flags": sorted(a.flags)}
        for a in found]}


def _pair(value: Any) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _unpack(rows: list[dict[str, Any]]) -> Attributions:
    found = [Attribution(start=r["start"], end=r["end"], kind=r["kind"], cue=_pair(r["cue"]),
                         source=_pair(r["source"]), source_head=r["source_head"],
                         confidence=r["confidence"], tail=_pair(r["tail"]), speaker=r["speaker"],
                         mention=r["mention"], flags=set(r["flags"]))
             for r in rows]
    for attribution, row in zip(found, rows, strict=True):
        if row["follows"] is not None:
            attribution.follows = found[row["follows"]]
    return Attributions(found)


def encode(obj: Any, chain: Any = None) -> Any:
    """msgpack's fallback for an :class:`Attributions`; anything else goes down the chain."""
    if isinstance(obj, Attributions):
        return _pack(obj)
    return chain(obj) if chain is not None else obj


def decode(obj: Any, chain: Any = None) -> Any:
    """The inverse of :func:`encode`, for each map msgpack reads."""
    if isinstance(obj, dict) and _PACKED in obj:
        return _unpack(obj[_PACKED])
    return chain(obj) if chain is not None else obj


srsly.msgpack_encoders.register("attribview_attributions", func=encode)
srsly.msgpack_decoders.register("attribview_attributions", func=decode)


def copied(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Fresh records with the same values and links between them: each engine of one run blends and
    shifts its own (the evaluation reads three engines from one Doc)."""
    copies = [replace(a, flags=set(a.flags)) for a in attributions]
    index = {id(a): number for number, a in enumerate(attributions)}
    for copy, original in zip(copies, attributions, strict=True):
        if original.follows is not None and id(original.follows) in index:
            copy.follows = copies[index[id(original.follows)]]
    return copies
