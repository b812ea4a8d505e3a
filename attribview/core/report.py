"""The sourcing report: one self-contained, printable HTML file a desk can hand on."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from html import escape

from attribview.core.balance import Balance, compute_balance
from attribview.core.highlight import STATUS_COLOURS
from attribview.core.names import NameVariants, find_name_variants
from attribview.core.profiles import Profile
from attribview.core.report_article import ReportStyle, article_section, group_css, plural, report_styles
from attribview.core.types import Analysis, Quote, flag_labels, kind_label

#: Status of a quote nobody has checked.
UNVERIFIED = "unverified"
# Bar chart geometry (SVG user units = CSS pixels on screen).
_CHART_LABEL_W = 230
_CHART_BAR_W = 380
_CHART_ROW_H = 24
_CHART_GAP = 8


def render_report(analysis: Analysis, *, title: str, profile: Profile | None,
                  statuses: dict[int, str] | None = None) -> str:
    """The whole report as one HTML document (inline CSS and SVG, no script, no network).

    ``statuses`` maps an index into ``analysis.quotes`` to its verification status (see
    :func:`statuses_by_span`); quotes without one read "unverified". Every piece of article text,
    title, speaker and label is escaped: the article can never become markup.
    """
    styles = report_styles(analysis, profile)
    balance = compute_balance(analysis, profile)
    variants = find_name_variants(analysis.text)
    paragraphs = _paragraph_starts(analysis.text)
    profile_label = profile.label if profile is not None else (analysis.profile or "no profile")
    body = "\n".join((
        _header(title, profile_label, balance, len(analysis.quotes), len(variants)),
        article_section(analysis, styles, balance, variants),
        _summary_section(analysis, styles, balance, variants, paragraphs),
        _quotes_section(analysis, styles, statuses or {}, paragraphs),
        '<footer>Made with attribview. Groups, attributions and flags are found automatically: check '
        "them against the copy before relying on them.</footer>",
    ))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · sourcing report</title>\n"
        f"<style>\n{_CSS}{group_css(styles.values())}{_status_css()}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def statuses_by_span(analysis: Analysis, checked: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    """Statuses for :func:`render_report` from (start, end, status) of checked quotes, e.g. the
    library's rows of the same article: quotes are matched by their exact span."""
    by_span = {(start, end): status for start, end, status in checked}
    return {i: by_span[(q.start, q.end)] for i, q in enumerate(analysis.quotes)
            if (q.start, q.end) in by_span}


def _status_css() -> str:
    """A status pill: a dot in the status colour on white, unlike a group's filled tint."""
    return "".join(f".st-{status}{{--st:{colour}}}\n" for status, colour in STATUS_COLOURS.items())


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _header(title: str, profile_label: str, balance: Balance, quotes: int, variants: int) -> str:
    figures = [
        (str(balance.sentences), "sentences"),
        (_percent(balance.attributed, balance.sentences), "carry a source’s words"),
        (_percent(balance.narration, balance.sentences), "narration"),
        (str(quotes), "attributions"),
        (str(len(balance.anonymous)), "from anonymous sources"),
        (str(len(balance.unattributed)), "hedged claims nobody signs"),
        (str(variants), "names spelt several ways"),
    ]
    cells = "".join(f'<div class="figure"><span class="num">{escape(n)}</span>'
                    f'<span class="what">{escape(w)}</span></div>' for n, w in figures)
    return (f'<header>\n<p class="kicker">Sourcing report</p>\n<h1>{escape(title)}</h1>\n'
            f'<p class="meta">Profile: {escape(profile_label)}</p>\n<div class="figures">{cells}</div>\n'
            "</header>")


# ---------------------------------------------------------------------------------------- paragraphs


def _paragraph_starts(text: str) -> list[int]:
    """Start offset of each non-empty line, i.e. of each paragraph the article shows (¶ numbers)."""
    starts = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _paragraph_of(paragraphs: list[int], pos: int) -> int:
    return max(bisect_right(paragraphs, pos), 1)


