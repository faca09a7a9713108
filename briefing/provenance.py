"""Where a briefing's sentences come from: numbered sources, told without placeholders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from index.models import UNTITLED, Article, format_published

UNDATED = "date unknown"  # what published_span says of articles none of which is dated

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """One article in the numbered sources list; empty strings are unknown and not shown."""

    ref: int
    id: str
    title: str
    outlet: str
    date: str  # "2026-11-20 14:40 UTC", "2026-11-20", or "date unknown, added 2026-11-21"
    url: str  # http(s) link when the article has one
    file: str  # else the file name it came from


def format_day(moment: datetime) -> str:
    """"21 November 2026", whatever the process locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def headline(article: Article) -> str:
    """The article's headline on one line, or "" when it has none."""
    title = " ".join(article.title.split())
    return "" if title == UNTITLED else title


def article_date(article: Article) -> str:
    """When it was published, as precisely as the page said (models.format_published); the
    day it was added is labelled as such, never shown as a publication date."""
    if article.published is None:
        return f"date unknown, added {format_published(article.added, 'day')}"
    return article.published_label


def source(article: Article, ref: int) -> Source:
    """The article as a numbered source."""
    url = article.url if article.url.lower().startswith(("http://", "https://")) else ""
    file = "" if url else Path(article.origin or article.url).name
    return Source(ref, article.id, headline(article), article.outlet, article_date(article),
                  url, file)


def day_span(first: datetime, last: datetime) -> str:
    """"20 November 2026" or "18-20 November 2026" or "30 October - 2 November 2026"."""
    first, last = first.astimezone(UTC), last.astimezone(UTC)
    if first.date() == last.date():
        return format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{format_day(last)}"
    same_year = first.year == last.year
    start = f"{first.day} {_MONTHS[first.month - 1]}" if same_year else format_day(first)
    return f"{start} \u2013 {format_day(last)}"


def published_span(articles: Sequence[Article]) -> str:
    """The days the articles were published; the days they were only added are not shown."""
    published = [a.published for a in articles if a.published is not None]
    return day_span(min(published), max(published)) if published else UNDATED


def outlet_count(articles: Sequence[Article]) -> int:
    """How many distinct known outlets the articles come from."""
    return len({a.outlet for a in articles if a.outlet})
