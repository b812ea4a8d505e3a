"""A readable terminal table of an analysis."""

import shutil
from collections import Counter

from attribview.core.types import Analysis


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def render_table(analysis: Analysis, name: str) -> str:
    """Quotes as rows (speaker, group, kind, confidence, text) and a summary line per group."""
    width = max(shutil.get_terminal_size((120, 20)).columns, 80)
    speaker_w, group_w, kind_w = 24, 18, 12
    text_w = width - speaker_w - group_w - kind_w - 12
    lines = [f"{name}: {len(analysis.quotes)} attributions, profile {analysis.profile or 'none'}", ""]
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
