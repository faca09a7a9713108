"""Feed commands: `feed add/list/remove/import/export` and `fetch`, which reads the feeds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tui.cli import main, pass_library
from tui.cli.output import counted, echo, echo_json, escape, stderr

if TYPE_CHECKING:
    from index.feed_run import FeedReport
    from index.fetch import Fetcher
    from index.library import Library

timeout_option = click.option(
    "--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
    metavar="SECONDS", help="Give up on a server that does not answer within this time.")


@contextmanager
def _fetcher(timeout: float, allow_private: bool = False) -> Iterator[Fetcher]:
    # Imported here: httpx is only needed by the commands that go to the network.
    from index.fetch import DEFAULT_CONFIG, FetchConfig, Fetcher

    config = FetchConfig(timeout=timeout, deadline=max(DEFAULT_CONFIG.deadline, 3 * timeout),
                         allow_private=allow_private)
    with Fetcher(config) as fetcher:
        yield fetcher


@main.group()
def feed() -> None:
    """Subscribe to RSS and Atom feeds; `newsdesk fetch` reads them.

    \b
      newsdesk feed add https://example.org/world/rss.xml --tag world
      newsdesk feed import subscriptions.opml
      newsdesk fetch              # every feed: new items, full text from their pages
    """


@feed.command("add")
@click.argument("url")
@click.option("--name", metavar="N", default="", help="Short name (default: from its title).")
@click.option("--tag", "tags", multiple=True, metavar="T", help="Tag every article it gives.")
@timeout_option
@pass_library
def feed_add(library: Library, url: str, name: str, tags: tuple[str, ...],
             timeout: float) -> None:
    """Subscribe to a feed (fetched once now to check that it is one)."""
    # Imported here: feed reading pulls in httpx and feedparser.
    from index.feed_run import subscribe

    with _fetcher(timeout) as fetcher:
        added = subscribe(library, fetcher, url, name, tags)
    tags_note = f" (tags: {' '.join(added.tags)})" if added.tags else ""
    echo(f"added feed {added.name}{tags_note}; read it with `newsdesk fetch`", err=True)


@feed.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON list on stdout.")
@pass_library
def feed_list(library: Library, as_json: bool) -> None:
    """List feeds: name, address, tags, when last fetched, the last error."""
    feeds = library.feeds.all()
    if as_json:
        echo_json([f.to_json() for f in feeds], indent=1)
        return
    if not feeds:
        echo("no feeds; add one with `newsdesk feed add URL`", err=True)
    for f in feeds:
        when = f.last_fetched.strftime("%Y-%m-%d %H:%M") if f.last_fetched else "never fetched"
        tags = " ".join("#" + t for t in f.tags)
        echo("\t".join((f.name, f.url, tags, when)))
        if f.last_error:
            echo(f"  last error: {f.last_error}", err=True)


@feed.command("remove")
@click.argument("name")
@pass_library
def feed_remove(library: Library, name: str) -> None:
    """Unsubscribe (articles it gave stay in the library)."""
    library.feeds.remove(name)
    echo(f"removed feed {name}", err=True)


@feed.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--tag", "tags", multiple=True, metavar="T", help="Also tag every feed's articles.")
@pass_library
def feed_import(library: Library, file: str, tags: tuple[str, ...]) -> None:
    """Subscribe to every feed in an OPML file (folders and categories become tags)."""
    from index.opml import import_outlines, read_opml

    outlines = read_opml(Path(file).read_bytes(), origin=file)
    added, skipped = import_outlines(library.feeds, outlines, tags)
    for reason in skipped:
        echo(f"  skipped {reason}", err=True)
    echo(f"{counted(len(added), 'feed')} added, {len(skipped)} skipped", err=True)


@feed.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="-",
              help="File to write (default: stdout).")
@pass_library
def feed_export(library: Library, output: str) -> None:
    """Write the feeds as OPML, for another reader or a backup."""
    from index.opml import write_opml

    data = write_opml(library.feeds.all())
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(output).write_bytes(data)
    echo(f"exported {counted(data.count(b'<outline '), 'feed')}", err=True)


@main.command()
@click.argument("names", nargs=-1, metavar="[NAME]...")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed on stdout.")
@timeout_option
@click.option("--allow-private", is_flag=True,
              help="Follow item links and redirects to internal addresses (this machine, "
                   "the local network) too; by default only a feed's own host may be one.")
@pass_library
def fetch(library: Library, names: tuple[str, ...], as_json: bool, timeout: float,
          allow_private: bool) -> None:
    """Fetch every feed, or the named ones, and add their new items' full text.

    Items seen before are skipped; a feed unchanged since last time costs one small
    request. When an item's page cannot be fetched, the feed's own text is stored
    instead, and the output says so. Exits 0 if at least one feed could be read.

    \b
      newsdesk fetch                       # every feed
      newsdesk fetch "Levant Wire" --timeout 60
      newsdesk fetch --json | jq -c '{feed, new, error}'
    """
    # Imported here: feed reading pulls in httpx and feedparser.
    from index.feed_run import run

    feeds = library.feeds.select(names)
    if not feeds:
        echo("no feeds; add one with `newsdesk feed add URL`", err=True)
        return
    with _fetcher(timeout, allow_private) as fetcher, _progress(len(feeds)) as advance:
        reports = run(library, feeds, fetcher, on_report=advance)
    for report in reports:
        if as_json:
            echo_json(report.to_json())
        else:
            _print_report(report)
    if all(r.status == "error" for r in reports):
        sys.exit(1)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[FeedReport], None]]:
    """Feeds done, on stderr, only on a terminal (cron gets no bar and no colour codes)."""
    if not stderr().is_terminal:
        yield lambda report: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("[bold]fetching"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=stderr(), transient=True) as progress:
        task = progress.add_task("", total=total)
        # The name may be the feed's own title: Rich markup escaped, controls made visible.
        yield lambda report: progress.update(task, advance=1,
                                             description=escape(report.feed.name))


def _print_report(report: FeedReport) -> None:
    name = report.feed.name
    if report.status == "error":
        echo(f"{name}: error: {report.error}", fg="red", err=True)
        return
    if report.status == "not-modified":
        echo(f"{name}: not modified")
        return
    parts = [f"{len(report.new)} new", f"{report.seen} seen"]
    if report.duplicates:
        parts.append(f"{report.duplicates} already in the library")
    if report.fallback:
        parts.append(f"{len(report.fallback)} from feed text")
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    echo(f"{name}: {', '.join(parts)}")
    for why in report.fallback:
        echo(f"  from feed text, page failed: {why}", err=True)
    for why in report.failed:
        echo(f"  failed: {why}", fg="yellow", err=True)
