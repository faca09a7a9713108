"""The one exception family newsdesk raises for problems a user can fix."""

from __future__ import annotations

import sqlite3

# An error of the library database that no NewsdeskError explains yet (a busy or broken
# file): callers outside index/ catch this name, never sqlite3 itself.
StoreError = sqlite3.Error


class NewsdeskError(Exception):
    """A problem worth telling the user about, with an optional hint on what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InputError(NewsdeskError):
    """An input file or page that cannot be read as an article."""


class QueryError(NewsdeskError):
    """A search query that cannot be understood; ``position`` is where, when known."""

    exit_code = 2  # a usage error, as click reports its own

    def __init__(self, message: str, hint: str = "", position: int | None = None) -> None:
        super().__init__(message, hint)
        self.position = position


class NotFoundError(NewsdeskError):
    """An article id, saved search or feed that does not exist."""


class FetchError(NewsdeskError):
    """A page or feed that could not be fetched."""
