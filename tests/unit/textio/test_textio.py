"""Reading article files: decoding, binary and size refusals, text normalisation, HTML and offsets."""

from __future__ import annotations

import codecs
import html
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from attribview.errors import InputError
from attribview.textio import MAX_BYTES, SourceText, decode_bytes, prepare_text, read_article

RUSSIAN = "Министр финансов заявил журналистам, что бюджет на следующий год будет сбалансирован."
RUSSIAN_QUOTED = RUSSIAN + " «Мы не планируем повышать налоги», — сказал он на пресс-конференции."
UKRAINIAN = (
    "Міністр фінансів заявив журналістам, що бюджет на наступний рік буде збалансованим. "
    "«Ми не плануємо підвищувати податки», — сказав він на пресконференції у Києві."
)
FRENCH = (
    "Le ministre a déclaré que les impôts ne seraient pas augmentés. "
    "« Nous ne prévoyons pas de hausse », a-t-il dit à la presse à Paris."
)
ENGLISH_CURLY = "The minister said “we will not raise taxes” — and he meant it, he told reporters on Tuesday."

ARTICLE_HTML = """<!DOCTYPE html>
<html>
<head><title>Page title</title>
<style>p { color: red; }</style>
<script>alert(1)</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Budget &amp; taxes</h1>
<p>The minister said &ldquo;we will not raise taxes&rdquo; on Tuesday.</p>
<p>Critics   called it
   a  &#8220;fantasy&#8221; and the opposition didn&rsquo;t agree.</p>
<p>A reader wrote &lt;script&gt;alert(2)&lt;/script&gt; in a comment.</p>
<script type="text/javascript">document.write("tracking pixel")</script>
<blockquote>Taxes stay,<br>said <em>Jane Doe</em>.</blockquote>
<ul><li>First point</li><li>Second point</li></ul>
</article>
<aside>Related stories</aside>
<form><label>Subscribe</label><input name="email"></form>
<footer>Copyright 2024</footer>
</body>
</html>
"""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _assert_one_line_about(error: pytest.ExceptionInfo[InputError], name: str, *fragments: str) -> None:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    for fragment in fragments:
        assert fragment in message


def _words(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r"\S+", text)]


# --- decoding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected_text", "expected_encoding"),
    [
        pytest.param(b"Plain ASCII text.", "Plain ASCII text.", "utf-8", id="ascii"),
        pytest.param(RUSSIAN.encode("utf-8"), RUSSIAN, "utf-8", id="utf-8-cyrillic"),
        pytest.param(ENGLISH_CURLY.encode("utf-8"), ENGLISH_CURLY, "utf-8", id="utf-8-curly"),
        pytest.param(codecs.BOM_UTF8 + FRENCH.encode(), FRENCH, "utf-8-sig", id="utf-8-bom-stripped"),
        pytest.param(UKRAINIAN.encode("utf-16"), UKRAINIAN, "utf-16", id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, "utf-16", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16", id="utf-16-be"),
        pytest.param(codecs.BOM_UTF32_LE + RUSSIAN.encode("utf-32-le"), RUSSIAN, "utf-32", id="utf-32-le"),
        pytest.param(RUSSIAN_QUOTED.encode("cp1251"), RUSSIAN_QUOTED, "cp1251", id="cp1251-russian"),
        pytest.param(UKRAINIAN.encode("cp1251"), UKRAINIAN, "cp1251", id="cp1251-ukrainian"),
        pytest.param(RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r", id="koi8-r-russian"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp1252", id="cp1252-french"),
        pytest.param(ENGLISH_CURLY.encode("cp1252"), ENGLISH_CURLY, "cp1252", id="cp1252-curly-quotes"),
    ],
)
def test_decode_bytes_finds_the_encoding(data: bytes, expected_text: str, expected_encoding: str) -> None:
    text, encoding = decode_bytes(data, name="a.txt")
    assert text == expected_text
    assert encoding == expected_encoding


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(b"", "the file is empty", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", id="png-header-nul"),
        pytest.param(b"\x00\x01\x00binary\x00\x00data\x00" * 8, "full of NUL bytes", id="many-nul-bytes"),
        pytest.param("Hello there, said Ann Lee.".encode("utf-16-le") + b"\x00\xdc", "not valid UTF-16-LE",
                     id="utf-16-le-no-bom-lone-surrogate"),
        pytest.param(bytes(range(1, 32)) * 20 + b"a few letters", "binary", id="control-characters"),
        pytest.param(codecs.BOM_UTF16_LE + b"a\x00b", "not valid UTF-16", id="utf-16-odd-length"),
        pytest.param(codecs.BOM_UTF8 + b"caf\xe9", "not valid UTF-8", id="utf-8-bom-bad-bytes"),
        pytest.param(bytes(range(0x80, 0x100)) * 8, "encoding", id="undecodable"),
    ],
)
def test_decode_bytes_refuses_with_one_line(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as error:
        decode_bytes(data, name="x.bin")
    _assert_one_line_about(error, "x.bin", fragment)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH_CURLY, FRENCH], ids=["english", "french"])
