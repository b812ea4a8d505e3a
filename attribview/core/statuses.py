"""The verification statuses and which of them end a check: light constants the viewer needs before its
first paint, without the store's SQLAlchemy stack that ``core.library`` loads."""

from __future__ import annotations

from attribview.store.statuses import STATUSES

__all__ = ["CHECKED_STATUSES", "STATUSES"]

#: The statuses that end a check; ``unverified`` and ``in_progress`` do not.
CHECKED_STATUSES: tuple[str, ...] = ("verified", "disputed", "false", "inconclusive")
