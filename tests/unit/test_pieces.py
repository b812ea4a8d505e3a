"""Long articles in pieces: the cut, and the same quotes and sentences as one piece, offsets exact."""

import itertools
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.pieces import batches, cut, sentence_spans, subject_spans
from attribview.textio import prepare_text, read_article

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "samples").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("short", 10, [(0, 5)], id="one-piece"),
        pytest.param("aaa\nbbb\nccc\nddd", 9, [(0, 8), (8, 15)], id="after-the-last-line-break"),
        pytest.param("aaaa bbbb cccc", 8, [(0, 5), (5, 10), (10, 14)], id="a-long-paragraph-after-a-space"),
        pytest.param("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)], id="no-space-at-the-limit"),
        pytest.param("\n\n\n\n\n", 2, [(0, 2), (2, 4), (4, 5)], id="only-line-breaks"),
    ],
)
def test_cut(text: str, limit: int, expected: list[tuple[int, int]]) -> None:
    assert cut(text, limit) == expected


@pytest.mark.parametrize("limit", [1, 7, 50, 1000])
def test_pieces_cover_the_text_in_order(limit: int) -> None:
    text = "The mayor said “no”.\n\nA very long paragraph without a break " * 40 + "x" * 3000
    pieces = cut(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(0 < end - start <= limit for start, end in pieces)


def _paragraph(number: int) -> str:
    """An invented paragraph that names its own speaker (nothing carries over from the one before)."""
    return (f"Mayor Ilse Varga of Dunmere said on Tuesday {number} that the ferry would run again. "
            f"“We have waited long enough for boat number {number},” said Tomas Brell, a harbour pilot.")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_long_article_in_pieces_finds_what_each_paragraph_does(analyzer: Analyzer, newline: str) -> None:
    original = newline.join(_paragraph(n) for n in range(12)) + newline
    source = prepare_text(original)
    whole = analyzer.analyze(source, profile="none")
    pieced = Analyzer(piece_chars=400, profiles=analyzer.profiles)
    pieced._nlp = analyzer.nlp  # the same loaded pipeline, only given less text at a time
    parts = pieced.analyze(source, profile="none")
    assert len(cut(source.text, 400)) > 5
    assert parts.quotes == whole.quotes
    assert parts.sentences == whole.sentences
    assert len(parts.quotes) >= 24
    for quote in parts.quotes:
        assert original[quote.start:quote.end] == quote.text
        assert quote.text.strip() == quote.text and "\r" not in quote.text


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_change_nothing(analyzer: Analyzer, path: Path, ending: str, tmp_path: Path) -> None:
    """The same article with other line endings: the same quotes and sentences, at exact offsets."""
    lf = read_article(path)
    other_path = tmp_path / path.name
    other_path.write_bytes(lf.original.replace("\n", ending).encode("utf-8"))
    other = read_article(other_path)
    assert other.text == lf.text
    expected = analyzer.analyze(lf)
    got = analyzer.analyze(other)
    assert [(q.speaker, q.group, q.kind, q.text.replace(ending, "\n")) for q in got.quotes] == [
        (q.speaker, q.group, q.kind, q.text) for q in expected.quotes]
    for quote in got.quotes:
        assert other.original[quote.start:quote.end] == quote.text
    assert [other.original[s.start:s.end].replace(ending, "\n") for s in got.sentences] == [
        lf.original[s.start:s.end] for s in expected.sentences]
    assert [s.groups for s in got.sentences] == [s.groups for s in expected.sentences]


def test_batches_hold_few_pieces_of_a_long_article() -> None:
    pieces = [("a" * 60, 1), ("b" * 60, 2), ("c" * 10, 3), ("d" * 250, 4), ("e", 5), ("f", 6), ("g", 7)]
    assert [[context for _, context in batch] for batch in batches(pieces, 3, 130)] == [
        [1, 2, 3], [4], [5, 6, 7]]


PIECE = ("  The harbour will close in May, the council said.\n\n“It is over.”\n”\n"
         "Ilse Varga, who runs the ferry, said she would appeal.  \n")


def test_a_pieces_sentences_are_read_from_the_whole_text_at_its_offset(analyzer: Analyzer) -> None:
    """Sentences without their surrounding spaces, a stray closing mark joined to the sentence before,
    in the piece's own offsets although the characters are read in the whole text."""
    before = "An earlier paragraph of the article.\n"
    doc = analyzer.nlp(PIECE)
    spans = sentence_spans(doc, before + PIECE, len(before))
    texts = [PIECE[start:end] for start, end in spans]
    assert texts[0] == "The harbour will close in May, the council said."
    assert "“It is over.”\n”" in texts
    assert texts[-1] == "Ilse Varga, who runs the ferry, said she would appeal."
    assert all(text == text.strip() for text in texts)


def test_subjects_span_their_whole_phrase(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(PIECE)
    subjects = {PIECE[start:end] for start, end in subject_spans(doc)}
    assert {"the council", "Ilse Varga, who runs the ferry,", "she"} <= subjects
