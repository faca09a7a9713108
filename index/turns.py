"""Turns at the database's write lock: a user's short write goes before a bulk writer's next one.

SQLite lets writers wait on a busy timeout, sleeping and retrying; a bulk import going straight
from one transaction to the next wins nearly every retry, so a user's `tag` or `mark` could wait
for seconds behind it. Here a user's write holds an exclusive lock on a small file beside the
database while it waits for and makes its transaction; a bulk writer takes that lock shared,
and lets go at once, before each of its transactions. So a user waits for at most the one bulk
transaction under way. The locks are flock(2) locks: a killed process holds none.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Turns:
    """The turn file of one database (``library.db-turn``)."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-turn")
        self._local = threading.local()  # per thread: its own open file, its own lock
        self._opened: list[int] = []
        self._guard = threading.Lock()

    def _fd(self) -> int | None:
        fd: int | None = getattr(self._local, "fd", None)
        if fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError:
                return None  # a read-only or full disk: no turns, SQLite's waits alone
            self._local.fd = fd
            with self._guard:
                self._opened.append(fd)
        return fd

    @contextmanager
    def first(self) -> Iterator[None]:
        """Hold the turn for a user's write: bulk writers start no new transaction meanwhile."""
        fd = self._fd()
        if fd is None:
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def wait(self) -> None:
        """Before a bulk writer's transaction: wait while a user's write holds the turn."""
        fd = self._fd()
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
            fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        """Close the turn files every thread opened."""
        with self._guard:
            for fd in self._opened:
                os.close(fd)
            self._opened.clear()
        self._local = threading.local()
