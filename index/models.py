"""The one record that crosses every layer: an Article, with its user state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal

# How much of its publication time a page gave: only the day, a local time with no zone, or a
# time with its zone. Article.published is always an aware datetime, for sorting: a day is its
# midnight and a local time its wall-clock time, both labelled UTC, so show them with
# `published_label`, which says no more than the page did.
Precision = Literal["day", "local", "zoned"]

# The title stored when a page had no headline: shown in lists, never as a briefing's headline.
UNTITLED = "(untitled)"


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
    published_precision: Precision = "zoned"
    standfirst: str = ""  # the sentence or two under the headline, not part of the body
    captions: tuple[str, ...] = ()  # photo captions with their credits, not part of the body
    dropped: tuple[str, ...] = ()  # lines of the input cleanup left out (menus, prompts...)


@dataclass(frozen=True, slots=True)
class Article:
    """One article in the library: clean text, metadata and the user's marks.

    ``body`` holds paragraphs separated by blank lines: what summaries read. The standfirst
    and photo captions are kept apart from it. ``published`` is None when the source did
    not say. ``duplicate_of`` names the first copy of the same story.
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
    published_precision: Precision = "zoned"
    standfirst: str = ""
    captions: tuple[str, ...] = ()

    def with_state(self, **changes: object) -> Article:
        """A copy with some fields changed (records are frozen)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def date(self) -> datetime:
        """The date to show and sort by: when it was published, else when it was added."""
        return self.published or self.added

    @property
    def published_label(self) -> str:
        """The publication date as the page gave it, or "date unknown" (never the added day)."""
        return format_published(self.published, self.published_precision)


def format_published(when: datetime | None, precision: Precision = "zoned") -> str:
    """ "2024-03-27", "2024-03-27 12:45" (local, zone not given) or "2024-03-27 09:45 UTC"."""
    if when is None:
        return "date unknown"
    if precision == "day":
        return f"{when:%Y-%m-%d}"
    if precision == "local":
        return f"{when:%Y-%m-%d %H:%M}"
    return f"{when:%Y-%m-%d %H:%M} {zone_label(when)}"


def zone_label(when: datetime) -> str:
    """ "UTC", "UTC+03:00" or "UTC-05:00": the offset the page gave."""
    offset = when.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def published_text(when: datetime | None, precision: Precision = "zoned") -> str | None:
    """The stored and exported form, which keeps the precision: "2024-03-27",
    "2024-03-27T12:45:00" (a local time, no zone) or "2024-03-27T12:45:00+03:00" (the
    page's own offset, so its day stays the page's day)."""
    if when is None:
        return None
    if precision == "day":
        return when.date().isoformat()
    if precision == "local":
        return when.replace(tzinfo=None).isoformat()
    return when.isoformat()


def parse_published(text: str | None) -> tuple[datetime | None, Precision]:
    """The inverse of `published_text`; ValueError if the text is not an ISO date."""
    if not text:
        return None, "zoned"
    text = text.strip()
    when = datetime.fromisoformat(text)
    if when.tzinfo is not None:
        return when, "zoned"
    precision: Precision = "day" if len(text) <= 10 else "local"
    return when.replace(tzinfo=UTC), precision
