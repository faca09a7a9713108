"""What a failing disk or database means to a user: one clear message, never a traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from index.errors import NewsdeskError

# What storage raises when the disk, the file system or the database file is at fault.
STORAGE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, OSError)
KEPT = "everything confirmed before this step is kept"


def disk_full(folder: Path) -> bool:
    """Whether the file system holding folder has no room left for a write."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def explain(exc: BaseException, library: Path | None = None) -> NewsdeskError | None:
    """The user's view of a storage failure, or None when it is not one (a bug: raise it).

    `library` is the library folder: a full disk there explains a write refused.
    """
    if library is not None and disk_full(library):
        return _full()
    if isinstance(exc, sqlite3.DatabaseError):
        return _database(str(exc))
    if isinstance(exc, OSError):
        return _disk(exc)
    return None


def _database(text: str) -> NewsdeskError:
    lowered = text.lower()
    if "full" in lowered:
        return _full()
    if "readonly" in lowered or "read-only" in lowered:
        return _read_only()
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return NewsdeskError(
            f"the library database is damaged ({text})",
            hint="restore library.db from a backup; `sqlite3 library.db .recover` may save "
                 "what is left",
        )
    if "locked" in lowered or "busy" in lowered:
        return NewsdeskError("the library is busy: another newsdesk kept it locked too long",
                             hint="try again when the other command has finished")
    return NewsdeskError(f"the library database failed: {text}", hint=KEPT)


def _disk(exc: OSError) -> NewsdeskError | None:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _full()
    if exc.errno == errno.EROFS:
        return _read_only()
    if exc.errno in (errno.EACCES, errno.EPERM):
        return NewsdeskError(f"permission denied{where}",
                             hint="check who owns the library folder and its files")
    if exc.errno == errno.EIO:
        return NewsdeskError(f"the disk failed to read or write{where}", hint=KEPT)
    return None


def _full() -> NewsdeskError:
    return NewsdeskError("the disk is full: the last step was not saved",
                         hint=f"free some space and run the command again; {KEPT}")


def _read_only() -> NewsdeskError:
    return NewsdeskError("the library is on a read-only disk: it can be read, not changed",
                         hint="searching, showing and exporting work; copy the library to "
                              "a writable disk to change it")