# ---------------------------------------------------------------------------------------- summary


def _summary_section(analysis: Analysis, styles: dict[str, ReportStyle], balance: Balance,
                     variants: list[NameVariants], paragraphs: list[int]) -> str:
    parts = ['<section class="summary">\n<h2>Sourcing summary</h2>', '<div class="chart-wrap">',
             "<h3>Sentences per group</h3>", _chart(styles, balance), "</div>"]
    if balance.sides:
        rows = "".join(f"<tr><td>{escape(s.label)}</td><td class=\"n\">{s.sentences}</td>"
                       f"<td class=\"n\">{_percent(s.sentences, balance.attributed)}</td>"
                       f"<td class=\"n\">{s.quotes}</td></tr>" for s in balance.sides)
        parts.append('<div class="block"><h3>Balance between the sides</h3><table class="sides">'
                     "<thead><tr><th>Side</th><th>Sentences</th><th>of attributed</th><th>Quotes</th></tr>"
                     f"</thead><tbody>{rows}</tbody></table>"
                     '<p class="note">A sentence quoting both sides counts for each.</p></div>')
    parts.append(_single_anonymous(balance, styles, paragraphs))
    parts.append(_hedged(analysis, balance, paragraphs))
    parts.append(_names(variants, paragraphs))
    parts.append("</section>")
    return "\n".join(parts)


def _chart(styles: dict[str, ReportStyle], balance: Balance) -> str:
    """A horizontal bar per group and one for narration, drawn in SVG (no script, prints as is)."""
    rows: list[tuple[str, int, str, str]] = [
        (g.label, g.sentences, styles[g.id].colour, g.id) for g in balance.groups if g.id in styles
    ]
    rows.append(("Narration", balance.narration, "#ffffff", ""))
    most = max((n for _, n, _, _ in rows), default=0) or 1
    height = len(rows) * (_CHART_ROW_H + _CHART_GAP)
    width = _CHART_LABEL_W + _CHART_BAR_W + 60
    out = [f'<svg class="chart" role="img" aria-label="Sentences per group" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
           "<title>Sentences per group</title>"]
    for i, (label, count, colour, group_id) in enumerate(rows):
        y = i * (_CHART_ROW_H + _CHART_GAP)
        bar = round(_CHART_BAR_W * count / most)
        narration = not group_id
        cls = "bar narration" if narration else "bar"
        data = f' data-group="{escape(group_id)}"' if group_id else ""
        stroke = ' stroke="#777" stroke-dasharray="3 2"' if narration else f' stroke="{colour}"'
        out.append(f'<text x="{_CHART_LABEL_W - 10}" y="{y + _CHART_ROW_H * 0.68:.1f}" '
                   f'text-anchor="end" class="chart-label">{escape(label)}</text>')
        out.append(f'<rect class="{cls}"{data} x="{_CHART_LABEL_W}" y="{y}" width="{max(bar, 2)}" '
                   f'height="{_CHART_ROW_H}" rx="3" fill="{colour}"{stroke}/>')
        out.append(f'<text x="{_CHART_LABEL_W + max(bar, 2) + 8}" y="{y + _CHART_ROW_H * 0.68:.1f}" '
                   f'class="chart-count">{count}</text>')
    out.append("</svg>")
    return "".join(out)


def _single_anonymous(balance: Balance, styles: dict[str, ReportStyle], paragraphs: list[int]) -> str:
    head = ('<div class="block"><h3>Claims resting on a single anonymous source</h3>'
            f'<p class="note">{plural(len(balance.anonymous), "attribution")} to unnamed sources; '
            f"{len(balance.single_anonymous)} from a source quoted nowhere else in the article.</p>")
    if not balance.single_anonymous:
        return head + "</div>"
    items = []
    for quote in balance.single_anonymous:
        style = styles.get(quote.group or "")
        who = quote.mention or quote.speaker or "unnamed"
        group = (f' <span class="grp">{escape(style.label)}</span>'
                 if style is not None and style.label.lower() != who.lower() else "")
        items.append(f'<li><span class="para">¶{_paragraph_of(paragraphs, quote.start)}</span> '
                     f'<span class="claim">{escape(quote.text)}</span> '
                     f'<span class="who">— {escape(who)}</span>'
                     f"{group}</li>")
    return head + f'<ul class="claims">{"".join(items)}</ul></div>'


