"""The append-only record of every change to an article, a quote or a verification."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from attribview.store.models import History
from attribview.store.rows import HistoryRow, now, utc


def record(session: Session, entity: str, entity_id: int, field: str, old: str | None, new: str | None,
           who: str) -> None:
    """Add one changed field to the history (written with the transaction's other changes)."""
    session.add(History(entity=entity, entity_id=entity_id, field=field, old_value=old, new_value=new,
                        who=who, at=now()))


def history_row(entry: History) -> HistoryRow:
    return HistoryRow(entry.id, entry.entity, entry.entity_id, entry.field, entry.old_value,
                      entry.new_value, entry.who, utc(entry.at))


def get_history(session: Session, entity: str | None = None,
                entity_id: int | None = None) -> list[HistoryRow]:
    """Recorded changes, oldest first; verifications are recorded under their quote's id."""
    query = select(History).order_by(History.id)
    if entity is not None:
        query = query.where(History.entity == entity)
    if entity_id is not None:
        query = query.where(History.entity_id == entity_id)
    return [history_row(h) for h in session.scalars(query)]


def quote_history(session: Session, quote_id: int) -> list[HistoryRow]:
    """Every change of a quote and of its verification, oldest first, in one query."""
    query = (select(History)
             .where(History.entity_id == quote_id,
                    or_(History.entity == "quote", History.entity == "verification"))
             .order_by(History.id))
    return [history_row(h) for h in session.scalars(query)]


def last_change(session: Session, quote_id: int, article_id: int) -> History | None:
    """The latest change of a quote or of its article (a re-analysis), to name who made it."""
    return session.scalars(
        select(History)
        .where(or_(and_(History.entity == "quote", History.entity_id == quote_id),
                   and_(History.entity == "article", History.entity_id == article_id)))
        .order_by(History.id.desc()).limit(1)
    ).first()
