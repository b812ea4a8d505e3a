"""``attribview analyze`` end to end: real files, a real interpreter, the real spaCy pipeline.

Each successful run loads spaCy (a few seconds), so cases are grouped into few runs. Offsets in the
JSON output are character offsets into the file's text exactly as decoded (CRLF kept, no BOM).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from attribview.cli.main import main
from attribview.textio import MAX_BYTES

REPO_ROOT = Path(__file__).resolve().parents[3]
SAMPLE = REPO_ROOT / "resources" / "samples" / "frontline-report.txt"
ERROR_PREFIX = "attribview: error: "
TIMEOUT = 300

TOP_KEYS = {"profile", "encoding", "quotes", "sentences"}
QUOTE_KEYS = {
    "start", "end", "text", "speaker", "group", "kind", "confidence",
    "cue_start", "cue_end", "source_start", "source_end", "mention", "flags",
}
SENTENCE_KEYS = {"start", "end", "groups", "flags"}


# --- helpers --------------------------------------------------------------------------------------


def _run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m attribview analyze ARGS`` in a clean folder, without the user's own profiles."""
    env = dict(os.environ)
    env["ATTRIBVIEW_PROFILES"] = str(tmp_path / "no-user-profiles")
    result = subprocess.run(
        [sys.executable, "-m", "attribview", "analyze", *map(str, args)],
        capture_output=True, cwd=tmp_path, env=env, timeout=TIMEOUT, check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode,
        result.stdout.decode("utf-8"), result.stderr.decode("utf-8", errors="replace"),
    )


def _run_json(tmp_path: Path, *args: str | Path) -> dict[str, Any]:
    """A run that must succeed, with its one JSON object."""
    result = _run(tmp_path, *args, "--json")
    assert result.returncode == 0, f"exit {result.returncode}\nstderr: {result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.endswith("\n")
    assert result.stdout.count("\n") == 1, "--json prints exactly one line"
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    assert data.keys() >= TOP_KEYS
    return data


def _assert_one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, nothing on stdout, one ``attribview: error:`` line on stderr and no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, f"exit {result.returncode}\nstderr: {result.stderr}"
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {result.stderr!r}"
    message = lines[0]
    assert message.startswith(ERROR_PREFIX), message
    assert message.strip() != ERROR_PREFIX.strip(), "the message must say what is wrong"
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


def _assert_span(original: str, start: Any, end: Any, what: str) -> str:
    """A non-empty span inside `original`, not starting or ending in whitespace; returns its text."""
    assert isinstance(start, int), f"{what}: start {start!r}"
    assert isinstance(end, int), f"{what}: end {end!r}"
    assert 0 <= start < end <= len(original), f"{what}: [{start}, {end}) outside 0..{len(original)}"
    piece = original[start:end]
    assert piece.strip() == piece, f"{what}: {piece!r} has whitespace at an edge"
    return piece


def _assert_optional_span(original: str, quote: dict[str, Any], kind: str) -> str | None:
    start, end = quote[f"{kind}_start"], quote[f"{kind}_end"]
    if start is None or end is None:
        assert start is None, f"{kind} span half missing in {quote}"
        assert end is None, f"{kind} span half missing in {quote}"
        return None
    return _assert_span(original, start, end, f"{kind} of {quote['text']!r}")


def _assert_consistent(data: dict[str, Any], original: str) -> None:
    """Every quote, cue, source and sentence span is a real span of `original`."""
    assert isinstance(data["quotes"], list)
    assert isinstance(data["sentences"], list)
    for quote in data["quotes"]:
        assert quote.keys() >= QUOTE_KEYS, f"missing keys: {QUOTE_KEYS - quote.keys()}"
        text = _assert_span(original, quote["start"], quote["end"], "quote")
        assert text == quote["text"], f"original[{quote['start']}:{quote['end']}] is {text!r}"
        assert isinstance(quote["kind"], str)
        assert quote["kind"]
        assert isinstance(quote["confidence"], int | float)
        assert 0.0 <= quote["confidence"] <= 1.0
        assert isinstance(quote["flags"], list)
        assert all(isinstance(flag, str) for flag in quote["flags"])
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
        assert quote["mention"] is None or isinstance(quote["mention"], str)
        _assert_optional_span(original, quote, "cue")
        _assert_optional_span(original, quote, "source")
    previous_end = 0
    for sentence in data["sentences"]:
        assert sentence.keys() >= SENTENCE_KEYS, f"missing keys: {SENTENCE_KEYS - sentence.keys()}"
        _assert_span(original, sentence["start"], sentence["end"], "sentence")
        assert sentence["start"] >= previous_end, f"sentences overlap or are out of order: {sentence}"
        previous_end = sentence["end"]
        assert isinstance(sentence["groups"], list)
        assert isinstance(sentence["flags"], list)


