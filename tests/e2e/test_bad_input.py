"""Bad input to ``analyze``: odd encodings, NUL bytes, a model that is not one, a profile not in UTF-8.

Each refusal is one line, exit 2, no traceback, and the input files are left as they were; each input
that can be read is analysed, with offsets that point at the same words in the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import digest

ARTICLE = (
    "Mayor Ilse Varga of Dunmere said on Tuesday that the ferry would run again in the spring.\n"
    "“We have waited long enough for a bridge,” said Tomas Brell, a harbour pilot.\n"
)


def _not_a_model(tmp_path: Path) -> list[str]:
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "notes.txt").write_text("weights to come\n", encoding="utf-8")
    return ["--model", str(folder)]


#: (id, extra arguments made in tmp_path, environment, fragments of the one error line)
REFUSED: list[tuple[str, Callable[[Path], list[str]], dict[str, str], tuple[str, ...]]] = [
    ("model-folder-not-a-model", _not_a_model, {}, ("my-model", "not a usable spaCy model")),
    ("unknown-model", lambda _: ["--model", "en_no_such_model"], {}, ("en_no_such_model", "not installed")),
    ("unknown-model-from-environment", lambda _: [], {"ATTRIBVIEW_MODEL": "en_no_such_model"},
     ("en_no_such_model", "ATTRIBVIEW_MODEL", "not installed")),
]


@pytest.mark.parametrize(("args", "env", "fragments"), [case[1:] for case in REFUSED],
                         ids=[case[0] for case in REFUSED])
def test_a_model_that_cannot_load_is_one_line(attribview, tmp_path: Path, args: Callable[[Path], list[str]],  # type: ignore[no-untyped-def]
                                              env: dict[str, str], fragments: tuple[str, ...]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    arguments = args(tmp_path)
    before = digest(article), [digest(Path(a)) for a in arguments if Path(a).is_dir()]
    run = attribview("analyze", article, "--json", *arguments, env=env)
    run.assert_one_line_error(*fragments)
    assert run.stdout == ""
    assert (digest(article), [digest(Path(a)) for a in arguments if Path(a).is_dir()]) == before


@pytest.mark.parametrize(
    ("data", "fragments"),
    [
        pytest.param(b"\x00\x01\x00\x7fELF\x00\x00" * 200, ("binary", "NUL bytes"), id="many-nul-bytes"),
        pytest.param(ARTICLE.encode("utf-16-le") + b"\x00\xdc", ("UTF-16 without a byte-order mark",),
                     id="utf-16-without-bom-broken"),
    ],
)
def test_unreadable_bytes_are_refused_with_the_reason(attribview, tmp_path: Path, data: bytes,  # type: ignore[no-untyped-def]
                                                      fragments: tuple[str, ...]) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(data)
    run = attribview("analyze", article, "--json")
    run.assert_one_line_error("article.txt", *fragments)
    assert article.read_bytes() == data


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(ARTICLE.encode("utf-16-le"), "utf-16-le", id="utf-16-le-without-bom"),
        pytest.param(ARTICLE.encode("utf-16-be"), "utf-16-be", id="utf-16-be-without-bom"),
        pytest.param(ARTICLE.replace(" in the spring", "\x00in the spring").encode(), "utf-8",
                     id="stray-nul-byte"),
        pytest.param(ARTICLE.replace("\n", "\r\n").encode(), "utf-8", id="crlf"),
        pytest.param(ARTICLE.replace("\n", "\r").encode(), "utf-8", id="cr"),
    ],
)
def test_readable_bytes_are_analysed_at_exact_offsets(attribview, tmp_path: Path, data: bytes,  # type: ignore[no-untyped-def]
                                                      encoding: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(data)
    run = attribview("analyze", article, "--json")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    result = json.loads(run.stdout)
    assert result["encoding"] == encoding
    original = data.decode(encoding)
    texts = [quote["text"] for quote in result["quotes"]]
    assert "“We have waited long enough for a bridge,”" in texts
    assert len(texts) == 2
    for quote in result["quotes"]:
        assert original[quote["start"]:quote["end"]] == quote["text"]
        assert original[quote["source_start"]:quote["source_end"]].startswith(("Mayor Ilse Varga",
                                                                                 "Tomas Brell"))
    assert article.read_bytes() == data


def test_an_entity_prefix_in_html_keeps_the_source_span(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """HTML reads "&not" as "¬" and the rest as written: the speaker "The ¬anentity" ends before the ";"."""
    page = ("<html><body><p>The &notanentity; said on Monday that the ferry would run again.</p>"
            "<p>The council said nothing.</p></body></html>\n")
    article = tmp_path / "page.html"
    article.write_text(page, encoding="utf-8")
    run = attribview("analyze", article, "--json")
    assert run.returncode == 0, run.stderr
    quote = json.loads(run.stdout)["quotes"][0]
    assert page[quote["start"]:quote["end"]] == "the ferry would run again"
    assert page[quote["cue_start"]:quote["cue_end"]] == "said"
    assert page[quote["source_start"]:quote["source_end"]] == "The &notanentity"


def test_a_profile_not_in_utf8_is_one_line(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Checked, it is refused in one line; met in the user's folder, analyses go on with one warning."""
    folder = tmp_path / "no-user-profiles"
    folder.mkdir()
    profile = folder / "harbour.toml"
    data = '[profile]\nid = "harbour"\nlabel = "Hafenbehörde"\n'.encode("cp1252")
    profile.write_bytes(data)
    check = attribview("profiles", profile)
    check.assert_one_line_error("harbour.toml", "not UTF-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    analysis = attribview("analyze", article, "--json")
    assert analysis.returncode == 0, analysis.stderr
    [warning] = analysis.stderr.splitlines()
    assert warning.startswith("attribview: warning: ")
    assert "harbour.toml" in warning and "not UTF-8" in warning
    assert "Traceback" not in analysis.stderr
    assert profile.read_bytes() == data
