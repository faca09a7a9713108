"""The one exception family newsdesk raises for problems a user can fix."""

from __future__ import annotations


class NewsdeskError(Exception):
    """A problem worth telling the user about, with an optional hint on what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InputError(NewsdeskError):
    """An input file or page that cannot be read as an article."""


class QueryError(NewsdeskError):
    """A search query that cannot be understood."""


class NotFoundError(NewsdeskError):
    """An article id, saved search or feed that does not exist."""


class FetchError(NewsdeskError):
    """A page or feed that could not be fetched."""
