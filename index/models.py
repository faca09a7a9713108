"""The one record that crosses every layer: an Article, with its user state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC (all stored times are UTC)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a cleaner found in one input: the article without the page around it."""

    title: str
    body: str
    author: str = ""
    outlet: str = ""
    published: datetime | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One article in the library: clean text, metadata and the user's marks.

    ``body`` holds paragraphs separated by blank lines. ``published`` is None when the
    source did not say. ``duplicate_of`` names the first copy of the same story.
    """

    id: str
    title: str
    body: str
    outlet: str = ""
    author: str = ""
    published: datetime | None = None
    added: datetime = field(default_factory=utcnow)
    url: str = ""
    origin: str = ""
    tags: tuple[str, ...] = ()
    read: bool = False
    starred: bool = False
    in_basket: bool = False
    duplicate_of: str | None = None

    def with_state(self, **changes: object) -> Article:
        """A copy with some fields changed (records are frozen)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def date(self) -> datetime:
        """The date to show and sort by: when it was published, else when it was added."""
        return self.published or self.added
