"""The options that select articles (QUERY, --search, --since, --tag, --ids, --basket, --new),
shared by the commands that work on a selection, and the Selection they make."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from briefing.select import Selection

F = TypeVar("F", bound=Callable[..., Any])

_OPTIONS = (
    click.argument("query", nargs=-1),
    click.option("--search", "searches", multiple=True, metavar="NAME",
                 help="A saved search (repeatable: any of them)."),
    click.option("--since", metavar="24h|7d|DATE", help="Only articles from this period."),
    click.option("--tag", "tags", multiple=True, metavar="T",
                 help="Any of these tags (repeatable)."),
    click.option("--ids", "ids", multiple=True, metavar="ID,...",
                 help="These articles (id prefixes)."),
    click.option("--basket", is_flag=True, help="The articles in the briefing basket."),
    click.option("--new", is_flag=True,
                 help="Only stories no briefing covered yet, or their articles since (updates)."),
)


def selection_options(fn: F) -> F:
    """Add the selection options; the command gets them as keyword arguments."""
    for option in reversed(_OPTIONS):
        fn = option(fn)
    return fn


def make_selection(query: tuple[str, ...], searches: tuple[str, ...], since: str | None,
                   tags: tuple[str, ...], ids: tuple[str, ...], basket: bool,
                   new: bool) -> Selection:
    """The Selection the options ask for."""
    # Imported here: briefing pulls in the summarizers (sumy, numpy).
    from briefing.select import Selection, parse_since

    return Selection(
        query=" ".join(query), searches=tuple(s.lstrip("@") for s in searches),
        since=parse_since(since) if since else None, tags=tags,
        ids=tuple(i.strip() for v in ids for i in v.split(",") if i.strip()),
        basket=basket, new=new,
    )