def _hedged(analysis: Analysis, balance: Balance, paragraphs: list[int]) -> str:
    head = ('<div class="block"><h3>Hedged claims nobody signs</h3><p class="note">'
            "“Is believed to”, “reportedly”, “it is understood”: statements with no source.</p>")
    if not balance.unattributed:
        return head + '<p class="none">None found.</p></div>'
    items = "".join(f'<li><span class="para">¶{_paragraph_of(paragraphs, s.start)}</span> '
                    f'<span class="claim">{escape(analysis.text[s.start:s.end].strip())}</span></li>'
                    for s in balance.unattributed)
    return head + f'<ul class="claims">{items}</ul></div>'


def _names(variants: list[NameVariants], paragraphs: list[int]) -> str:
    head = ('<div class="block"><h3>Names spelt several ways</h3><p class="note">The same name written '
            "differently within the article (a transliteration or a typo): pick one spelling.</p>")
    if not variants:
        return head + '<p class="none">None found.</p></div>'
    items = []
    for found in variants:
        spellings = []
        for variant in found.variants:
            where = sorted({_paragraph_of(paragraphs, s) for v, s, _ in found.occurrences if v == variant})
            spellings.append(f'<span class="spelling">{escape(variant)}</span> '
                             f'<span class="where">×{found.count(variant)}, ¶{", ".join(map(str, where))}'
                             "</span>")
        items.append("<li>" + " · ".join(spellings) + "</li>")
    return head + f'<ul class="variants">{"".join(items)}</ul></div>'


# ---------------------------------------------------------------------------------------- quotes


def _quotes_section(analysis: Analysis, styles: dict[str, ReportStyle], statuses: dict[int, str],
                    paragraphs: list[int]) -> str:
    rows = []
    described: set[str] = set()
    for index, quote in enumerate(analysis.quotes):
        description = _description(quote) if quote.speaker not in described else None
        if quote.speaker is not None:
            described.add(quote.speaker)
        rows.append(_quote_row(index, quote, styles.get(quote.group or ""), statuses.get(index, UNVERIFIED),
                               _paragraph_of(paragraphs, quote.start), description))
    if not rows:
        return ('<section class="quotes"><h2>Attributions</h2><p class="none">No attributed statements '
                "found.</p></section>")
    return ('<section class="quotes">\n<h2>Attributions</h2>\n<table class="quote-table">\n'
            f"{_QUOTE_COLUMNS}\n<thead><tr>"
            '<th class="n">#</th><th class="n">¶</th><th>Speaker</th><th>What was said</th><th>Kind</th>'
            "<th>Status</th></tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</section>")


#: Fixed column widths: the quoted words get the most room, so a long quote wraps into few lines and the
#: table stays short on an A4 page; the group and the confidence sit under the speaker and the kind.
_QUOTE_COLUMNS = ('<colgroup><col class="c-n"><col class="c-para"><col class="c-speaker"><col class="c-said">'
                  '<col class="c-kind"><col class="c-status"></colgroup>')


def _description(quote: Quote) -> str | None:
    """What the article calls the speaker, when it says more than the name: "governor of the
    Kharkiv region" for "Oleksandr Hrytsenko, governor of the Kharkiv region"."""
    if not quote.mention or not quote.speaker:
        return None
    mention = " ".join(quote.mention.split())
    bare = mention.lower().removeprefix("the ")
    speaker = quote.speaker.lower().removeprefix("the ")
    if bare == speaker:
        return None
    if bare.startswith(speaker):
        rest = mention[len(mention) - len(bare) + len(speaker):].lstrip(" ,;–—-")
        return rest or None
    return mention


