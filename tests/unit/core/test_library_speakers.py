"""One speaker, one name in the library: a search by any spelling, alias or group label finds its quotes."""

from pathlib import Path

from attribview.core.analysis import Analyzer
from attribview.core.library import Library

ARTICLE = (
    "KYIV, Ukraine (AP) — Russia’s Defence Ministry said its forces had taken the village of Ostrivne.\n"
    "Later, Russia's Defense Ministry said its troops had repelled three attacks near Kupiansk.\n"
    "President Zelenskyy said the army needed more shells.\n"
    "Belgorod authorities said a drone had hit a farm."
)


def _library(tmp_path: Path, analyzer: Analyzer) -> Library:
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    library = Library.open(tmp_path / "library.sqlite3", analyzer)
    report = library.import_files([tmp_path / "report.txt"], profile="war")
    assert len(report.imported) == 1 and not report.failed
    return library


def test_spellings_of_one_body_are_one_speaker_with_its_mentions_as_aliases(
        tmp_path: Path, analyzer: Analyzer) -> None:
    with _library(tmp_path, analyzer) as library:
        mod = library.search(speaker="Russian Defence Ministry")
        by_mention = library.search(speaker="Russia’s Defence")  # the article's own spelling, stored
    assert len(mod) == 2 and {q.speaker for q in mod} == {"Russian Defence Ministry"}
    assert [q.id for q in by_mention] == [q.id for q in mod]


def test_a_profile_alias_finds_the_canonical_speaker(tmp_path: Path, analyzer: Analyzer) -> None:
    with _library(tmp_path, analyzer) as library:
        quotes = library.search(speaker="Zelenskiy")  # never written so in the article
    assert [q.speaker for q in quotes] == ["Volodymyr Zelensky"]


def test_a_group_label_finds_its_quotes(tmp_path: Path, analyzer: Analyzer) -> None:
    with _library(tmp_path, analyzer) as library:
        by_label = library.search(group="Russian MoD")
        by_id = library.search(group="russian_mod")
        unknown = library.search(group="Martian MoD")
    assert by_label == by_id and len(by_id) == 2
    assert unknown == []
