"""The verification statuses, apart from the models: a face can name them without loading SQLAlchemy."""

from __future__ import annotations

#: Every status a quote's verification can have, in the order the desk offers them.
STATUSES: tuple[str, ...] = ("unverified", "in_progress", "verified", "disputed", "false", "inconclusive")