def test_utf16_without_a_byte_order_mark_is_decoded(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), name="a.txt") == (text, codec)


def test_a_stray_nul_byte_in_text_is_decoded_and_analysed_as_a_space() -> None:
    data = ENGLISH_CURLY.encode().replace(b" and ", b" and\x00", 1)
    text, encoding = decode_bytes(data, name="a.txt")
    assert (text, encoding) == (data.decode(), "utf-8")
    source = prepare_text(text)
    assert source.original == text
    assert source.text == ENGLISH_CURLY


def test_a_few_stray_control_characters_are_still_text() -> None:
    data = ("Header\x0c" + RUSSIAN + "\x07\n" + FRENCH).encode()
    text, encoding = decode_bytes(data, name="a.txt")
    assert encoding == "utf-8"
    source = prepare_text(text)
    assert source.text == "Header\n" + RUSSIAN + " \n" + FRENCH


# --- plain text normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param("one\rtwo", "one\ntwo", id="lone-cr"),
        pytest.param("one\r\rtwo", "one\n\ntwo", id="lone-cr-paragraph"),
        pytest.param("one\ttwo", "one two", id="tab"),
        pytest.param("one\u00a0two", "one two", id="no-break-space"),
        pytest.param("one\u202ftwo", "one two", id="narrow-no-break-space"),
        pytest.param("one\u2009two", "one two", id="thin-space"),
        pytest.param("one\u3000two", "one two", id="ideographic-space"),
        pytest.param("one\u200btwo", "one two", id="zero-width-space"),
        pytest.param("one\ufefftwo", "one two", id="bom-inside-text"),
        pytest.param("one\u2060two", "one two", id="word-joiner"),
        pytest.param("one\u2028two\u2029three", "one\ntwo\nthree", id="unicode-line-separators"),
        pytest.param("one\x0ctwo", "one\ntwo", id="form-feed"),
        pytest.param("“Quote,” she said — «цитата».", "“Quote,” she said — «цитата».", id="unchanged"),
    ],
)
def test_plain_text_keeps_length_and_normalises(original: str, expected: str) -> None:
    source = prepare_text(original)
    assert source.original == original
    assert source.text == expected
    assert len(source.text) == len(source.original)
    assert source._offsets is None
    assert source.is_html is False
    assert source.encoding == "utf-8"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param("one\r\ntwo", "one\ntwo", id="crlf"),
        pytest.param("one\r\n\r\ntwo\r\n", "one\n\ntwo\n", id="crlf-paragraph"),
        pytest.param("a\r\nb\rc\n\r\r\nd", "a\nb\nc\n\n\nd", id="mixed-endings"),
        pytest.param("\r\n\r\none", "\n\none", id="crlf-first"),
    ],
)
def test_plain_text_crlf_is_one_line_feed_mapped_back_exactly(original: str, expected: str) -> None:
    source = prepare_text(original)
    assert source.text == expected
    assert source.to_original(0, len(source.text)) == (0, len(original))
    for start in range(len(source.text) + 1):
        for end in range(start, len(source.text) + 1):
            begin, stop = source.to_original(start, end)
            written = original[begin:stop]
            assert written.replace("\r\n", "\n").replace("\r", "\n") == source.text[start:end]
            assert not written.startswith("\n") or original[begin - 1:begin] != "\r"  # never mid-CRLF


