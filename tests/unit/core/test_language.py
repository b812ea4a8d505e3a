"""Articles not in English are told apart, and the user is told plainly that attribview reads English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attribview.core.language import detect_language

RUSSIAN = (
    "Министр заявил в пятницу, что переговоры с соседями продолжатся. «Мы готовы к диалогу, но не на "
    "таких условиях», — сказал он журналистам. По его словам, это решение было принято ещё весной."
)
UKRAINIAN = (
    "Міністр заявив у п'ятницю, що переговори з сусідами тривають. «Ми готові до діалогу, але не на "
    "таких умовах», — сказав він журналістам. За його словами, це рішення було ухвалене ще навесні."
)
GERMAN = (
    "Der Minister sagte am Freitag, die Gespräche mit den Nachbarn würden fortgesetzt. „Wir sind zum "
    "Dialog bereit, aber nicht zu diesen Bedingungen“, sagte er vor Journalisten. Die Entscheidung sei "
    "schon im Frühjahr gefallen, fügte er hinzu, und niemand habe daran gezweifelt."
)
ENGLISH_WITH_CYRILLIC = (
    "The minister said on Friday that talks with the neighbours would go on. \"We are ready for a "
    "dialogue, but not on these terms,\" he told reporters, after Песков and Лавров had said the same "
    "in Moscow. The decision was taken in spring, he added, and nobody had doubted it."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(RUSSIAN, "ru", id="russian"),
        pytest.param(UKRAINIAN, "uk", id="ukrainian"),
        pytest.param(GERMAN, "und", id="german"),
        pytest.param(ENGLISH_WITH_CYRILLIC, "en", id="english-quoting-cyrillic-names"),
        pytest.param("Путин", "en", id="too-short-to-tell"),
    ],
)
def test_language_is_detected(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_notice_says_plainly_that_only_english_is_analysed() -> None:
    assert detect_language(ENGLISH_WITH_CYRILLIC).notice is None
    notice = detect_language(RUSSIAN).notice
    assert notice is not None and "Russian" in notice and "English" in notice
    assert "Ukrainian" in (detect_language(UKRAINIAN).notice or "")


def _analyze(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "ATTRIBVIEW_PROFILES": str(tmp_path / "no-user-profiles")}
    return subprocess.run([sys.executable, "-m", "attribview", "analyze", "--json", str(path)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def test_cli_warns_about_a_russian_article_and_says_so_in_the_json(tmp_path: Path) -> None:
    result = _analyze(tmp_path, RUSSIAN)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("attribview: warning:")]
    assert len(warnings) == 1 and "article.txt" in warnings[0] and "English" in warnings[0]
    data = json.loads(result.stdout)
    assert data["language"] == "ru"
    assert data["notice"] == detect_language(RUSSIAN).notice


def test_cli_says_nothing_about_an_english_article(tmp_path: Path) -> None:
    result = _analyze(tmp_path, ENGLISH_WITH_CYRILLIC)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == "en" and data["notice"] is None
