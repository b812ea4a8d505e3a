"""Speakers across the library: one row per (name, group), with the names articles gave them as aliases."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from attribview.store.models import Speaker

ALIAS_LENGTH = 80  # a longer "mention" is a description, not a name


class SpeakerCache:
    """One row per (name, group) across the library, looked up once per transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[tuple[str, str], Speaker] = {}

    def get(self, name: str | None, group: str | None, mention: str | None = None) -> Speaker | None:
        """The speaker row, with ``mention`` (how the article named it) kept among its aliases."""
        if not name:
            return None
        key = (name, group or "")
        speaker = self._known.get(key)
        if speaker is None:
            # no autoflush: flushing the article's pending quotes at every lookup inserts them one by
            # one and made speaker lookups three quarters of an import's store time
            with self._session.no_autoflush:
                speaker = self._session.scalars(
                    select(Speaker).where(Speaker.name == key[0], Speaker.group == key[1])
                ).one_or_none()
            if speaker is None:
                speaker = Speaker(name=key[0], group=key[1], aliases=[])
                self._session.add(speaker)
            self._known[key] = speaker
        alias = keepable_alias(name, mention)
        if alias is not None and alias not in (speaker.aliases or []):
            speaker.aliases = [*(speaker.aliases or []), alias]  # a new list: JSON columns track assignment
        return speaker


def keepable_alias(name: str, mention: str | None) -> str | None:
    """A mention worth keeping as a speaker's alias: a name ("Russia’s Defence Ministry", "President
    Zelensky"), not a pronoun or a description in lower case ("he", "the ministry")."""
    if not mention:
        return None
    alias = mention.strip()
    alias = alias[4:] if alias.lower().startswith("the ") else alias
    if not any(ch.isupper() for ch in alias) or alias.casefold() == name.casefold() \
            or len(alias) > ALIAS_LENGTH:
        return None
    return alias


def list_speakers(session: Session) -> list[tuple[str, str | None]]:
    """Every (speaker, group) of the library by name; the group is None for speakers without one."""
    rows = session.execute(select(Speaker.name, Speaker.group).order_by(Speaker.name, Speaker.group))
    return [(name, group or None) for name, group in rows]
