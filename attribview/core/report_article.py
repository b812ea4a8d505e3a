"""The report's article section: the legend and the article, drawn from the core's highlight runs.

Each quote's words carry its group's tint after its badge, as in the viewer and the snapshot; the
reporter's own words stay untinted. Every piece of article text is escaped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from attribview.core.balance import Balance, group_order
from attribview.core.highlight import TINT_NOTE, Run, assign_colours, highlight_runs, make_badge, tint
from attribview.core.names import NameVariants
from attribview.core.profiles import Profile
from attribview.core.types import Analysis, Sentence


@dataclass(frozen=True)
class ReportStyle:
    """A group as the report draws it; ``index`` names its CSS classes (``g0``, ``sw0``, ``b0``)."""

    id: str
    label: str
    colour: str
    tint: str
    badge: str
    index: int


def report_styles(analysis: Analysis, profile: Profile | None) -> dict[str, ReportStyle]:
    """The groups in the report's order, coloured as every face colours them."""
    given = {g.id: g for g in profile.groups} if profile is not None else {}
    order = group_order(analysis, profile)
    colours = assign_colours((group_id, given[group_id].colour if group_id in given else None)
                             for group_id, _ in order)
    styles: dict[str, ReportStyle] = {}
    for index, (group_id, label) in enumerate(order):
        badge = make_badge(label, given[group_id].badge if group_id in given else None)
        colour = colours[group_id]
        styles[group_id] = ReportStyle(group_id, label, colour, tint(colour), badge, index)
    return styles


def group_css(styles: Iterable[ReportStyle]) -> str:
    return "".join(f".g{s.index}{{background-color:{s.tint}}}\n.sw{s.index}{{background-color:{s.tint};"
                   f"border-color:{s.colour}}}\n.b{s.index}{{background-color:{s.tint};border-color:{s.colour}}}\n"
                   for s in styles)


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural_word or word + 's'}"


def article_section(analysis: Analysis, styles: dict[str, ReportStyle], balance: Balance,
                    variants: list[NameVariants]) -> str:
    return ('<section class="article-section">\n<h2>The article</h2>\n'
            + _legend(styles, balance) + _article(analysis, styles, variants) + "\n</section>")


def _legend(styles: dict[str, ReportStyle], balance: Balance) -> str:
    counts = {g.id: g for g in balance.groups}
    items = []
    for style in styles.values():
        count = counts.get(style.id)
        sentences, quotes = (count.sentences, count.quotes) if count is not None else (0, 0)
        empty = " empty" if not sentences and not quotes else ""
        items.append(f'<li class="legend-item{empty}" data-group="{escape(style.id)}">'
                     f'<span class="badge b{style.index}">{escape(style.badge)}</span>'
                     f'<span class="label">{escape(style.label)}</span>'
                     f'<span class="count">{plural(sentences, "sentence")} · {plural(quotes, "quote")}'
                     "</span></li>")
    items.append(f'<li class="legend-item narration-item"><span class="swatch"></span>'
                 f'<span class="label">Narration (the reporter)</span>'
                 f'<span class="count">{plural(balance.narration, "sentence")}</span></li>')
    keys = (f'<p class="keys">{escape(TINT_NOTE)}<br><span class="cue">underlined</span>: the reporting '
            'verb or cue · <strong class="src">bold</strong>: the source · <span class="hedge">wavy'
            '</span>: a hedged claim nobody signs · <span class="nv">boxed</span>: a name spelt several '
            'ways · <sup class="tag">anonymous</sup>: the source is not named</p>')
    return f'<ul class="legend">{"".join(items)}</ul>\n{keys}\n'


@dataclass(frozen=True)
class _Marks:
    """What the article marks, each list sorted by start."""

    sentences: Sequence[Sentence]
    runs: Sequence[Run]
    run_starts: Sequence[int]
    names: Sequence[tuple[int, int, str]]