def test_every_unicode_space_separator_becomes_a_plain_space() -> None:
    separators = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    assert len(separators) > 10
    for separator in separators:
        assert prepare_text(f"a{separator}b").text == "a b", f"U+{ord(separator):04X}"


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 3), (4, 9), (9, 9), (0, 9)])
def test_identity_mapping_returns_the_span(start: int, end: int) -> None:
    source = prepare_text("one\r two.")
    assert source.to_original(start, end) == (start, end)


@pytest.mark.parametrize("original", ["one\r\ntwo.", "<p>one</p><p>two.</p>"])
@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 100), (100, 100)])
def test_to_original_rejects_spans_outside_the_text(original: str, start: int, end: int) -> None:
    source = prepare_text(original)
    with pytest.raises(ValueError, match="outside the text"):
        source.to_original(start, end)


@pytest.mark.parametrize(
    ("original", "name", "fragment"),
    [
        pytest.param("", "text", "is empty", id="empty"),
        pytest.param("  \n\t \r\n ", "text", "only whitespace", id="whitespace"),
        pytest.param("\u00a0\u200b\ufeff\u3000", "paste", "only whitespace", id="invisible-only"),
        pytest.param(
            "<script>alert(1)</script><p></p><div> </div><br>",
            "text",
            "no readable text",
            id="html-without-text",
        ),
        pytest.param("<p>a</p><p>b</p><p><![foo[ x ]]></p>", "page.html", "HTML", id="broken-markup"),
    ],
)
def test_prepare_text_refuses_with_one_line(original: str, name: str, fragment: str) -> None:
    with pytest.raises(InputError) as error:
        prepare_text(original, name=name)
    _assert_one_line_about(error, name, fragment)


def test_source_text_rejects_inconsistent_offsets() -> None:
    with pytest.raises(ValueError, match="original's length"):
        SourceText("abc", "ab", "utf-8", is_html=False)
    with pytest.raises(ValueError, match="original's length"):
        SourceText("a\r\nb", "a\nb", "utf-8", is_html=False)
    with pytest.raises(ValueError, match="one entry per character"):
        SourceText("<b>ab</b>", "ab", "utf-8", is_html=True, _offsets=(3, 4))


