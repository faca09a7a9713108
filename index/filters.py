"""The typed filter callers narrow the library by, and the one place it becomes SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

# How a search lists its hits: best match first, or newest first.
Sort = Literal["relevance", "newest"]
SORTS: tuple[Sort, ...] = get_args(Sort)


@dataclass(frozen=True, slots=True)
class Filter:
    """What a view, a briefing selection or a search narrows the library to.

    The default filter matches every article. Each field given narrows further (fields
    combine with AND); several `tags` are a union (an article with any of them). `None`
    leaves a mark or a field out of the filter.
    """

    tags: tuple[str, ...] = ()
    read: bool | None = None
    starred: bool | None = None
    in_basket: bool | None = None
    outlet: str | None = None
    since: datetime | None = None  # Article.date (published, else added) at or after
    until: datetime | None = None  # Article.date before
    ids: tuple[str, ...] | None = None  # exactly these ids (an empty tuple matches nothing)
    duplicates: bool | None = None  # True: linked copies only; False: no linked copies
    query: str = ""  # a search query (`@NAME` for a saved one): only its matches


# Article.date in SQL; the store indexes this expression (migration m002).
DATE = "COALESCE(published, added)"
NEWEST_FIRST = f"{DATE} DESC"


def to_sql(where: Filter) -> tuple[str, list[object]]:
    """The SQL condition over the articles table for every field but `query`, and its
    parameters; ("", []) when nothing narrows."""
    clauses: list[str] = []
    params: list[object] = []
    if where.tags:
        marks = ",".join("?" * len(where.tags))
        clauses.append(f"id IN (SELECT article_id FROM tags WHERE tag IN ({marks}))")
        params += where.tags
    for column in ("read", "starred", "in_basket"):
        wanted = getattr(where, column)
        if wanted is not None:
            clauses.append(f"{column} = {int(wanted)}")
    if where.outlet is not None:
        clauses.append("outlet = ?")
        params.append(where.outlet)
    if where.since is not None:
        # Stored times are UTC ISO text, so string order is time order.
        clauses.append(f"{DATE} >= ?")
        params.append(_utc(where.since))
    if where.until is not None:
        clauses.append(f"{DATE} < ?")
        params.append(_utc(where.until))
    if where.ids is not None:
        clauses.append(f"id IN ({','.join('?' * len(where.ids))})" if where.ids else "0")
        params += where.ids
    if where.duplicates is not None:
        clauses.append(f"duplicate_of IS {'NOT ' if where.duplicates else ''}NULL")
    return " AND ".join(clauses), params


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()
