"""Placing quotations: in the content that holds them, after the content they continue, or with their
own speaker (a transcript label, a signature, a framing cue).

Every lookup goes through indexes built once (attributions by text block, framing cues by sentence,
sentence stops by position), so the pass is linear in the quotations.
"""

from bisect import bisect_left

from spacy.tokens import Span, Token

from attribview.nlp.attribution import Attribution
from attribview.nlp.quotations import CLOSERS, STRAIGHT, Quotation
from attribview.nlp.rules.continuations import continuation
from attribview.nlp.rules.grammar import is_cue, is_negated, mention_range, subject_of
from attribview.nlp.rules.index import DocIndex
from attribview.nlp.rules.wire_copy import in_source, inverted_object
from attribview.nlp.span_index import AttributionIndex

_DASHES = frozenset("―—–-")


def place_quotations(ix: DocIndex) -> None:
    """Give each quotation to the content that holds it, its cue, or the speaker it continues."""
    doc = ix.doc
    placed = AttributionIndex(ix.found)
    for quote in ix.quotations:
        placed.update()
        qspan = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if qspan is None or in_source(ix.found, qspan):
            continue
        owner = _content_holding(placed, quote)
        if owner is not None:
            if owner.start >= quote.start - 1 and owner.end <= quote.end + 1:
                owner.start, owner.end, owner.kind = quote.start, quote.end, "direct"
                owner.confidence = max(owner.confidence, 0.9)
            else:
                owner.start, owner.end = min(owner.start, quote.start), max(owner.end, quote.end)
                owner.kind = "mixed"
            placed.note(owner)
            continue
        adjacent = _content_ending_before(ix, placed, quote, qspan)
        if adjacent is not None:
            adjacent.end = quote.end
            adjacent.kind = "mixed"
            placed.note(adjacent)
            continue
        label = _transcript_label(ix, qspan)
        if label is not None:  # "“PENCE: Well, look, ...”": a transcript names its speaker first
            ix.add((quote.start, quote.end), "direct", cue=(label + 1, label + 2),
                   source=(label, label + 1), head=label, confidence=0.8)
            continue
        signed = _signature(ix, qspan)
        if signed is not None:
            ix.add((quote.start, quote.end), "direct", cue=(signed[0] - 1, signed[0]), source=signed,
                   head=signed[1] - 1, confidence=0.8)
            continue
        framing = _framing_cue(ix, quote, qspan)
        if framing is not None:
            cue, subject = framing
            source = mention_range(subject) if subject is not None else None
            if source is not None and source[0] <= cue.i < source[1]:  # "Said Ellis" parsed as one name
                source = (cue.i + 1, source[1])
            if subject is None:
                source = _gap_speaker(ix, qspan.end, cue)
                subject = ix.doc[source[1] - 1] if source is not None else None
            ix.add((quote.start, quote.end), "direct", cue=(cue.i, cue.i + 1), source=source,
                   head=subject.i if subject is not None else None,
                   confidence=0.9 if subject is not None else 0.6)
            continue
        continuation(ix, placed, quote, qspan)


def _transcript_label(ix: DocIndex, qspan: Span) -> int | None:
    """The token of a speaker's name in capitals and a colon that open a quotation ("PENCE:")."""
    doc = ix.doc
    first = next((t for t in qspan if not (t.is_punct or t.is_space)), None)
    if first is None or first.i + 1 >= qspan.end or doc[first.i + 1].text != ":":
        return None
    return first.i if first.is_upper and first.is_alpha and len(first.text) > 1 else None


def _signature(ix: DocIndex, qspan: Span) -> tuple[int, int] | None:
    """The name that signs a quotation after a dash and ends its paragraph: “...” ― Steve Quinlan."""
    doc = ix.doc
    dash = qspan.end
    if qspan[-1].text[-1:] in _DASHES:  # "”―" is one token when no space parts them
        dash -= 1
    elif dash >= len(doc) or doc[dash].text not in _DASHES:
        return None
    end = dash + 1
    while end < len(doc) and doc[end].is_space and "\n" not in doc[end].text:
        end += 1  # "― Julie" with a no-break space
    dash = end - 1
    if end >= len(doc):
        return None
    while end < len(doc) and end - dash <= 5 and (doc[end].pos_ == "PROPN" or doc[end].text == "." or (
            len(doc[end].text) == 2 and doc[end].text[0].isupper() and doc[end].text[1] == ".")):
        end += 1  # "Julie A. Diaz": the tagger calls an initial a noun
        if "\n" in doc[end - 1].whitespace_:
            break
    at_paragraph_end = end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space
    while end > dash + 1 and doc[end - 1].text == ".":
        end -= 1
    if end == dash + 1 or not at_paragraph_end:
        return None
    return dash + 1, end


def _content_holding(placed: AttributionIndex, quote: Quotation) -> Attribution | None:
    """The attribution whose content overlaps ``quote`` most, if any."""
    best, best_overlap = None, 0
    for attribution in placed.around(quote.start, quote.end - 1):
        overlap = min(attribution.end, quote.end) - max(attribution.start, quote.start)
        if overlap > best_overlap and (attribution.cue is None or not (
                quote.start <= attribution.cue[0] < quote.end)):
            best, best_overlap = attribution, overlap
    return best


def _content_ending_before(ix: DocIndex, placed: AttributionIndex, quote: Quotation,
                           qspan: Span) -> Attribution | None:
    """A content that stops a word or two before the quotation, in the same sentence."""
    sent = ix.sent_of(qspan[0])
    # a gap of at most 20 characters: the content ends at most 21 characters before the quotation
    for attribution in placed.around(quote.start - 21, quote.start):
        if attribution.cue is None or not sent.start_char <= attribution.start < quote.start:
            continue
        gap = ix.text[attribution.end:quote.start]
        if len(gap) <= 20 and not any(ch in gap for ch in ".;:!?") and len(gap.split()) <= 2:
            return attribution
    return None