# --- HTML -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "name", "expected"),
    [
        pytest.param("<p>one paragraph only</p>", "page.html", True, id="html-suffix"),
        pytest.param("<p>one paragraph only</p>", "PAGE.HTM", True, id="htm-suffix-upper-case"),
        pytest.param("\n  <!DOCTYPE html><title>t</title>text", "text", True, id="doctype"),
        pytest.param("<html lang='en'><body>text</body></html>", "text", True, id="html-tag"),
        pytest.param("<p>one</p>\n<div>two</div>three<br>", "text", True, id="several-block-tags"),
        pytest.param("<p>Before</p><script>x()</script>", "text", True, id="fragment-with-script"),
        pytest.param("<p>one<br>two</p>", "text", True, id="closing-tags-count"),
        pytest.param("He typed <p> into the box.", "text", False, id="one-tag-mentioned"),
        pytest.param(
            "Use <p>, <div> or <br> for layout.", "text", True, id="three-tags-mentioned-known-false-positive"
        ),
        pytest.param("if a < b and c > d: pass", "notes.txt", False, id="comparison"),
        pytest.param("<htmlish> is not a tag we know", "text", False, id="html-prefix-word"),
    ],
)
def test_html_detection(original: str, name: str, expected: bool) -> None:
    assert prepare_text(original, name=name).is_html is expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param("<p>One.</p><p>Two.</p>", "One.\nTwo.", id="paragraphs"),
        pytest.param("<div><div><p>Deep.</p></div></div><p>Next.</p>", "Deep.\nNext.", id="nested-blocks"),
        pytest.param("<p>a   b\n\n  c\t d</p><br>", "a b c d", id="collapse-whitespace"),
        pytest.param("<p>line<br>break<br/>again</p>", "line\nbreak\nagain", id="br"),
        pytest.param("<p>x&nbsp;&nbsp;y &amp; z</p><br>", "x y & z", id="nbsp-collapses"),
        pytest.param(
            "<p>&ldquo;Hi,&rdquo; she said&#8212;twice&#x2026;</p><br>",
            "“Hi,” she said—twice…",
            id="entities",
        ),
        pytest.param("<p>AT&T and &unknown; stay</p><br>", "AT&T and &unknown; stay", id="not-entities"),
        pytest.param("<p>Bold<b>er</b> <i>italic</i></p><br>", "Bolder italic", id="inline-no-space"),
        pytest.param(
            "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc", id="table-cells"
        ),
        pytest.param("<p>kept</p><!-- <p>comment</p> --><br>", "kept", id="comment-dropped"),
        pytest.param("<p>a</p><noscript>enable js</noscript><p>b</p>", "a\nb", id="noscript"),
        pytest.param(
            "<head><title>T</title><body><p>after unclosed head</p>",
            "after unclosed head",
            id="unclosed-head",
        ),
        pytest.param("<p>x</p><pre>line 1\n  line 2</pre><br>", "x\nline 1\nline 2", id="pre-keeps-lines"),
        pytest.param("<p>one</p>\r\n<p>two</p>\r\n", "one\ntwo", id="crlf-between-tags"),
    ],
)
def test_html_text_extraction(original: str, expected: str) -> None:
    source = prepare_text(original, name="page.html")
    assert source.is_html is True
    assert source.text == expected


def test_html_article_keeps_the_article_and_drops_the_rest() -> None:
    source = prepare_text(ARTICLE_HTML, name="story.html")
    assert source.text.splitlines() == [
        "Budget & taxes",
        "The minister said “we will not raise taxes” on Tuesday.",
        "Critics called it a “fantasy” and the opposition didn’t agree.",
        "A reader wrote <script>alert(2)</script> in a comment.",
        "Taxes stay,",
        "said Jane Doe.",
        "First point",
        "Second point",
    ]
    for dropped in (
        "alert(1)",
        "tracking pixel",
        "color: red",
        "Page title",
        "Home",
        "Related",
        "Subscribe",
        "Copyright",
    ):
        assert dropped not in source.text


def test_html_script_never_reaches_text_but_escaped_markup_is_literal() -> None:
    source = prepare_text("<p>Before</p><script>alert(1)</script><p>&lt;script&gt;x&lt;/script&gt;</p>")
    assert "alert(1)" not in source.text
    assert source.text == "Before\n<script>x</script>"
    start = source.text.index("<script>")
    begin, end = source.to_original(start, start + len("<script>"))
    assert source.original[begin:end] == "&lt;script&gt;"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_html_every_word_maps_back_to_where_it_was_written(newline: str) -> None:
    original = ARTICLE_HTML.replace("\n", newline)
    source = prepare_text(original, name="story.html")
    offsets = source._offsets
    assert offsets is not None
    assert len(offsets) == len(source.text) + 1
    assert list(offsets) == sorted(offsets)
    literal_words = 0
    for start, end in _words(source.text):
        begin, stop = source.to_original(start, end)
        written = source.original[begin:stop]
        word = source.text[start:end]
        if "<" in written:  # only the <em> around "Jane Doe." spans a tag in this article
            assert word == "Doe."
            continue
        assert html.unescape(written) == word
        literal_words += written == word
    assert literal_words > 30


