"""Readable terminal tables: an analysis, and quotes found in the library."""

import shutil
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attribview.core.types import Analysis

if TYPE_CHECKING:
    from attribview.store.library import QuoteRow


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def render_table(analysis: Analysis, name: str) -> str:
    """Quotes as rows (speaker, group, kind, confidence, text) and a summary line per group."""
    width = max(shutil.get_terminal_size((120, 20)).columns, 80)
    speaker_w, group_w, kind_w = 24, 18, 12
    text_w = width - speaker_w - group_w - kind_w - 12
    lines = [f"{name}: {len(analysis.quotes)} attributions, profile {analysis.profile or 'none'}, "
             f"counting {analysis.counting}", ""]
    lines.append(f"{'#':>3}  {'speaker':<{speaker_w}} {'group':<{group_w}} {'kind':<{kind_w}} conf  text")
    for number, quote in enumerate(analysis.quotes, 1):
        flags = f" [{', '.join(quote.flags)}]" if quote.flags else ""
        lines.append(
            f"{number:>3}  {_cut(quote.speaker or '?', speaker_w):<{speaker_w}} "
            f"{_cut(quote.group or '-', group_w):<{group_w}} {quote.kind:<{kind_w}} "
            f"{quote.confidence:.2f}  {_cut(quote.text, text_w - len(flags))}{flags}"
        )
    narration = sum(1 for s in analysis.sentences if not s.groups)
    per_group = Counter(g for s in analysis.sentences for g in s.groups)
    lines.append("")
    lines.append(f"sentences: {len(analysis.sentences)}, narration {narration}, "
                 + ", ".join(f"{g} {n}" for g, n in per_group.most_common()))
    flagged = Counter(f for s in analysis.sentences for f in s.flags)
    if flagged:
        lines.append("flags: " + ", ".join(f"{f} {n}" for f, n in sorted(flagged.items())))
    return "\n".join(lines)


def render_quote_rows(rows: Sequence["QuoteRow"]) -> str:
    """Library quotes as rows: id, status, speaker, group, article, text."""
    if not rows:
        return "no quotes match"
    width = max(shutil.get_terminal_size((120, 20)).columns, 80)
    text_w = width - 6 - 13 - 22 - 18 - 24 - 6
    lines = [f"{'id':>6}  {'status':<12} {'speaker':<22} {'group':<18} {'article':<24} text"]
    for row in rows:
        lines.append(
            f"{row.id:>6}  {row.status:<12} {_cut(row.speaker or '?', 22):<22} "
            f"{_cut(row.group or '-', 18):<18} {_cut(row.article_title, 24):<24} {_cut(row.text, text_w)}"
        )
    lines.append(f"{len(rows)} quotes")
    return "\n".join(lines)
