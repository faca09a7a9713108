"""How the command line shows things: progress on stderr, hits and articles on stdout."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import click

from index.models import Article
from index.textsafe import to_json, visible

# The library (Whoosh, numpy) loads only for a command that opens it, and Rich only for a
# command that prints through it: --version and --help stay fast.
if TYPE_CHECKING:
    from rich.console import Console

    from index.library import AddResult, SearchResults


@cache
def stdout() -> Console:
    """The Rich console for data on stdout."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@cache
def stderr() -> Console:
    """The Rich console for messages and progress on stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def escape(text: str) -> str:
    """Store text for Rich markup: markup escaped, control characters made visible."""
    from rich.markup import escape as escape_markup

    return escape_markup(visible(text))


def counted(n: int, noun: str) -> str:
    """ "1 article", "2 articles" (a plain -s plural: the nouns the messages count)."""
    return f"{n:,} {noun}{'s' * (n != 1)}"


def echo(text: str = "", *, err: bool = False, **style: Any) -> None:
    """click.secho with every control character made visible: names and messages may
    carry a file's or a feed's text, and nothing from outside reaches a terminal raw."""
    click.secho(visible(text), err=err, **style)


def echo_json(data: object, *, indent: int | None = None) -> None:
    """One JSON document on stdout (C1 controls and lone surrogates \\u-escaped)."""
    click.echo(to_json(data, indent=indent))


class Advance(Protocol):
    """Moves a progress bar: one result added, or a count completed."""

    def __call__(self, result: AddResult | None = None, completed: int = 0) -> None: ...


def _no_progress(result: AddResult | None = None, completed: int = 0) -> None:
    """No progress bar (not a terminal, or JSON output)."""


@contextmanager
def add_progress(*, enabled: bool, total: int | None = None,
                 label: str = "adding") -> Iterator[Advance]:
    """A progress bar on stderr (only on a terminal); yields advance(result, completed)."""
    if not enabled or not stderr().is_terminal:
        yield _no_progress
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=stderr(), transient=True) as progress:
        task = progress.add_task("", total=total)

        def advance(result: AddResult | None = None, completed: int = 0) -> None:
            if result is None:
                progress.update(task, completed=completed)
            else:
                progress.update(task, advance=1, description=escape(result.title[:40]))

        yield advance


def report_rebuild(reason: str, done: int, total: int) -> None:
    """Say on stderr why the search index is being rebuilt, then how far it got."""
    if done == 0:
        stderr().print(f"{escape(reason)} ({counted(total, 'article')})...", soft_wrap=True)
    elif done >= total or done % (1000 if total < 10_000 else 5000) == 0:
        stderr().print(f"  indexed {done} of {total}")


def report_notice(text: str) -> None:
    """Say on stderr what the user should know while a command runs (a long wait, say)."""
    stderr().print(escape(text), soft_wrap=True)


def _marked(snippet: str) -> str:
    # Snippets mark matches as **word**; show them bold, with the rest escaped.
    parts = snippet.split("**")
    return "".join(f"[bold yellow]{escape(p)}[/]" if i % 2 else escape(p)
                   for i, p in enumerate(parts))


def _when(article: Article) -> str:
    return article.published.strftime("%Y-%m-%d") if article.published else "date unknown"


def print_hits(results: SearchResults) -> None:
    """Search hits: id, date, outlet, headline and a snippet each."""
    if not results.hits:
        stderr().print(f"no articles match {escape(results.query)!s}")
        return
    for hit in results.hits:
        a = hit.article
        outlet = f" · {escape(a.outlet)}" if a.outlet else ""
        tags = f"  [magenta]{escape(' '.join('#' + t for t in a.tags))}[/]" if a.tags else ""
        stdout().print(f"[cyan]{a.id}[/] [dim]{_when(a)}{outlet}[/]  "
                       f"[bold]{escape(a.title)}[/]{tags}")
        if hit.snippet:
            stdout().print(f"    {_marked(hit.snippet)}")
    shown = len(results.hits)
    more = f" (showing {shown}; --limit for more)" if results.total > shown else ""
    about = "" if results.exact else "about "
    stderr().print(f"[dim]{about}{results.total} matching{more}[/]")


def print_article(article: Article, copies: Sequence[Article] = (),
                  dropped: Sequence[str] | None = None) -> None:
    """One article: headline, standfirst, metadata block, the body, then its captions; with
    ``dropped``, the lines cleanup left out."""
    stdout().print(f"[bold]{escape(article.title)}[/]")
    if article.standfirst:
        stdout().print(f"[italic]{escape(article.standfirst)}[/]")
    rows = [("id", article.id), ("outlet", article.outlet), ("author", article.author),
            ("published", article.published_label),
            ("added", article.added.isoformat()), ("url", article.url),
            ("origin", article.origin), ("tags", " ".join(article.tags)),
            ("marks", ", ".join(m for m, on in (("read", article.read),
                                                ("starred", article.starred),
                                                ("in basket", article.in_basket)) if on)),
            ("duplicate of", article.duplicate_of or ""),
            ("also reported by", ", ".join(c.outlet or c.origin for c in copies))]
    for name, value in rows:
        if value:
            stdout().print(f"[dim]{name:>16}[/] {escape(value)}")
    stdout().print()
    stdout().print(escape(article.body))
    if article.captions:
        stdout().print()
        stdout().print("[dim]Captions[/]")
        for caption in article.captions:
            stdout().print(f"[dim]·[/] {escape(caption)}")
    if dropped is not None:
        stdout().print()
        stdout().print(f"[dim]Left out by cleanup ({len(dropped)} lines)[/]")
        for line in dropped:
            stdout().print(f"[dim]-[/] {escape(line)}")


def print_stats(figures: dict[str, Any], tags: Sequence[tuple[str, int, int]]) -> None:
    """Library counts, then tags with their unread counts."""
    for key, value in figures.items():
        stdout().print(f"[dim]{key.replace('_', ' '):>16}[/] {escape(str(value))}")
    if tags:
        stdout().print()
        for name, count, unread in tags:
            stdout().print(f"[magenta]#{escape(name)}[/] {count} ({unread} unread)")
