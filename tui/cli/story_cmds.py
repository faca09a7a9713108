"""The stories command: the selected articles grouped by the event they report."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tui.cli import main, pass_library
from tui.cli.output import echo, echo_json
from tui.cli.selection import make_selection, selection_options

if TYPE_CHECKING:  # the library loads Whoosh and numpy: not for --help
    from index.library import Library


def _start_workers(folder: Path, options: dict[str, Any]) -> None:
    """Before the library opens: when many stories lack a kept summary (the first listing of
    a library), start the process the summarizing workers are made from, so that its imports
    (about 0.5 s) run while this one opens the library and reads the articles."""
    from briefing.story_pool import SENTENCES, warm_up
    from index.story_peek import unsummarized

    warm_up(unsummarized(folder / "library.db", SENTENCES if options["as_json"] else 1))


@main.command()
@selection_options
@click.option("--json", "as_json", is_flag=True, help="One JSON array of stories on stdout.")
@partial(pass_library, before_open=_start_workers)
def stories(library: Library, as_json: bool, **criteria: Any) -> None:
    """List the stories of a selection, most important first.

    A story is the articles, from any outlet and day, that report one event (two strikes in
    one province are two stories); copies of an article stay with it. Stories are kept in
    the library: an article that arrives tomorrow joins yesterday's story.

    \b
    The order: each distinct outlet reporting a story counts 1, its articles count
    log(1 + n); a starred article, one in the basket, a --tag asked for, and no briefing
    having covered it yet count 1 each; the total halves for every 2 days the story's
    latest publication date is older than the selection's newest (the day an undated
    article was added is no date; a story with no dated article weighs as the others
    do on average).

    \b
      newsdesk stories --since 24h
      newsdesk stories --tag iraq-syria --since 7d --new
      newsdesk stories militia --json | jq '.[0].articles'
    """
    # Imported here: the key points need the summarizers (sumy, numpy).
    from briefing.select import select_stories
    from briefing.story_digest import digests
    from briefing.story_pool import SENTENCES

    selection = make_selection(**criteria)
    # the list shows only the key point; the JSON has the summary too
    found = digests(library, select_stories(library, selection), SENTENCES if as_json else 1)
    if as_json:
        echo_json([d.to_json() for d in found])
        return
    if not found:
        echo("no stories" + (" new since the last briefing" if selection.new else ""), err=True)
        return
    for number, d in enumerate(found, 1):
        s = d.story
        mark = " (new)" if s.new else " (updated)" if s.updated else ""
        count = len(s.article_ids)
        echo(f"{number}. {s.title}{mark}", bold=True)
        about = [", ".join(s.outlets), f"{count} article{'s' * (count != 1)}", d.days]
        echo("   " + " · ".join(p for p in about if p))
        if d.key_point:
            echo(f"   {d.key_point}")
