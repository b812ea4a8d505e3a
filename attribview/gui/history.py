"""A quote's history in words a checker reads ("marked as not an attribution", "status: unverified →
verified"), not the store's field names and flags."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from attribview.gui.status import status_label

if TYPE_CHECKING:
    from attribview.core.library import HistoryRow

#: A history value longer than this is cut in the list (the whole value is in the tooltip).
HISTORY_VALUE = 60


def shorten(value: str, limit: int = HISTORY_VALUE) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _value(field: str, value: str | None, groups: Mapping[str, str]) -> str:
    if field == "status":
        return status_label(value).lower()
    if field == "group":
        return groups.get(value, value) if value else "no group"
    if field == "evidence":
        try:
            links = json.loads(value or "[]")
        except ValueError:
            return value or ""
        return ", ".join(str(link) for link in links) if links else "no links"
    return value or ""


def change_text(row: HistoryRow, groups: Mapping[str, str] | None = None, *,
                limit: int = HISTORY_VALUE) -> str:
    """What changed, as a sentence; ``groups`` names the profile's group ids."""
    names = groups or {}
    field, old, new = row.field, row.old_value, row.new_value
    if field == "created":
        return "added by hand"
    if field == "rejected":
        return "marked as not an attribution" if new == "true" else "restored as an attribution"
    if field in ("note", "speaker") and not old:
        return f"{field} set: “{shorten(new or '', limit)}”" if new else f"{field} left empty"
    if field in ("note", "speaker") and not new:
        return f"{field} removed (was “{shorten(old or '', limit)}”)"
    before = shorten(_value(field, old, names), limit)
    after = shorten(_value(field, new, names), limit)
    return f"{field.replace('_', ' ')}: {before} → {after}"


def history_text(row: HistoryRow, groups: Mapping[str, str] | None = None) -> str:
    """One change as a line a person reads: when, who, and what changed."""
    when = row.at.astimezone().strftime("%d %b %Y %H:%M")
    return f"{when} · {row.who}\n{change_text(row, groups)}"


def history_tooltip(row: HistoryRow, groups: Mapping[str, str] | None = None) -> str:
    """The whole change, no value cut (shown as plain text)."""
    return change_text(row, groups, limit=10_000)
