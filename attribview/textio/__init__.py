"""Article files and pasted text turned into analysable text, with offsets back into the original."""

from __future__ import annotations

import codecs
import os
import re
import stat
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from charset_normalizer import from_bytes

from attribview.errors import InputError
from attribview.textio.page import CHAR_MAP, PageMeta, is_html, read_page, source_length

__all__ = ["MAX_BYTES", "PageMeta", "SourceText", "decode_bytes", "prepare_text", "read_article"]

MAX_BYTES: int = 5 * 1024 * 1024

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Real text has next to no control characters; binary data decoded as text has many.
_MAX_CONTROL_SHARE: Final = 0.05
#: UTF-16 without a byte-order mark: at least this share of one side of the byte pairs is NUL.
_UTF16_NUL_SHARE: Final = 0.3
_TEXT_CONTROLS: Final = "\t\n\r\f\v"
_DELETE_CONTROLS: Final[dict[int, None]] = {
    code: None for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in _TEXT_CONTROLS
}
# Among equally good guesses prefer the encoding most legacy Western news files use (charset_normalizer
# otherwise reports cp1250 for cp1252 files and turns French "à" into "ŕ").
_PREFERRED_ENCODINGS: Final = ("cp1252",)


@dataclass(frozen=True)
class SourceText:
    """An article as decoded (`original`) and as analysed (`text`), with the map between the two.

    Spans are found in `text` but shown in `original`, so every analysed character must point back to
    where it came from. Plain text is the original one for one, except that each CRLF is one LF (the
    parser must see the same text whatever the line endings): `_joined` lists, in order, the indices in
    `text` of those LFs, each two characters of `original`. For HTML `_offsets[i]` is the index in
    `original` of what produced `text[i]` (one extra entry at the end). A UTF-8 byte-order mark is not
    part of `original`: offsets count from the first real character.
    """

    original: str
    text: str
    encoding: str
    is_html: bool
    _offsets: tuple[int, ...] | None = field(default=None, repr=False)
    meta: PageMeta | None = None
    _joined: tuple[int, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        """Reject an inconsistent map at once rather than highlighting the wrong words later."""
        if self._offsets is None:
            if len(self.text) + len(self._joined) != len(self.original):
                raise ValueError("plain text needs the original's length, less one per joined CRLF")
        elif len(self._offsets) != len(self.text) + 1:
            raise ValueError("offsets need one entry per character of text, plus one")

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `text[start:end]` to the span of `original` it came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the text (length {len(self.text)})")
        offsets = self._offsets
        if offsets is None:
            joined = self._joined  # each joined LF before a position shifts it by one
            return start + bisect_left(joined, start), end + bisect_left(joined, end)
        if start == end:
            return offsets[start], offsets[start]
        last = offsets[end - 1]
        return offsets[start], last + source_length(self.original, last)


def _human_size(size: int) -> str:
    """A size the way people say it ("12.3 MB"), for one-line error messages."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _looks_binary(text: str) -> bool:
    """True when too many characters are control codes for this to be an article."""
    if not text:
        return False
    controls = len(text) - len(text.translate(_DELETE_CONTROLS))
    return controls > _MAX_CONTROL_SHARE * len(text)


def _guess_decode(data: bytes) -> tuple[str, str] | None:
    """charset_normalizer's best guess, preferring common encodings among equally good ones."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    for preferred in _PREFERRED_ENCODINGS:
        if any(preferred in m.could_be_from_charset for m in tied):
            try:
                return data.decode(preferred), preferred
            except UnicodeDecodeError:
                break
    return str(best), codecs.lookup(best.encoding).name


def _utf16_without_bom(data: bytes, name: str) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, told by its NUL bytes; None if it is not that.

    Latin-script UTF-16 has a NUL in (almost) every other byte, all on the same side of each pair;
    binary data has them anywhere, and a stray NUL in UTF-8 text is one among thousands of bytes.
    """
    half = len(data) // 2
    if half == 0:
        return None
    sides = (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2]))
    for codec, zeros, others in sides:
        if zeros.count(0) >= _UTF16_NUL_SHARE * half and others.count(0) <= _MAX_CONTROL_SHARE * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: looks like UTF-16 without a byte-order mark, but is not valid {codec.upper()}"
                ) from None
            if _looks_binary(text):
                raise InputError(f"{name}: looks like a binary file, not text")
            return text, codec
    return None


def decode_bytes(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode an article's bytes, returning (text, encoding); a byte-order mark is not kept in text.

    Order: byte-order mark, then UTF-16 without one (told by its NUL bytes), then strict UTF-8, then
    charset_normalizer's guess. A few stray NUL bytes in text are decoded (and analysed as spaces);
    binary data, many NULs among them, is refused rather than shown as garbage.
    """
    if not data:
        raise InputError(f"{name}: the file is empty")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label}"
                ) from None
            encoding = codec
            break
    else:
        wide = _utf16_without_bom(data, name)
        if wide is not None:
            return wide
        if data.count(0) > _MAX_CONTROL_SHARE * len(data):
            raise InputError(f"{name}: looks like a binary file, not text (it is full of NUL bytes)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            guess = _guess_decode(data)
            if guess is None:
                raise InputError(
                    f"{name}: cannot work out the text encoding (not UTF-8 and no other encoding fits)"
                ) from None
            text, encoding = guess
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text, encoding


def prepare_text(original: str, *, name: str = "text", encoding: str = "utf-8") -> SourceText:
    """Make already-decoded text (a decoded file, or pasted text) ready for the engine.

    Plain text keeps its characters one for one, except that CRLF becomes one LF (the map remembers
    where); a lone CR becomes LF, odd spaces and zero-width characters become spaces. HTML is reduced
    to its readable text with an offset map.
    """
    if not original:
        raise InputError(f"{name}: is empty, there is nothing to analyse")
    if is_html(original, name):
        text, offsets, meta = read_page(original, name)
        return SourceText(original, text, encoding, is_html=True, _offsets=offsets, meta=meta)
    joined = tuple(match.start() - number for number, match in enumerate(re.finditer("\r\n", original)))
    text = original.replace("\r\n", "\n").translate(CHAR_MAP)
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace, there is nothing to analyse")
    return SourceText(original, text, encoding, is_html=False, _joined=joined)


def _os_error(name: str, error: OSError, given: str) -> InputError:
    """One line a user can act on, instead of an OSError traceback; a missing file is named by the
    path ``given``, since a mistyped folder is the usual cause."""
    if isinstance(error, FileNotFoundError):
        return InputError(f"{given}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name}: is a folder, not a file")
    if isinstance(error, PermissionError):
        return InputError(f"{name}: permission denied, the file cannot be read")
    return InputError(f"{name}: cannot be read ({error.strerror or error})")


def read_article(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read, decode and prepare an article file; errors name the file (its base name) in one line
    (a missing one by its whole path).

    The file is opened read-only and its size is checked before its content is read.
    """
    name = Path(path).name or os.fspath(path)
    limit = f"the limit is {_human_size(max_bytes)}"
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: is not a regular file")
        if info.st_size > max_bytes:
            raise InputError(f"{name}: too large ({_human_size(info.st_size)}; {limit})")
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as error:
        raise _os_error(name, error, os.fspath(path)) from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: too large (more than {_human_size(max_bytes)}; {limit})")
    if name.lower().endswith(".docx"):
        from attribview.textio.word import read_docx  # noqa: PLC0415 - only Word files need it

        return read_docx(data, name)
    text, encoding = decode_bytes(data, name=name)
    return prepare_text(text, name=name, encoding=encoding)
