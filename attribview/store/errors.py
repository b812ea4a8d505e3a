"""Store problems that reach the user as one line naming the database file."""

from attribview.errors import AttribviewError


class StoreError(AttribviewError):
    """The database cannot be used: not a database, corrupt, locked, too new, or a bad request."""


class DatabaseTooNewError(StoreError):
    """The database was upgraded by a newer attribview; this one must not touch it."""


def describe_db_error(path: object, error: BaseException) -> str:
    """One line for a database failure, with the usual causes spelled out."""
    text = str(getattr(error, "orig", None) or error).splitlines()[0]
    if "locked" in text or "busy" in text:
        return f"{path}: the database is locked by another program; try again when it has finished"
    if "malformed" in text or "not a database" in text:
        return f"{path}: the database is corrupt ({text})"
    if "unable to open" in text:
        return f"{path}: cannot be opened or created here ({text})"
    return f"{path}: {text}"
