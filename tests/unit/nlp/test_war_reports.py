"""Invented mini war reports (``war_reports`` and its themed siblings): each expected speaker and group,
under the war profile's own conventions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attribview.core.types import Analysis
from tests.unit.nlp import (
    war_reports,
    war_reports_bodies,
    war_reports_leads,
    war_reports_outlets,
    war_reports_sources,
)

_TABLES = (war_reports, war_reports_leads, war_reports_bodies, war_reports_sources, war_reports_outlets)
REPORTS = {name: report for table in _TABLES for name, report in table.REPORTS.items()}
WAITING = {row: reason for table in _TABLES for row, reason in table.WAITING.items()}

ROWS = [
    pytest.param(name, fragment, speaker, group, id=f"{name}-{i}", marks=[pytest.mark.xfail(
        reason=WAITING[f"{name}-{i}"], strict=True)] if f"{name}-{i}" in WAITING else [])
    for name, (_, expected) in REPORTS.items()
    for i, (fragment, speaker, group) in enumerate(expected)
]


@pytest.mark.parametrize("name, fragment, speaker, group", ROWS)
def test_war_report_speakers(analyse: Callable[..., Analysis], name: str, fragment: str, speaker: str | None,
                             group: str) -> None:
    analysis = analyse(REPORTS[name][0], "war", None)
    found = [q for q in analysis.quotes if fragment in q.text]
    listing = "\n".join(f"  {q.speaker!r} {q.group} {q.text!r}" for q in analysis.quotes)
    assert found, f"no quote contains {fragment!r}:\n{listing}"
    wanted = [q for q in found if q.group == group and (speaker is None or q.speaker == speaker)]
    assert wanted, f"{fragment!r} is not attributed to {speaker!r} ({group}):\n{listing}"