@pytest.mark.parametrize(
    ("word", "written"),
    [
        ("&", "&amp;"),
        ("“we", "&ldquo;we"),
        ("“fantasy”", "&#8220;fantasy&#8221;"),
        ("didn’t", "didn&rsquo;t"),
        ("minister", "minister"),
        ("Tuesday.", "Tuesday."),
    ],
)
def test_html_entities_map_to_the_whole_entity(word: str, written: str) -> None:
    source = prepare_text(ARTICLE_HTML, name="story.html")
    start = source.text.index(word)
    begin, end = source.to_original(start, start + len(word))
    assert source.original[begin:end] == written


NOT_AN_ENTITY = "<p>Ann &notanentity; Lee said so.</p>"


@pytest.mark.parametrize(
    ("page", "word", "written"),
    [
        pytest.param(NOT_AN_ENTITY, "¬anentity;", "&notanentity;", id="prefix-entity"),
        pytest.param(NOT_AN_ENTITY, "anentity;", "anentity;", id="after-prefix"),
        pytest.param(NOT_AN_ENTITY, "Lee", "Lee", id="word-after"),
        pytest.param("<p>Ann &copyright Lee said so.</p>", "©right", "&copyright", id="prefix-no-semicolon"),
        pytest.param("<p>Ann &bogus; Lee said so.</p>", "&bogus;", "&bogus;", id="unknown-entity"),
        pytest.param("<p>Ann &amp;&amp; Lee said so.</p>", "&&", "&amp;&amp;", id="two-entities"),
    ],
)
def test_html_entity_takes_only_its_own_characters(page: str, word: str, written: str) -> None:
    source = prepare_text(page + "<p>b</p><p>c</p>", name="story.html")
    start = source.text.index(word)
    begin, end = source.to_original(start, start + len(word))
    assert source.original[begin:end] == written


def test_html_span_ending_after_an_entity_prefix_keeps_its_end() -> None:
    source = prepare_text(NOT_AN_ENTITY + "<p>b</p><p>c</p>", name="story.html")
    start = source.text.index("Ann")
    end = source.text.index(";")  # "Ann ¬anentity", without the semicolon
    begin, stop = source.to_original(start, end)
    assert source.original[begin:stop] == "Ann &notanentity"


def test_html_inserted_line_break_maps_to_its_tag() -> None:
    source = prepare_text("<p>one<br>two</p>")
    newline = source.text.index("\n")
    begin, end = source.to_original(newline, newline + 1)
    assert source.original[begin:end] == "<"
    assert source.original.startswith("<br>", begin)
    assert source.to_original(len(source.text), len(source.text)) == (len(source.original),) * 2


# --- reading files ------------------------------------------------------------------------------------


def test_read_article_crlf_offsets_point_at_the_same_words(tmp_path: Path) -> None:
    body = "The minister said “no”.\r\n\r\n«Мы не будем», — сказал он.\r\nEnd\u00a0of\tstory.\r\n"
    path = _write(tmp_path / "article.txt", body.encode("utf-8"))
    source = read_article(path)
    assert source.original == body
    assert "\r\n" in source.original
    assert "\r" not in source.text
    assert source.text == body.replace("\r\n", "\n").replace("\u00a0", " ").replace("\t", " ")
    assert source.encoding == "utf-8"
    spans = _words(source.text)
    assert [source.text[s:e] for s, e in spans][:4] == ["The", "minister", "said", "“no”."]
    for start, end in spans:
        begin, stop = source.to_original(start, end)
        assert source.original[begin:stop] == source.text[start:end]


