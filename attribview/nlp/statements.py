"""One statement split by its cue: "“A,” he said. “B.”" as one attribution instead of two.

Desks differ here. A war desk counts each quotation (each carries its own claim to check); research
corpora of attribution relations (PolNeAR) count one relation whose content runs from the first
fragment to the last. The finder always reports the quotations separately; this joins them when the
analysis conventions ask for statements.
"""

from attribview.nlp.attribution import STANCE, Attribution
from attribview.nlp.quotations import CLOSERS, DOUBLED, OPENERS, STRAIGHT

#: The most characters a cue sentence between two quotations may have ("he told reporters on Monday.").
_LONGEST_CUE_SENTENCE = 320


def join_split_quotes(attributions: list[Attribution], text: str) -> list[Attribution]:
    """The attributions in text order, each quotation that carries on the quotation just before it
    (cue-less, or framed by the same cue), in the same paragraph, joined to it; a content split by a
    cue between commas runs on to its second fragment.

    Two quotations join when only the first one's cue sentence ("he said.") or nothing but spaces lies
    between them; any other words keep them apart, and so does a paragraph break, unless the first
    quotation was left open there (a quotation of several paragraphs).
    """
    joined: list[Attribution] = []
    merged_into: dict[int, Attribution] = {}
    # a stance held in the cue sentence ("said Caddell, speaking of ...") does not part the quotations
    previous: Attribution | None = None
    quotation: Attribution | None = None  # the latest direct or mixed one
    for attribution in sorted(attributions, key=lambda a: (a.start, a.end)):
        if attribution.tail is not None:  # "X, she said, Y": one content from X to Y
            attribution.end = max(attribution.end, attribution.tail[1])
        follows = attribution.follows
        target = merged_into.get(id(follows), follows) if follows is not None else None
        if previous is not None:
            same_cue = previous.cue is not None and previous.cue == attribution.cue  # "“A,” he said, “B.”"
            if (target is previous or same_cue) and _carries_on(previous, attribution, text):
                previous.end = attribution.end
                merged_into[id(attribution)] = previous
                continue
        # "“A,” Marsh said, noting that the quay had flooded. “B.”": the cue sentence holds another
        # statement of the same speaker, and the quotation after it carries on the first
        if target is not None and quotation is not None and target is not quotation and (
                _said_in_cue_sentence(quotation, target)) and _carries_on(quotation, attribution, text):
            quotation.end = attribution.end
            merged_into[id(attribution)] = quotation
            continue
        joined.append(attribution)
        if attribution.kind != STANCE:
            previous = attribution
        if attribution.kind in {"direct", "mixed"}:
            quotation = attribution
    return joined


def _said_in_cue_sentence(quotation: Attribution, inner: Attribution) -> bool:
    """Whether ``inner`` is a statement of the quotation's own speaker made after it, in its cue
    sentence (their sources share the head the cue's subject gives them)."""
    return inner.source_head is not None and inner.source_head == quotation.source_head and (
        quotation.end <= inner.start) and quotation.cue is not None and quotation.cue[1] <= inner.start


def _carries_on(first: Attribution, second: Attribution, text: str) -> bool:
    if first.kind not in {"direct", "mixed"} or second.kind != "direct" or second.start < first.end:
        return False
    gap = text[first.end:second.start]
    if "\n" in gap:  # a quotation left open at its paragraph's end goes on in the next one
        return not gap.strip() and _left_open(text[first.start:first.end])
    if len(gap) > _LONGEST_CUE_SENTENCE:
        return False
    if not gap.strip():
        return True
    cue = first.cue
    return cue is not None and first.end <= cue[0] and cue[1] <= second.start and gap.rstrip()[-1:] in {
        ".", ",", ":"}


def _left_open(content: str) -> bool:
    """Whether a content opens a quotation it does not close (wire copy's quotation of several
    paragraphs: each opens with a mark, only the last one closes)."""
    content = content.rstrip()
    opened = content[:1] in OPENERS + STRAIGHT or content.startswith(DOUBLED)
    return opened and len(content) > 2 and content[-1:] not in CLOSERS + STRAIGHT and not (
        content.endswith(DOUBLED))
