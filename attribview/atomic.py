"""Writing a file so that a crash or kill leaves either the old content or the whole new one.

Every file attribview writes goes through :func:`replacing`: a temporary file beside the target is
written, flushed to disk, given the target's permission bits and renamed over it in one step. A failure
(or an exception of the writer) removes the temporary file and leaves the target as it was; a kill leaves
at most a hidden ``.NAME.*.tmp`` file beside it, never a truncated target.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from attribview.errors import AttribviewError


class WriteError(AttribviewError):
    """A file cannot be written (no such folder, no permission, disk full)."""


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary path to write instead of ``path``; it replaces ``path`` when the block succeeds.

    A link is followed (its target is replaced). A target that is not a regular file (``/dev/stdout``,
    a named pipe) is written in place: it has no old content to keep and cannot be renamed over.

    Raises:
        WriteError: the temporary file cannot be created, written or renamed (one line naming ``path``).
    """
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = None
    in_place = mode is not None and not stat.S_ISREG(mode)
    temp = target if in_place else _create_temp(target, path)
    try:
        yield temp
        if not in_place:
            _finish(temp, target, mode)
    except OSError as error:
        if not in_place:
            _remove(temp)
        raise WriteError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        if not in_place:
            _remove(temp)
        raise


def write_text(path: str | Path, text: str | Iterable[str], *, encoding: str = "utf-8") -> None:
    """Write ``text`` (a string, or pieces of it) to ``path`` atomically; newlines are written as given."""
    with replacing(path) as temp, temp.open("w", encoding=encoding, newline="") as handle:
        handle.writelines([text] if isinstance(text, str) else text)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with replacing(path) as temp:
        temp.write_bytes(data)


def _create_temp(target: Path, shown: str | Path) -> Path:
    """A new, empty file beside ``target``, created with the process's usual permissions (umask)."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as error:
            raise WriteError(f"{shown}: cannot write ({error.strerror or error})") from None
        return temp
    raise WriteError(f"{shown}: cannot write (no free temporary name beside it)")


def _finish(temp: Path, target: Path, mode: int | None) -> None:
    """Flush ``temp`` to disk, give it the old file's permission bits and rename it over ``target``."""
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(temp, stat.S_IMODE(mode))
    os.replace(temp, target)
    with suppress(OSError):  # the rename itself reaches the disk when the folder is synced
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _remove(temp: Path) -> None:
    with suppress(OSError):
        temp.unlink()
