"""The desk's changes to one quote: its verification, speaker, rejection, and quotes added by hand.

Each change works on a quote loaded by :func:`attribview.store.quotes.load_quote` in the caller's
transaction, so that the caller (the core's library) can change it and read back what the screen needs
in the same transaction, without reading the quote twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from attribview.store.errors import ConflictError, StoreError
from attribview.store.history import last_change, record
from attribview.store.models import Article, Quote, Verification
from attribview.store.quotes import get_quote, load_quote, row_of, verification_row
from attribview.store.rows import QuoteRow, VerificationRow, now, utc
from attribview.store.speakers import SpeakerCache
from attribview.store.statuses import STATUSES


def check_status(status: str) -> None:
    if status not in STATUSES:
        raise StoreError(f"unknown verification status {status!r} (use one of: {', '.join(STATUSES)})")


def change_verification(session: Session, quote: Quote, status: str | None, *, note: str | None = None,
                        evidence: Sequence[str] | None = None, who: str,
                        expected_version: int | None = None, url: str | None = None) -> None:
    """Record a fact-check of ``quote``; ``status``, ``note``, ``evidence`` or ``url`` (the published
    fact-check; "" removes it) left as None keep their old values.

    With ``expected_version`` (the ``version`` of the verification the checker saw, 0 when none), a
    verification saved since by someone else raises :class:`ConflictError` with the fresh state.
    """
    verification = quote.verification
    status = status if status is not None else (verification.status if verification else "unverified")
    check_status(status)
    current = verification.version if verification is not None else 0
    if expected_version is not None and expected_version != current:
        checked_at = verification.checked_at if verification is not None else None
        who_saved = (verification.checked_by if verification else None) or "unknown"
        raise ConflictError(quote.id, who_saved, utc(checked_at) if checked_at else None,
                            verification_row(quote.id, verification))
    if verification is None:
        verification = Verification(status="unverified", note=None, evidence=[])
        quote.verification = verification
    changes: list[tuple[str, str | None, str | None]] = []
    if verification.status != status:
        changes.append(("status", verification.status, status))
        verification.status = status
    if note is not None and note != verification.note:
        changes.append(("note", verification.note, note))
        verification.note = note
    if evidence is not None and list(evidence) != verification.evidence:
        changes.append(("evidence", json.dumps(verification.evidence, ensure_ascii=False),
                        json.dumps(list(evidence), ensure_ascii=False)))
        verification.evidence = list(evidence)
    if url is not None and (url or None) != verification.url:
        changes.append(("url", verification.url, url or None))
        verification.url = url or None
    verification.checked_by = who
    verification.checked_at = now()
    for field, old, new in changes:
        record(session, "verification", quote.id, field, old, new, who)


def change_speaker(session: Session, quote: Quote, speaker: str | None, group: str | None, *, who: str,
                   by_hand: bool = True, expected_version: int | None = None) -> None:
    """Give a quote another speaker and group; re-analysis will not undo it.

    ``by_hand=False`` gives the speaker back to the engine (an undo of a reassignment): re-analysis may
    then change it again, as it could before. ``expected_version``: the quote's ``version`` the checker
    saw.
    """
    check_quote_version(session, quote, expected_version)
    old_speaker = quote.speaker.name if quote.speaker is not None else None
    if old_speaker != speaker:
        record(session, "quote", quote.id, "speaker", old_speaker, speaker, who)
    if quote.group != group:
        record(session, "quote", quote.id, "group", quote.group, group, who)
    quote.speaker = SpeakerCache(session).get(speaker, group)
    quote.group = group
    quote.speaker_by_hand = by_hand


def change_rejection(session: Session, quote: Quote, *, who: str, rejected: bool = True,
                     expected_version: int | None = None) -> None:
    """Mark a quote as wrongly found (or take that back); it stays in the library for the record."""
    check_quote_version(session, quote, expected_version)
    if quote.rejected != rejected:
        record(session, "quote", quote.id, "rejected", str(quote.rejected).lower(), str(rejected).lower(),
               who)
        quote.rejected = rejected


def check_quote_version(session: Session, quote: Quote, expected: int | None) -> None:
    """Refuse a correction of a quote changed since the checker read it, naming who changed it last."""
    if expected is None or expected == quote.version:
        return
    last = last_change(session, quote.id, quote.article_id)
    raise ConflictError(quote.id, last.who if last else "unknown", utc(last.at) if last else None,
                        get_quote(session, quote.id))


def add_manual_quote(session: Session, article_id: int, start: int, end: int, *, speaker: str | None,
                     group: str | None, who: str, kind: str = "manual") -> tuple[Quote, str]:
    """Add an attribution the engine missed; its text is the article's own text at [start, end).

    Gives the new quote (flushed: it has its id) and its article's title, as :func:`load_quote` does.
    """
    found = session.execute(select(Article.text, Article.title).where(Article.id == article_id)).one_or_none()
    if found is None:
        raise StoreError(f"there is no article with id {article_id}")
    text, title = found[0], found[1]
    if not 0 <= start < end <= len(text):
        raise StoreError(f"span [{start}, {end}) is outside article {article_id} (length {len(text)})")
    quote = Quote(
        article_id=article_id, start=start, end=end, text=text[start:end], kind=kind, confidence=1.0,
        origin="manual", flags=[], rejected=False, speaker_by_hand=True, group=group,
        speaker=SpeakerCache(session).get(speaker, group), verification=None,
    )
    session.add(quote)
    session.flush()
    record(session, "quote", quote.id, "created", None, quote.text, who)
    return quote, title


# --- one change each, for the CLI, the tests and the Store facade -------------------------------------


def set_verification(session: Session, quote_id: int, status: str, *, note: str | None = None,
                     evidence: Sequence[str] | None = None, who: str,
                     expected_version: int | None = None, url: str | None = None) -> VerificationRow:
    """See :func:`change_verification`."""
    check_status(status)
    quote, _title = load_quote(session, quote_id)
    change_verification(session, quote, status, note=note, evidence=evidence, who=who,
                        expected_version=expected_version, url=url)
    session.flush()
    return verification_row(quote_id, quote.verification)


def reassign_speaker(session: Session, quote_id: int, speaker: str | None, group: str | None, *,
                     who: str, by_hand: bool = True, expected_version: int | None = None) -> QuoteRow:
    """See :func:`change_speaker`."""
    quote, title = load_quote(session, quote_id)
    change_speaker(session, quote, speaker, group, who=who, by_hand=by_hand,
                   expected_version=expected_version)
    session.flush()
    return row_of(quote, title)


def reject_quote(session: Session, quote_id: int, *, who: str, rejected: bool = True,
                 expected_version: int | None = None) -> QuoteRow:
    """See :func:`change_rejection`."""
    quote, title = load_quote(session, quote_id)
    change_rejection(session, quote, who=who, rejected=rejected, expected_version=expected_version)
    session.flush()
    return row_of(quote, title)