def _quote_row(index: int, quote: Quote, style: ReportStyle | None, status: str, paragraph: int,
               description: str | None) -> str:
    group = (f'<span class="swatch sw{style.index}"></span>{escape(style.label)}' if style is not None
             else escape(quote.group or "–"))
    speaker = escape(quote.speaker or "unknown")
    if description:  # once per speaker: the first row says who they are
        speaker += f'<span class="mention">{escape(description)}</span>'
    flags = "".join(f'<span class="flag">{escape(label)}</span>' for label in flag_labels(quote.flags))
    status_class = re.sub(r"[^a-z_]", "", status.lower()) or "other"
    return (f'<tr class="quote-row"><td class="n">{index + 1}</td><td class="n">{paragraph}</td>'
            f'<td class="speaker">{speaker}<span class="group">{group}</span></td>'
            f'<td class="said">{escape(quote.text)}{flags}</td>'
            f'<td class="kind">{escape(kind_label(quote.kind))}'
            f'<span class="conf">conf. {quote.confidence:.2f}</span></td>'
            f'<td><span class="status st-{status_class}">{escape(status.replace("_", " "))}</span></td></tr>')


_CSS = """
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d9d9d9; --paper: #ffffff; --accent: #7a1f1f; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #f4f2ee; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 24px auto; background: var(--paper); padding: 36px 48px 28px;
  box-shadow: 0 1px 4px rgba(0,0,0,.08); }
h1 { font: 700 30px/1.2 Georgia, "Times New Roman", serif; margin: 4px 0 6px; }
h2 { font-size: 13px; letter-spacing: .08em; text-transform: uppercase; color: var(--accent);
  border-top: 2px solid var(--ink); padding-top: 8px; margin: 34px 0 14px; }
h3 { font-size: 15px; margin: 0 0 6px; }
.kicker { margin: 0; font-size: 12px; letter-spacing: .1em; text-transform: uppercase; color: var(--accent);
  font-weight: 700; }
.meta { margin: 0 0 16px; color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(7, 1fr); border-top: 1px solid var(--rule);
  border-bottom: 1px solid var(--rule); }
.figure { padding: 10px 8px; border-left: 1px solid var(--rule); }
.figure:first-child { border-left: 0; padding-left: 0; }
.figure .num { display: block; font: 700 24px/1.1 Georgia, serif; }
.figure .what { display: block; font-size: 12px; color: var(--muted); line-height: 1.3; }
.legend { list-style: none; padding: 0; margin: 0 0 8px; display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4px 24px; }
.legend-item { display: flex; align-items: center; gap: 8px; font-size: 14px; }
.legend-item .label { flex: 1; }
.legend-item .count { color: var(--muted); font-size: 12px; white-space: nowrap; }
.legend-item.empty { color: #9a9a9a; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid #bbb; border-radius: 3px;
  margin-right: 6px; vertical-align: -2px; flex: none; background: #fff; }
.narration-item .swatch { border-style: dashed; }
.keys { font-size: 12.5px; color: var(--muted); margin: 6px 0 18px; }
.article { font: 17px/1.75 Georgia, "Times New Roman", serif; max-width: 760px; counter-reset: para;
  padding-left: 34px; }
.article p { margin: 0 0 14px; position: relative; counter-increment: para; }
.article p::before { content: counter(para); position: absolute; left: -34px; top: 3px; width: 24px;
  text-align: right; font: 11px/1.6 system-ui, sans-serif; color: #a0a0a0; }
.q { padding: 2px 0; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.badge { display: inline-block; font: 700 10px/1.3 system-ui, sans-serif; letter-spacing: .02em;
  color: var(--ink); border: 1px solid #bbb; border-radius: 3px; padding: 0 3px; margin-right: 3px;
  vertical-align: 2px; white-space: nowrap; }
.legend-item .badge { min-width: 58px; text-align: center; vertical-align: 0; }
.cue { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.src { font-weight: 700; }
.src.anon { font-style: italic; }
.hedge { text-decoration: underline wavy #b03a2e; text-decoration-thickness: 1.5px;
  text-underline-offset: 4px; }
.nv { outline: 1.5px dashed #6a3d9a; outline-offset: 0; padding: 0 1px; border-radius: 2px; }
.tag { font: 700 9.5px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .05em;
  color: #fff; background: #555; padding: 2px 4px; border-radius: 3px; margin-left: 3px;
  vertical-align: 5px; }
.tag.hedged { background: #b03a2e; }
.keys .tag { vertical-align: 1px; }
.summary { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 22px 40px; }
.summary h2, .summary .chart-wrap { grid-column: 1 / -1; }
.chart { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
.chart-label { font-size: 13px; fill: #333; }
.chart-count { font-size: 13px; font-weight: 700; fill: #333; }
.note { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.none { color: var(--muted); font-style: italic; margin: 0; }
.claims, .variants { margin: 0; padding: 0; list-style: none; }
.claims li, .variants li { padding: 6px 0; border-top: 1px solid var(--rule); font-size: 14px; }
.claim { font-family: Georgia, serif; }
.who { color: var(--muted); }
.grp { font-size: 11px; color: var(--muted); border: 1px solid var(--rule); border-radius: 3px;
  padding: 0 4px; white-space: nowrap; }
.para { color: #a0a0a0; font-size: 12px; }
.spelling { font-weight: 700; }
.where { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); border-bottom: 2px solid var(--ink); padding: 6px 8px; }
td { border-bottom: 1px solid var(--rule); padding: 7px 8px; vertical-align: top; font-size: 13.5px; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sides td:first-child { font-weight: 600; }
.quote-table { table-layout: fixed; }
.quote-table .c-n, .quote-table .c-para { width: 4%; }
.quote-table .c-speaker { width: 23%; }
.quote-table .c-said { width: 44%; }
.quote-table .c-kind { width: 12%; }
.quote-table .c-status { width: 13%; }
.quote-table th, .quote-table td { padding-left: 5px; padding-right: 5px; overflow-wrap: break-word; }
.quote-table .speaker { font-weight: 600; }
.quote-table .kind { font-size: 12.5px; }
.quote-table .group, .quote-table .conf { display: block; font-weight: 400; font-size: 11.5px;
  line-height: 1.35; color: var(--muted); margin-top: 2px; }
.quote-table .group .swatch { width: 11px; height: 11px; margin-right: 4px; vertical-align: -1px; }
.quote-table .status { font-size: 10.5px; padding: 0 5px; }
.mention { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.said { font-family: Georgia, serif; font-size: 14px; }
.flag { display: inline-block; margin-left: 6px; font: 11px/1.4 system-ui, sans-serif; color: #7a1f1f;
  border: 1px solid #d9b3b3; border-radius: 3px; padding: 0 4px; }
.status { display: inline-block; font-size: 11.5px; padding: 0 7px; border-radius: 10px;
  border: 1px solid var(--rule); background: #fff; color: var(--ink); white-space: nowrap; }
.status::before { content: "\\25CF\\00A0"; color: var(--st, #fff); -webkit-text-stroke: .6px #777; }
footer { margin-top: 30px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: 12px; }
@media (max-width: 760px) {
  main { padding: 20px; } .figures { grid-template-columns: repeat(2, 1fr); }
  .legend, .summary { grid-template-columns: 1fr; }
}
@page { margin: 14mm 14mm 16mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .article { font-size: 11pt; max-width: none; }
  .quote-table td { font-size: 9pt; padding-top: 5px; padding-bottom: 5px; }
  .quote-table .said { font-size: 9.5pt; line-height: 1.4; }
  .quote-table .group, .quote-table .conf, .quote-table .mention { font-size: 8pt; }
  h2 { break-after: avoid; }
  tr, .claims li, .variants li, .chart-wrap, .legend { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""
