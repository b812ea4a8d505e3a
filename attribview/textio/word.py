"""Word documents: paragraphs and table cells in reading order, headings kept out of the analysis."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, Final

from attribview.errors import InputError
from attribview.textio import PageMeta, SourceText, prepare_text


def read_docx(data: bytes, name: str) -> SourceText:
    """A Word document's paragraphs and table cells, one per line, in reading order.

    Offsets count in that text (there is no other). Headings and the title are not analysed (a
    headline is not a quote): the first one becomes the article's title when the file has none.
    """
    import docx  # noqa: PLC0415 - only Word files need it
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable Word (.docx) document ({error})") from None
    lines: list[str] = []
    headings: list[str] = []
    for paragraph in _docx_paragraphs(document):
        words = " ".join(paragraph.text.split())
        if words:
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            (headings if style.startswith(_DOCX_HEADING_STYLES) else lines).append(words)
    if not lines:
        raise InputError(f"{name}: the Word document has no text to analyse")
    source = prepare_text("\n".join(lines), name=name, encoding="docx")
    # the document's creation date is when the file was made, not when the article appeared
    title = document.core_properties.title or (headings[0] if headings else None)
    return replace(source, meta=PageMeta(title=title))


_DOCX_HEADING_STYLES: Final = ("Heading", "Title", "Subtitle")


def _docx_paragraphs(container: Any) -> Iterator[Any]:
    """Every paragraph of a document or table cell in reading order, each table cell once.

    A merged cell is the same cell in every row and column it spans, so it is read only the first time.
    """
    from docx.table import Table  # noqa: PLC0415

    seen: list[Any] = []  # the cells' XML elements (kept alive, so identity means the same cell)
    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            yield block
            continue
        for row in block.rows:
            for cell in row.cells:
                element = cell._tc
                if not any(element is other for other in seen):
                    seen.append(element)
                    yield from _docx_paragraphs(cell)
