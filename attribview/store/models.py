"""The tables of the library as typed SQLAlchemy models; the first migration creates exactly these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from attribview.store.statuses import STATUSES

# Named constraints let Alembic's batch mode drop or alter them on SQLite later.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ORIGINS: tuple[str, ...] = ("engine", "manual")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    """A CHECK expression; the values are our own constants, never user input."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    """Shared metadata with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dt.datetime: DateTime(),
        list[str]: JSON(),
    }


class Article(Base):
    """One analysed text; the same text (by SHA-256) is stored once."""

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    profile: Mapped[str | None] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime]  # UTC, stored without a zone
    # What the viewer highlights without the language model, kept at import: [start, end, groups, flags]
    # per sentence (NULL for an article imported before schema 0006), the language and the counting.
    sentences: Mapped[list[Any] | None] = mapped_column(JSON)
    language: Mapped[str | None] = mapped_column(String(8))
    counting: Mapped[str | None] = mapped_column(String(20))

    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
    )


class Speaker(Base):
    """A speaker across the whole library; ``group`` is "" when the article had no profile."""

    __tablename__ = "speaker"
    __table_args__ = (UniqueConstraint("name", "group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    group: Mapped[str] = mapped_column(String(100), default="")
    aliases: Mapped[list[str]] = mapped_column(default=list)


class Quote(Base):
    """One attribution in an article, found by the engine or added by hand."""

    __tablename__ = "quote"
    __table_args__ = (
        CheckConstraint(_one_of("origin", ORIGINS), name="origin"),
        CheckConstraint('"start" <= "end"', name="span"),
        # a group's quotes come back in article order without sorting them all (search pages of 200)
        Index("ix_quote_group_order", "group", "article_id", "start", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)
    mention: Mapped[str | None] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="SET NULL"), index=True)
    group: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float)
    origin: Mapped[str] = mapped_column(String(10), default="engine")
    flags: Mapped[list[str]] = mapped_column(default=list)
    rejected: Mapped[bool] = mapped_column(default=False)
    # Set when a person chose the speaker, so that re-analysis does not undo the choice.
    speaker_by_hand: Mapped[bool] = mapped_column(default=False)
    # Raised by every UPDATE (UPDATE ... WHERE version = :seen): two checkers never overwrite each other.
    version: Mapped[int] = mapped_column(server_default=sql_text("1"))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship()
    verification: Mapped[Verification | None] = relationship(
        back_populates="quote", cascade="all, delete-orphan", passive_deletes=True,
    )


class Verification(Base):
    """What a fact-checker concluded about one quote."""

    __tablename__ = "verification"
    __table_args__ = (CheckConstraint(_one_of("status", STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quote.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="unverified")
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[str]] = mapped_column(default=list)
    checked_by: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[dt.datetime | None]  # UTC, stored without a zone
    version: Mapped[int] = mapped_column(server_default=sql_text("1"))  # as Quote.version
    url: Mapped[str | None] = mapped_column(Text)  # where the fact-check is published

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute

    quote: Mapped[Quote] = relationship(back_populates="verification")


class History(Base):
    """An append-only record of one changed field; no foreign keys, so it outlives what it describes."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int]
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime]  # UTC, stored without a zone


class SpeakerGroup(Base):
    """A profile's group as the viewer shows it, so that SQL queries and views can name labels and sides."""

    __tablename__ = "speaker_group"
    __table_args__ = (UniqueConstraint("profile", "group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(100))
    group: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(Text)
    side: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    colour: Mapped[str] = mapped_column(String(20))