def _framing_cue(ix: DocIndex, quote: Quotation, qspan: Span) -> tuple[Token, Token | None] | None:
    """The cue outside a quotation in the sentences it starts or ends in ("..., he said.")."""
    doc = ix.doc
    first, last = ix.sent_of(qspan[0]), ix.sent_of(qspan[-1])
    sents = {first.start: first, last.start: last}
    if qspan.end < len(doc) and last.end == qspan.end and ix.text[quote.start:quote.end].rstrip(
            CLOSERS + STRAIGHT + "'")[-1:] in {"?", "!"}:
        # "“Who pays?” Ann Ross said.": the parser ends a sentence at the question's closing mark
        sents[qspan.end] = ix.sent_of(doc[qspan.end])
    colon = qspan.start > 0 and doc[qspan.start - 1].text == ":"
    introducer = _introducer(ix, qspan)
    if introducer is not None:  # "Caddell continued:\n\n“...”": the colon ends the paragraph before
        sents[introducer.start] = introducer
        colon = True
    best: tuple[int, Token] | None = None
    for sent in sents.values():
        # only the nearest cue on each side can win: a farther one has all of its words between
        cues = _framing_cues_of(ix, sent)
        before = bisect_left(cues, qspan.start)
        after = bisect_left(cues, qspan.end)
        for i in (cues[before - 1:before] if before else []) + cues[after:after + 1]:
            low, high = (qspan.end, i) if i >= qspan.end else (i + 1, qspan.start)
            if ix.stops_before[high] > ix.stops_before[low]:
                continue
            if high - low > 12 and not colon:
                if i < qspan.end or not _speaker_opens_gap(ix, doc[i], qspan.end):
                    continue
                high = low + 1  # "“...,” Marsh, a fellow at ... who studies ..., said": the speaker is next
            distance = high - low + (0 if i >= qspan.end else 1)
            if best is None or distance < best[0]:
                best = (distance, doc[i])
    if best is None and introducer is not None:
        verb = introducer.root  # "Sanders made the following comment:"
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children):
            best = (0, verb)
    if best is None:
        return None
    cue = best[1]
    subject = subject_of(cue)
    if subject is not None and ix.quote_of_token[subject.i] is not None:
        # "“My view, that was wrong,” the mayor's aide said": the parser made the quotation's noun a
        # second subject of the cue; the one outside the quotation speaks
        subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i >= qspan.end), None)
    if subject is None and cue.i + 1 < len(doc) and cue.lower_ == "said":
        subject = _inverted_speaker(ix, cue)
    if subject is None:
        subject = inverted_object(cue, qspan.end)
    return cue, subject


def _gap_speaker(ix: DocIndex, end: int, cue: Token) -> tuple[int, int] | None:
    """"“...,” Varn police Chief Ivo Marsh said": the words between a quotation and its finite cue,
    when the parser gave the cue no subject there (a place name misread as a verb): a short run of
    nouns and names, which ends with a noun, is the speaker's mention."""
    doc = ix.doc
    start = end
    while start < cue.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    words = doc[start:cue.i]
    if cue.i < end or cue.tag_ not in {"VBD", "VBZ"} or not 0 < len(words) <= 6:
        return None
    if words[-1].pos_ not in {"NOUN", "PROPN"} or not (words[0].is_title or words[0].pos_ == "DET") or any(
            not (t.is_alpha or t.tag_ == "POS") or (t.pos_ in {"VERB", "AUX", "PRON", "ADP", "CCONJ"}
                                                    and not t.is_title) for t in words):
        return None
    return start, cue.i


def _speaker_opens_gap(ix: DocIndex, cue: Token, end: int) -> bool:
    """Whether the cue's subject stands right after the quotation (``end``: its first token after),
    however long the description that follows the name before the cue."""
    subject = subject_of(cue)
    if subject is None or not end <= subject.i < cue.i or subject.i - end > 4:
        return False
    return all(t.is_punct or t.is_space or t.dep_ in {"compound", "det", "amod"}
               for t in ix.doc[end:subject.i])


def _framing_cues_of(ix: DocIndex, sent: Span) -> list[int]:
    """The tokens of ``sent`` that may frame a quotation (cues outside quotations, not negated)."""
    cues = ix.framing_cues.get(sent.start)
    if cues is None:
        cues = [token.i for token in sent if is_cue(token, framing=True) and (
            ix.quote_of_token[token.i] is None) and not is_negated(token, ix.quote_of_token)]
        ix.framing_cues[sent.start] = cues
    return cues


def _introducer(ix: DocIndex, qspan: Span) -> Span | None:
    """The sentence that ends with a colon in the paragraph before a quotation, if any."""
    doc = ix.doc
    before = qspan.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or before == qspan.start - 1 or doc[before].text != ":" or not any(
            "\n" in t.text for t in doc[before + 1:qspan.start]):
        return None
    return ix.sent_of(doc[before])


def _inverted_speaker(ix: DocIndex, cue: Token) -> Token | None:
    """"Said Ellis: “...”": the name after a sentence-opening cue (the tagger reads "Said" as a name)."""
    doc = ix.doc
    i = cue.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and i - cue.i <= 4:
        i += 1
    return doc[i - 1] if i > cue.i + 1 and i < len(doc) and doc[i].text in {":", ","} else None
