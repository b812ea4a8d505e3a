"""Text search on quotes through the database's own index (SQLite FTS5 trigram, PostgreSQL tsvector).

Results are what the plain ``ILIKE '%text%'`` gives (part of a quote, ignoring ASCII case); the index
only narrows the rows it is checked on, so that a rare word does not scan every quote's text. A page
of a frequent word is found faster without it: quotes read in their own order soon fill the page,
while the index would first collect every match. So on SQLite a paged search asks the index for at
most ``FREQUENT`` matches: fewer are the quotes to read, by id; that many, and the quotes are scanned.
SQLite's trigram index needs three characters; PostgreSQL's matches words and their beginnings, so there a
search finds whole words and word beginnings ("retre" finds "retreat", "treat" does not).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Integer, Select, and_, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from attribview.store.models import Quote

TRIGRAM = 3  # the shortest text SQLite's trigram index can look up
#: Index matches from which a paged search scans the quotes in order instead: at 1% of a library's
#: quotes or more, a page of 200 is filled within a few thousand rows, sooner than the index finds all.
FREQUENT = 1000
_WORDS = re.compile(r"\w+")
_FTS = table("quote_fts", literal_column("rowid"))


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own % and _ taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def text_condition(session: Session, value: str, *, paged: bool = False) -> ColumnElement[bool]:
    """Quotes whose text contains ``value`` (ignoring ASCII case), looked up in the text index;
    ``paged``: the search returns one page (a limit), so a frequent text is scanned for instead."""
    contains = Quote.text.ilike(like_pattern(value), escape="\\")
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and len(value) >= TRIGRAM:
        phrase = '"' + value.replace('"', '""') + '"'  # one FTS5 string: no query syntax of the user's
        match = text("quote_fts MATCH :phrase").bindparams(phrase=phrase)
        matches: Select[tuple[int]] = select(literal_column("rowid", Integer)).select_from(_FTS).where(match)
        if not paged:
            return and_(Quote.id.in_(matches), contains)
        found = session.scalars(matches.limit(FREQUENT)).all()
        # a rare text: the quotes the index found, by id; a frequent one: the quotes in order, scanned
        return and_(Quote.id.in_(found), contains) if len(found) < FREQUENT else contains
    words = _WORDS.findall(value)
    if dialect == "postgresql" and words:
        # the configuration written as the index has it, so that the planner uses the index
        simple: ColumnElement[str] = literal_column("'simple'::regconfig")
        query = " & ".join(f"{word}:*" for word in words)  # only \w characters: no tsquery syntax
        return and_(func.to_tsvector(simple, Quote.text).op("@@")(func.to_tsquery(simple, query)), contains)
    return contains
