"""A profile's groups in the library (label, side, kind, colour), for SQL queries and the views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from attribview.store.models import SpeakerGroup


class GroupLike(Protocol):
    """What the store reads from a profile's group (``attribview.core.profiles.Group`` fits)."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def colour(self) -> str: ...


def record_groups(session: Session, profile: str, groups: Sequence[GroupLike]) -> None:
    """Keep ``profile``'s groups as the profile has them now (a renamed label replaces the old one)."""
    query = select(SpeakerGroup).where(SpeakerGroup.profile == profile)
    stored = {row.group: row for row in session.scalars(query)}
    for group in groups:
        row = stored.get(group.id) or SpeakerGroup(profile=profile, group=group.id)
        row.label, row.side, row.kind, row.colour = group.label, group.side, group.kind, group.colour
        session.add(row)


def group_labels(session: Session) -> list[tuple[str, str, str, str]]:
    """Every stored (profile, group, label, side), by profile and group."""
    columns = SpeakerGroup.profile, SpeakerGroup.group, SpeakerGroup.label, SpeakerGroup.side
    rows = session.execute(select(*columns).order_by(SpeakerGroup.profile, SpeakerGroup.group)).tuples()
    return list(rows.all())
