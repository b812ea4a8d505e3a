"""A quote's history reads in words: what a checker did, not the store's field names and flags."""

from __future__ import annotations

import datetime as dt

import pytest

from attribview.core.library import HistoryRow
from attribview.gui.history import change_text, history_text, history_tooltip

AT = dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.UTC)


def _row(field: str, old: str | None, new: str | None) -> HistoryRow:
    return HistoryRow(1, "quote", 7, field, old, new, "Ana Lisova", AT)


@pytest.mark.parametrize(("field", "old", "new", "words"), [
    ("rejected", "false", "true", "marked as not an attribution"),
    ("rejected", "true", "false", "restored as an attribution"),
    ("status", "unverified", "verified", "status: unverified → verified"),
    ("status", "verified", "in_progress", "status: verified → in progress"),
    ("created", None, "the bridge will open", "added by hand"),
    ("speaker", "Ivan Dorin", "Olha Marenko", "speaker: Ivan Dorin → Olha Marenko"),
    ("speaker", None, "Olha Marenko", "speaker set: “Olha Marenko”"),
    ("note", "", "called the office", "note set: “called the office”"),
    ("note", "called the office", "", "note removed (was “called the office”)"),
    ("group", "city_hall", "other", "group: City hall → Other"),
    ("evidence", "[]", '["https://example.org/a"]', "evidence: no links → https://example.org/a"),
])
def test_each_change_in_words(field: str, old: str | None, new: str | None, words: str) -> None:
    groups = {"city_hall": "City hall", "other": "Other"}
    assert change_text(_row(field, old, new), groups) == words


def test_the_line_names_who_and_cuts_long_values_but_the_tooltip_does_not() -> None:
    note = "word " * 40
    row = _row("note", "short", note)
    line = history_text(row)
    assert "· Ana Lisova\n" in line and line.endswith("…") and len(line.split("\n")[1]) < 80
    assert history_tooltip(row).endswith(" ".join(note.split()))