@pytest.mark.parametrize(
    ("filename", "data", "expected_text", "expected_encoding"),
    [
        pytest.param("ru.txt", RUSSIAN_QUOTED.encode("cp1251"), RUSSIAN_QUOTED, "cp1251", id="cp1251"),
        pytest.param("ru-koi8.txt", RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r", id="koi8-r"),
        pytest.param("bom.txt", codecs.BOM_UTF8 + b"Hello.", "Hello.", "utf-8-sig", id="utf-8-bom"),
        pytest.param("wide.txt", UKRAINIAN.encode("utf-16"), UKRAINIAN, "utf-16", id="utf-16"),
        pytest.param(
            "page.html", f"<p>{UKRAINIAN}</p>".encode("cp1251"), UKRAINIAN, "cp1251", id="html-cp1251"
        ),
        pytest.param("page.HTM", b"<p>caf&eacute; &amp; bar</p>", "café & bar", "utf-8", id="htm"),
    ],
)
def test_read_article_decodes_files(
    tmp_path: Path, filename: str, data: bytes, expected_text: str, expected_encoding: str
) -> None:
    source = read_article(_write(tmp_path / filename, data))
    assert source.text == expected_text
    assert source.encoding == expected_encoding
    assert source.is_html is filename.lower().endswith((".html", ".htm"))


def test_read_article_bom_is_not_part_of_original(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + "Він сказав: «Так».".encode())
    source = read_article(str(path))
    assert source.original == "Він сказав: «Так»."
    start = source.text.index("«")
    assert source.original[slice(*source.to_original(start, start + 6))] == "«Так»."


def test_read_article_never_modifies_the_file(tmp_path: Path) -> None:
    data = ("<p>Він сказав\r\n&ldquo;ні&rdquo;.</p>" * 3).encode("cp1251")
    path = _write(tmp_path / "story.html", data)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.stat()
    read_article(path)
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


@pytest.mark.parametrize(
    ("filename", "data", "fragment"),
    [
        pytest.param("article.txt", b"", "the file is empty", id="empty"),
        pytest.param("blank.txt", b" \r\n\t\n  ", "only whitespace", id="whitespace-only"),
        pytest.param(
            "x.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "looks like a binary file, not text", id="binary"
        ),
        pytest.param(
            "empty.html",
            b"<html><head><title>t</title></head><body></body></html>",
            "no readable text",
            id="html-without-text",
        ),
    ],
)
def test_read_article_refuses_bad_content(tmp_path: Path, filename: str, data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as error:
        read_article(_write(tmp_path / filename, data))
    _assert_one_line_about(error, filename, fragment)


def test_read_article_missing_file_names_the_whole_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "nowhere.txt"
    with pytest.raises(InputError) as error:
        read_article(missing)
    _assert_one_line_about(error, str(missing), "no such file")  # the mistyped folder shows


def test_read_article_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError) as error:
        read_article(tmp_path / "folder.txt")
    _assert_one_line_about(error, "folder.txt", "folder")


def test_read_article_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", b"Some text.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file permissions")
        with pytest.raises(InputError) as error:
            read_article(path)
        _assert_one_line_about(error, "secret.txt", "permission denied")
    finally:
        path.chmod(0o600)


def test_read_article_too_large_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:  # sparse: the size is there without writing megabytes
        stream.truncate(MAX_BYTES + 1024 * 1024 + 300 * 1024)
    with pytest.raises(InputError) as error:
        read_article(path)
    _assert_one_line_about(error, "big.txt", "too large (6.3 MB; the limit is 5 MB)")


@pytest.mark.parametrize(
    ("size", "max_bytes", "fragment"),
    [
        (200, 100, "too large (200 bytes; the limit is 100 bytes)"),
        (3000, 2048, "too large (2.9 KB; the limit is 2 KB)"),
    ],
)
def test_read_article_respects_max_bytes(tmp_path: Path, size: int, max_bytes: int, fragment: str) -> None:
    path = _write(tmp_path / "long.txt", b"a" * size)
    with pytest.raises(InputError) as error:
        read_article(path, max_bytes=max_bytes)
    _assert_one_line_about(error, "long.txt", fragment)
    assert read_article(path, max_bytes=size).text == "a" * size
