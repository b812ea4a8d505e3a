"""Store problems that reach the user as one line naming the database file."""

import datetime as dt
import os

from attribview.errors import AttribviewError

#: Set (to anything) for whole reports instead of one line (read here and by ``db``).
VERBOSE_ENV = "ATTRIBVIEW_VERBOSE"


class StoreError(AttribviewError):
    """The database cannot be used: not a database, corrupt, locked, too new, or a bad request."""


class DatabaseTooNewError(StoreError):
    """The database was upgraded by a newer attribview; this one must not touch it."""


def describe_db_error(path: object, error: BaseException, *, waited: float | None = None) -> str:
    """One line for a database failure, with the usual causes spelled out.

    ``waited``: seconds since the failed transaction began, which tells a lock held past the busy
    timeout from one SQLite gave up on at once (its extended code, SQLITE_BUSY_SNAPSHOT or
    SQLITE_BUSY_RECOVERY, says why); shown only when ``ATTRIBVIEW_VERBOSE`` is set.
    """
    original = getattr(error, "orig", None) or error
    text = str(original).splitlines()[0]
    if "locked" in text or "busy" in text:
        line = f"{path}: the database is locked by another program; try again when it has finished"
        if os.environ.get(VERBOSE_ENV):  # which step waited in vain, and how long: IT's first questions
            code = getattr(original, "sqlite_errorname", None)
            statement = " ".join(str(getattr(error, "statement", "") or "").split())[:120]
            line += (f" (SQLite: {text}{f' [{code}]' if code else ''}"
                     f"{f' after {waited:.1f} s' if waited is not None else ''}"
                     f"{'; while running: ' + statement if statement else ''})")
        return line
    if "malformed" in text or "not a database" in text:
        return f"{path}: the database is corrupt ({text})"
    if "unable to open" in text:
        return f"{path}: cannot be opened or created here ({text})"
    return f"{path}: {text}"


class ConflictError(StoreError):
    """Another checker saved the quote since this one read it; nothing was written.

    ``fresh`` holds the quote's state now (a ``VerificationRow`` or ``QuoteRow``), for the face to show
    before the checker decides again.
    """

    def __init__(self, quote_id: int, who: str, at: dt.datetime | None, fresh: object) -> None:
        when = f" at {at:%Y-%m-%d %H:%M:%S} UTC" if at is not None else ""
        super().__init__(f"quote {quote_id} was changed by {who}{when} since you read it; nothing was saved "
                         "(its current state is shown: save again to replace it)")
        self.quote_id, self.who, self.at, self.fresh = quote_id, who, at, fresh
