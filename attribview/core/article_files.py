"""Which files an import reads: article files named or found in folders, and what their pages say of them."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from attribview.core.titles import article_title
from attribview.store.library import ArticleMeta
from attribview.textio import PageMeta, SourceText

#: File endings the importer reads from a folder.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".docx"})


def article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The article files named by ``paths``, and (path, reason) for each entry that cannot be searched.

    Files are taken as given; folders are searched recursively in name order, following links to
    folders once each. A folder that cannot be listed, an entry that cannot be examined (a dangling
    link, a link loop) and an article-named entry that is not a regular file (a pipe, a socket) are
    reported, never skipped in silence.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_search(path, problems, set()))
        elif path.exists() and not path.is_file():
            problems.append((str(path), "is not a regular file"))
        else:
            found.append(path)  # reading it says what is wrong, if anything
    return found, problems


def _search(folder: Path, problems: list[tuple[str, str]], seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        status = folder.stat()
        seen.add((status.st_dev, status.st_ino))
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        problems.append((str(folder), f"the folder cannot be read ({error.strerror})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            status = path.stat()
        except OSError as error:
            what = "is a link that leads nowhere" if entry.is_symlink() else "cannot be examined"
            problems.append((str(path), f"{what} ({error.strerror})"))
            continue
        if stat.S_ISDIR(status.st_mode):
            if (status.st_dev, status.st_ino) in seen:
                problems.append((str(path), "links to a folder already searched"))
            else:
                yield from _search(path, problems, seen)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            if stat.S_ISREG(status.st_mode):
                yield path
            else:
                problems.append((str(path), "is not a regular file"))


def meta_for(path: Path, source: SourceText) -> ArticleMeta:
    """Title (see ``core.titles``), outlet, address and date from a saved page's metadata."""
    page = source.meta or PageMeta()
    return ArticleMeta(title=article_title(source, path.stem), outlet=page.outlet, url=page.url,
                       published=_date(page.published))


def _date(value: str | None) -> dt.date | None:
    """The date of an ISO timestamp ("2025-07-26T08:00:00Z"), or None when it is not one."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