def _quote_with(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = [quote for quote in data["quotes"] if words in quote["text"]]
    assert found, f"no quote containing {words!r}; quotes: {[q['text'] for q in data['quotes']]}"
    assert len(found) == 1, f"several quotes contain {words!r}: {found}"
    return found[0]


def _source_and_cue(original: str, quote: dict[str, Any]) -> tuple[str | None, str | None]:
    return _assert_optional_span(original, quote, "source"), _assert_optional_span(original, quote, "cue")


# --- refusals -------------------------------------------------------------------------------------


def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def _whitespace(folder: Path) -> Path:
    path = folder / "blank.txt"
    path.write_bytes(b"  \n\t\r\n   \n\n \xc2\xa0 \n")
    return path


def _binary(folder: Path) -> Path:
    path = folder / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64 + b"\x08\x06\x00\x00\x00")
    return path


def _too_large(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as stream:
        stream.write(b"This article is far too long. ")
        stream.truncate(MAX_BYTES + 1)  # sparse: one byte over the limit
    return path


def _missing(folder: Path) -> Path:
    return folder / "missing.txt"


def _directory(folder: Path) -> Path:
    path = folder / "articles"
    path.mkdir()
    (path / "inside.txt").write_text("An article inside the folder.\n", encoding="utf-8")
    return path


def _state(path: Path) -> tuple[Any, ...]:
    """Everything that must not change: existence, kind, size, mtime, bytes (or folder listing)."""
    if not path.exists():
        return ("missing",)
    info = path.stat()
    if path.is_dir():
        return ("dir", info.st_mtime_ns, sorted(p.name for p in path.iterdir()))
    return ("file", info.st_size, info.st_mtime_ns, path.read_bytes())


@pytest.mark.parametrize(
    ("make", "fragments"),
    [
        pytest.param(_empty, ("empty.txt", "empty"), id="empty"),
        pytest.param(_whitespace, ("blank.txt",), id="whitespace-only"),
        pytest.param(_binary, ("picture.png", "binary"), id="binary"),
        pytest.param(_too_large, ("huge.txt", "too large"), id="too-large"),
        pytest.param(_missing, ("missing.txt",), id="missing"),
        pytest.param(_directory, ("articles",), id="directory"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(
    tmp_path: Path, make: Callable[[Path], Path], fragments: tuple[str, ...]
) -> None:
    path = make(tmp_path)
    before = _state(path)
    result = _run(tmp_path, path, "--json")
    _assert_one_error_line(result, *fragments)
    assert _state(path) == before, "the input must be left unchanged"


def test_too_large_file_is_just_over_the_limit(tmp_path: Path) -> None:
    assert _too_large(tmp_path).stat().st_size == MAX_BYTES + 1


def test_bad_input_in_process_returns_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", str(tmp_path / "nowhere.txt")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.startswith(ERROR_PREFIX)
    assert captured.err.count("\n") == 1
    assert "nowhere.txt" in captured.err


def test_unknown_profile_lists_the_available_ones(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text('"The road is open again," said Anna Lee, a city engineer.\n', encoding="utf-8")
    before = _state(path)
    result = _run(tmp_path, path, "--profile", "nosuch")
    message = _assert_one_error_line(result, "nosuch", "available")
    assert "war" in message, f"the bundled 'war' profile is not listed: {message!r}"
    assert _state(path) == before


# --- the bundled sample ---------------------------------------------------------------------------


def test_sample_article_json(tmp_path: Path) -> None:
    before = _state(SAMPLE)
    data = _run_json(tmp_path, SAMPLE)
    assert _state(SAMPLE) == before
    original = SAMPLE.read_bytes().decode("utf-8-sig")
    assert data["profile"] == "war"
    assert data["encoding"] in {"utf-8", "utf-8-sig"}
    _assert_consistent(data, original)
    assert len(data["quotes"]) >= 10
    assert len(data["sentences"]) >= 20
    speakers = {quote["speaker"] for quote in data["quotes"]}
    assert {"Oleksandr Hrytsenko", "Dmitry Peskov", "Olena Marchuk"} <= speakers, speakers
    assert all(quote["group"] for quote in data["quotes"]), "with a profile every quote has a group"
    waves = _quote_with(data, "They came in waves")
    assert waves["text"] == "“They came in waves, from midnight until almost dawn,”"
    assert waves["speaker"] == "Oleksandr Hrytsenko"
    source, cue = _source_and_cue(original, waves)
    assert cue == "said"
    assert source is not None
    assert source.startswith("Oleksandr Hrytsenko")


def test_count_option_chooses_what_is_one_attribution(tmp_path: Path) -> None:
    path = tmp_path / "split.txt"
    path.write_text("“The road is open again,” said Anna Lee, a city engineer. “It took four months.” "
                    "The council wants to widen it next year.\n", encoding="utf-8")
    statements = _run_json(tmp_path, path, "--count", "statements")["quotes"]
    relations = _run_json(tmp_path, path, "--count", "relations")["quotes"]
    assert [q["kind"] for q in statements] == ["direct", "direct"]
    assert [q["kind"] for q in relations] == ["direct", "stance"]  # the stance counts; one quotation's
    assert relations[0]["start"] == statements[0]["start"]  # relation (how it is joined: test_patterns)
    default = _run_json(tmp_path, path)
    assert default["quotes"] == statements and default["counting"] == "statements"  # no profile applies


# --- encodings, line ends, HTML, odd quotation marks ----------------------------------------------

CP1251_ARTICLE = (
    "Министр финансов заявил журналистам, что бюджет на следующий год будет сбалансирован. "
    "«Мы не планируем повышать налоги», — сказал он на пресс-конференции.\n"
    "Міністр фінансів заявив журналістам, що бюджет на наступний рік буде збалансованим.\n"
    '"We will not raise taxes this year," said Finance Minister John Smith on Tuesday.\n'
    "Депутаты оппозиции назвали это обещание популистским и потребовали объяснений.\n"
)


def test_cp1251_article_is_analysed_in_its_own_offsets(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    raw = CP1251_ARTICLE.encode("cp1251")
    path.write_bytes(raw)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the file really is not UTF-8
    before = _state(path)
    data = _run_json(tmp_path, path)
    assert _state(path) == before
    encoding = data["encoding"]
    assert isinstance(encoding, str)
    assert codecs.lookup(encoding).name == "cp1251", f"encoding reported as {encoding!r}"
    original = raw.decode(encoding)
    assert original == CP1251_ARTICLE
    _assert_consistent(data, original)
    quote = _quote_with(data, "We will not raise taxes")
    assert original[quote["start"]:quote["end"]] == quote["text"]
    assert quote["text"] == '"We will not raise taxes this year,"'
    assert quote["speaker"] is not None
    assert "John Smith" in quote["speaker"]
    source, cue = _source_and_cue(original, quote)
    assert cue == "said"
    assert source is not None
    assert "John Smith" in source


CRLF_ARTICLE = (
    "Storm floods coastal town\r\n"
    "\r\n"
    "The storm hit the coast overnight, flooding dozens of streets.\r\n"
    "\r\n"
    "\"The water rose faster than anyone expected,\" said Mary Jones, the town's mayor.\r\n"
    "Emergency crews worked through the night to pump out basements.\r\n"
    "\r\n"
    "\"We are asking everyone to stay indoors until Friday,\" Jones added.\r\n"
    "\"Roads will reopen once the water is gone,\" said Tom Hardy, the fire chief.\r\n"
)


def test_crlf_article_offsets_count_both_line_end_characters(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    raw = CRLF_ARTICLE.encode("utf-8")
    path.write_bytes(raw)
    before = _state(path)
    data = _run_json(tmp_path, path)
    assert _state(path) == before
    original = raw.decode("utf-8")
    assert original.count("\r\n") == 9  # CRLF kept: no newline translation when decoding
    _assert_consistent(data, original)

    water = _quote_with(data, "The water rose")
    assert water["text"] == '"The water rose faster than anyone expected,"'
    assert water["start"] == original.index('"The water rose')
    assert water["speaker"] == "Mary Jones"
    source, cue = _source_and_cue(original, water)
    assert cue == "said"
    assert source is not None
    assert source.startswith("Mary Jones")

    indoors = _quote_with(data, "stay indoors")
    assert indoors["text"] == '"We are asking everyone to stay indoors until Friday,"'
    assert indoors["speaker"] == "Mary Jones"
    source, cue = _source_and_cue(original, indoors)
    assert cue == "added"
    assert source == "Jones"
    assert indoors["source_start"] == original.index("Jones added")

    roads = _quote_with(data, "Roads will reopen")
    assert roads["start"] == original.index('"Roads will reopen')
    assert roads["speaker"] == "Tom Hardy"
    source, cue = _source_and_cue(original, roads)
    assert cue == "said"
    assert source is not None
    assert source.startswith("Tom Hardy")
    assert roads["source_start"] == original.index("Tom Hardy")


BOM_ARTICLE = (
    "Council approves harbour budget\n\n"
    "“The harbour will be dredged before the summer,” said Karen Olsen, the harbour master.\n"
)


def test_utf8_bom_is_not_counted_in_offsets(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + BOM_ARTICLE.encode("utf-8"))
    before = _state(path)
    data = _run_json(tmp_path, path)
    assert _state(path) == before
    _assert_consistent(data, BOM_ARTICLE)
    quote = _quote_with(data, "harbour will be dredged")
    assert quote["start"] == BOM_ARTICLE.index("“The harbour")
    assert quote["text"] == "“The harbour will be dredged before the summer,”"
    source, cue = _source_and_cue(BOM_ARTICLE, quote)
    assert cue == "said"
    assert source is not None
    assert source.startswith("Karen Olsen")


HTML_ARTICLE = """<!DOCTYPE html>
<html>
<head><title>Site news</title><script>alert(1)</script></head>
<body>
<article>
<h1>Comment box bug fixed</h1>
<p>A reader typed &lt;script&gt;alert(2)&lt;/script&gt; into the comment box on Monday.</p>
<script type="text/javascript">alert(1); document.write("“Fake quote,” said Mallory.")</script>
<p>&ldquo;We fixed the bug within an hour,&rdquo; said Peter Brown, the site&rsquo;s editor.</p>
<p>“Nobody’s data was exposed,” Brown told readers in a  <em>short</em>   note.</p>
</article>
</body>
</html>
"""


def test_html_article_offsets_point_into_the_html_source(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    raw = HTML_ARTICLE.encode("utf-8")
    path.write_bytes(raw)
    before = _state(path)
    data = _run_json(tmp_path, path)
    assert _state(path) == before
    original = raw.decode("utf-8")
    _assert_consistent(data, original)

    scripts = [m.span() for m in re.finditer(r"<script\b.*?</script>", original, re.DOTALL)]
    assert len(scripts) == 2
    for quote in data["quotes"]:
        assert "alert(1)" not in quote["text"]
        assert "Mallory" not in (quote["speaker"] or "")
    for item in (*data["quotes"], *data["sentences"]):
        for start, end in scripts:
            assert item["end"] <= start or item["start"] >= end, f"{item} overlaps a <script> element"

    escaped = original.index("&lt;script&gt;alert(2)")
    assert any(s["start"] <= escaped < s["end"] for s in data["sentences"]), "escaped markup is text"

    fixed = _quote_with(data, "We fixed the bug within an hour")
    assert fixed["text"] in {
        "&ldquo;We fixed the bug within an hour,&rdquo;",
        "We fixed the bug within an hour,",
    }
    assert fixed["speaker"] == "Peter Brown"
    source, cue = _source_and_cue(original, fixed)
    assert cue == "said"
    assert source is not None
    assert source.startswith("Peter Brown")
    assert fixed["source_start"] == original.index("Peter Brown")

    exposed = _quote_with(data, "data was exposed")
    assert exposed["start"] == original.index("“Nobody’s")
    assert exposed["text"] == "“Nobody’s data was exposed,”"
    source, cue = _source_and_cue(original, exposed)
    assert cue == "told"
    assert source == "Brown"
    assert exposed["source_start"] == original.index("Brown told")


UNBALANCED_ARTICLE = (
    "“The bridge will reopen next week,” said Anna Lee, a city engineer.\n\n"
    "“This paragraph opens a quotation and never closes it, the council statement began.\n\n"
    "The repairs cost more than planned,” a stray closing mark ends this paragraph.\n\n"
    '"Traffic will be slow for a while, he said.\n\n'
    '"We expect no further delays," Lee said on Monday.\n'
)


def test_unbalanced_quotation_marks_stay_in_their_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "unbalanced.txt"
    path.write_text(UNBALANCED_ARTICLE, encoding="utf-8", newline="")
    before = _state(path)
    data = _run_json(tmp_path, path)
    assert _state(path) == before
    _assert_consistent(data, UNBALANCED_ARTICLE)

    bridge = _quote_with(data, "The bridge will reopen")
    assert bridge["text"] == "“The bridge will reopen next week,”"
    assert bridge["speaker"] == "Anna Lee"
    delays = _quote_with(data, "We expect no further delays")
    assert delays["text"] == '"We expect no further delays,"'
    assert delays["start"] == UNBALANCED_ARTICLE.index('"We expect')
    assert delays["speaker"] == "Anna Lee"
    for quote in data["quotes"]:
        assert "\n\n" not in quote["text"], f"a quote runs across paragraphs: {quote['text']!r}"


# --- the readable table ---------------------------------------------------------------------------


def test_table_output_names_the_speakers(tmp_path: Path) -> None:
    path = tmp_path / "council.txt"
    path.write_text(
        "“The budget is balanced for the first time in a decade,” said Mayor Helen Carter.\n\n"
        "“It balances nothing, it only postpones the cuts,” said Victor Reyes, an opposition councillor.\n",
        encoding="utf-8",
    )
    before = _state(path)
    result = _run(tmp_path, path)
    assert _state(path) == before
    assert result.returncode == 0, f"exit {result.returncode}\nstderr: {result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    assert not result.stdout.lstrip().startswith("{"), "without --json the output is a table"
    assert "Helen Carter" in result.stdout
    assert "Victor Reyes" in result.stdout
    assert "council.txt" in result.stdout