def _article(analysis: Analysis, styles: dict[str, ReportStyle], variants: list[NameVariants]) -> str:
    text = analysis.text
    runs = highlight_runs(analysis, styles.keys())
    marks = _Marks(
        sentences=sorted(analysis.sentences, key=lambda s: s.start),
        runs=runs,
        run_starts=[r.start for r in runs],
        names=sorted(((s, e, " / ".join(v.variants)) for v in variants for _, s, e in v.occurrences)),
    )
    cuts = {0, len(text)}
    for sentence in marks.sentences:
        cuts.update((sentence.start, sentence.end))
    for run in marks.runs:
        cuts.update((run.start, run.end))
    for start, end, _ in marks.names:
        cuts.update((start, end))
    for pos, ch in enumerate(text):
        if ch == "\n":
            cuts.update((pos, pos + 1))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts = [s.start for s in marks.sentences]
    paragraphs: list[str] = []
    parts: list[str] = []
    open_sentence: Sentence | None = None

    def close() -> None:
        nonlocal open_sentence
        if open_sentence is not None:
            parts.append("</span>")
            parts.append(_sentence_tags(open_sentence))
            open_sentence = None

    def end_paragraph() -> None:
        close()
        content = "".join(parts).strip()
        if content:
            paragraphs.append(f"<p>{content}</p>")
        parts.clear()

    for start, end in pairwise(bounds):
        if text[start:end] == "\n":
            end_paragraph()
            continue
        index = bisect_right(starts, start) - 1
        current = marks.sentences[index] if index >= 0 and start < marks.sentences[index].end else None
        if current is not open_sentence:
            close()
            if current is not None and (current.groups or current.flags):
                parts.append(_sentence_open(current, analysis, styles))
                open_sentence = current
        parts.append(_segment(text[start:end], start, marks, analysis, styles))
        if open_sentence is not None and end >= open_sentence.end:
            close()
    end_paragraph()
    return '<div class="article">\n' + "\n".join(paragraphs) + "\n</div>"


def _sentence_open(sentence: Sentence, analysis: Analysis, styles: dict[str, ReportStyle]) -> str:
    """A sentence's span: what it is (its groups and speakers, or a hedged claim) as a tooltip."""
    if not sentence.groups:
        hedged = "unattributed" in sentence.flags
        return '<span class="plain" title="A claim nobody signs">' if hedged else '<span class="plain">'
    known = [styles[g] for g in sentence.groups if g in styles]
    speakers = list(dict.fromkeys(q.speaker for q in analysis.quotes
                                  if q.speaker and q.start < sentence.end and sentence.start < q.end))
    tip = " / ".join(s.label for s in known) + (": " + ", ".join(speakers) if speakers else "")
    return f'<span class="att" title="{escape(tip)}">'


def _sentence_tags(sentence: Sentence) -> str:
    tags = []
    if "anonymous" in sentence.flags:
        tags.append('<sup class="tag">anonymous</sup>')
    if "unattributed" in sentence.flags and not sentence.groups:
        tags.append('<sup class="tag hedged">hedged</sup>')
    return "".join(tags)


def _segment(chunk: str, start: int, marks: _Marks, analysis: Analysis,
             styles: dict[str, ReportStyle]) -> str:
    html = escape(chunk)
    index = bisect_right(marks.names, (start, float("inf"), "")) - 1
    name = marks.names[index][2] if index >= 0 and start < marks.names[index][1] else None
    if name is not None:
        html = f'<span class="nv" title="Spelt several ways: {escape(name)}">{html}</span>'
    index = bisect_right(marks.run_starts, start) - 1
    run = marks.runs[index] if index >= 0 and start < marks.runs[index].end else None
    if run is None:
        return html
    if run.cue:
        html = f'<span class="cue">{html}</span>'
    elif run.hedge:
        html = f'<span class="hedge">{html}</span>'
    if run.source:
        html = f'<strong class="src{" anon" if run.anonymous else ""}">{html}</strong>'
    style = styles.get(run.group or "")
    if style is None:
        return html
    quote = analysis.quotes[run.quote] if run.quote is not None else None
    who = f"{style.label}: {quote.speaker}" if quote is not None and quote.speaker else style.label
    html = f'<span class="q g{style.index}" title="{escape(who)}">{html}</span>'
    if run.opens and start == run.start:
        html = f'<span class="badge b{style.index}">{escape(style.badge)}</span>' + html
    return html
