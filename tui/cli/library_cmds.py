"""Library commands: add, import, export, search, searches, show, edit, delete, tag, mark,
reindex, stats."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from index.errors import NewsdeskError
from index.filters import SORTS, Filter, Sort
from index.models import published_text
from index.tags import parse_changes
from tui.cli import main, pass_library, pass_library_as_is
from tui.cli.output import (
    add_progress,
    counted,
    echo,
    echo_json,
    print_article,
    print_hits,
    print_stats,
)

# The library (Whoosh, numpy) loads only for a command that opens it: --version and
# --help stay fast.
if TYPE_CHECKING:
    from index.library import AddResult, Library


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--tag", "tags", multiple=True, metavar="T", help="Tag every added article.")
@click.option("--outlet", default="", metavar="NAME",
              help="The outlet of every added article (instead of the one cleanup finds).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input on stdout.")
@pass_library
def add(library: Library, inputs: tuple[str, ...], tags: tuple[str, ...], outlet: str,
        as_json: bool) -> None:
    """Add articles: .txt .md .html files (also .gz), folders (recursively) and URLs.

    Menus, share prompts, captions and footers are stripped; the headline, byline, date and
    outlet are found where the text gives them. The same article added twice, or the same
    story saved from another page, is reported as a duplicate and not indexed twice.

    \b
      newsdesk add ~/clips/2024-03-27 --tag iraq-syria
      newsdesk add story.html https://example.com/news/item --json | jq .status
      newsdesk add ~/clips/wire --outlet "Levant Wire"
    """
    counts: Counter[str] = Counter()
    failures: list[AddResult] = []
    with add_progress(enabled=not as_json) as advance:
        for result in library.add(inputs, tags, outlet=outlet):
            counts[result.status] += 1
            if as_json:
                echo_json(result.to_json())
            elif result.status == "error":
                failures.append(result)
            advance(result)
    if not as_json:
        for failure in failures:
            echo(f"  error: {failure.error}", err=True)
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        echo(f"{summary or 'nothing to add'}", err=True)
    if counts["error"] and not (counts["added"] or counts["duplicate"]):
        sys.exit(1)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@pass_library
def import_(library: Library, file: str) -> None:
    """Add articles from a JSON-lines file in the export format (ids and marks kept); FILE
    may be - for stdin. An article already in the library is reported as a duplicate.

    \b
      newsdesk import backup.jsonl
      newsdesk --library ~/other-desk export | newsdesk import -
    """
    counts: Counter[str] = Counter()
    opened = click.open_file(file, encoding="utf-8", errors="replace")
    with opened as fh, add_progress(enabled=True) as advance:
        for result in library.import_jsonl(fh, origin=file):
            counts[result.status] += 1
            if result.status == "error":
                echo(f"  {result.origin}: {result.error}", err=True)
            advance(result)
    echo(", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing", err=True)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="-",
              help="File to write (default: stdout).")
@pass_library
def export(library: Library, output: str) -> None:
    """Write every article with its tags and marks as JSON lines (re-importable).

    \b
      newsdesk export -o backup.jsonl
      newsdesk export | jq -r 'select(.starred) | .title'
    """
    if output == "-":
        count = library.export(sys.stdout)
    else:
        tmp = Path(output).with_name(Path(output).name + ".part")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                count = library.export(fh)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk or ^C leaves no half file behind
            raise
        tmp.replace(output)  # a half-written export never replaces a good one
    echo(f"exported {counted(count, 'article')}", err=True)


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(1, 10000),
              help="At most this many hits.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
              help="Best match first, or the newest first.")
@click.option("--json", "as_json", is_flag=True, help="A JSON list of hits on stdout.")
@click.option("--save", metavar="NAME", help="Also save this search under NAME.")
@pass_library
def search(library: Library, query: tuple[str, ...], limit: int, sort: Sort,
           as_json: bool, save: str | None) -> None:
    """Search the library. @NAME runs a saved search.

    \b
    Words are stemmed (attack finds attacks); more matched words rank higher.
      "exact phrase"              militia AND (border OR crossing) NOT football
      title:convoy  outlet:reuters  author:doe  tag:iraq-syria
      published:[2024-01-01 to today]   added:yesterday   added:[last week to now]
    --sort newest lists only articles that match every word, newest first.

    \b
      newsdesk search militia border -n 5
      newsdesk search 'tag:iraq-syria published:[last week to now]' --sort newest
      newsdesk search convoy --save convoys      # later: newsdesk search @convoys
    """
    text = " ".join(query)
    results = library.search(text, limit=limit, sort=sort)
    for term, others in results.expanded:
        echo(f"{term} also searched as {', '.join(others)} (quote it to search it alone)",
                   err=True)
    if save:
        library.save_search(save, text)
        echo(f"saved as @{save}", err=True)
    if as_json:
        echo_json([{
            "id": h.article.id, "title": h.article.title, "outlet": h.article.outlet,
            "published": published_text(h.article.published, h.article.published_precision),
            "tags": list(h.article.tags), "score": round(h.score, 4), "snippet": h.snippet,
        } for h in results.hits], indent=1)
    else:
        print_hits(results)


@main.command()
@click.option("--json", "as_json", is_flag=True,
              help="A JSON list of {name, query} objects on stdout.")
@pass_library
def searches(library: Library, as_json: bool) -> None:
    """List saved searches (run one with `newsdesk search @NAME`).

    \b
      newsdesk searches
      newsdesk searches --json | jq -r '.[].name'
    """
    saved = library.saved_searches()
    if as_json:
        echo_json([{"name": n, "query": q} for n, q in saved], indent=1)
        return
    if not saved:
        echo("no saved searches; save one with `newsdesk search QUERY --save NAME`",
                   err=True)
    for name, text in saved:
        echo(f"@{name}\t{text}")


@main.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True,
              help="The article as one JSON object on stdout (the export format).")
@click.option("--raw", is_flag=True, help="Also list the input lines cleanup left out.")
@pass_library
def show(library: Library, article_id: str, as_json: bool, raw: bool) -> None:
    """Show one article (ID or a unique prefix of it): headline, standfirst, details, body
    and photo captions. --raw adds what cleanup dropped (menus, prompts, footers).

    \b
      newsdesk show 3fa9c1
      newsdesk show 3fa9c1 --raw | less
      newsdesk show 3fa9c1 --json | jq -r .body
    """
    article = library.get(article_id)
    dropped = library.dropped(article.id) if raw else None
    if as_json:
        from index.library import article_to_json

        data = article_to_json(article) | ({"dropped": dropped} if raw else {})
        echo_json(data, indent=1)
    else:
        print_article(article, library.duplicates_of(article.id), dropped)


@main.command()
@click.argument("article_id", metavar="ID")
@click.option("--title", help="The headline.")
@click.option("--outlet", help="The outlet that published it.")
@click.option("--author", help="The author(s).")
@click.option("--published", metavar="DATE",
              help="2024-03-27, 2024-03-27 12:45 (local), 2024-03-27T12:45+03:00; '' = unknown.")
@pass_library
def edit(library: Library, article_id: str, title: str | None, outlet: str | None,
         author: str | None, published: str | None) -> None:
    """Correct an article's title, outlet, author or date; search follows at once.

    \b
      newsdesk edit 3fa9c1 --title "Convoy crosses the border at dawn"
      newsdesk edit 3fa9c1 --outlet "Levant Wire" --published 2024-03-27
    """
    article = library.edit(article_id, title=title, outlet=outlet, author=author,
                           published=published)
    echo(f"{article.id}: {article.title} · {article.outlet or 'outlet unknown'} · "
         f"{article.published_label}")


@main.command()
@click.argument("article_ids", nargs=-1, required=True, metavar="ID...")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@pass_library
def delete(library: Library, article_ids: tuple[str, ...], yes: bool) -> None:
    """Delete articles and everything kept about them (original, tags, marks, index entry).

    On a terminal it asks first; --yes skips the question (needed in scripts).

    \b
      newsdesk delete 3fa9c1 7be024
      newsdesk search 'tag:junk' --json | jq -r '.[].id' | xargs newsdesk delete --yes
    """
    articles = [library.get(i) for i in article_ids]
    if not yes:
        if not sys.stdin.isatty():
            raise NewsdeskError("delete needs --yes when not run on a terminal",
                                hint="newsdesk delete ID... --yes")
        for a in articles:
            echo(f"  {a.id}  {a.title}", err=True)
        click.confirm(f"delete {len(articles)} article(s)?", abort=True, err=True)
    deleted = library.delete(a.id for a in articles)
    click.echo(f"deleted {len(deleted)} article(s)", err=True)


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("article_id", metavar="ID")
@click.argument("changes", nargs=-1, metavar="[+TAG|-TAG]...")
@pass_library
def tag(library: Library, article_id: str, changes: tuple[str, ...]) -> None:
    """Change an article's tags: +TAG or a bare TAG adds it, -TAG removes it; tags not
    named stay (the reader's t takes the same words). With none, list the tags.

    \b
      newsdesk tag 3fa9c1 +strikes -unsorted
      newsdesk tag 3fa9c1 "Iraq Syria"       # adds iraq-syria
    """
    change = parse_changes(changes)
    article = library.tag(article_id, change.add, change.remove) if changes \
        else library.get(article_id)
    echo(" ".join(article.tags) or "(no tags)")


@main.command()
@click.argument("article_id", metavar="ID")
@click.option("--read/--unread", default=None, help="Mark read or unread.")
@click.option("--star/--unstar", default=None, help="Star or unstar.")
@click.option("--basket/--no-basket", default=None, help="Put in or take out of the basket.")
@pass_library
def mark(library: Library, article_id: str, read: bool | None, star: bool | None,
         basket: bool | None) -> None:
    """Mark an article read/unread, starred, or in the briefing basket.

    \b
      newsdesk mark 3fa9c1 --star --basket     # goes into the next briefing
      newsdesk mark 3fa9c1 --unread --no-basket
    """
    flags = {k: v for k, v in (("read", read), ("starred", star), ("in_basket", basket))
             if v is not None}
    if not flags:
        raise NewsdeskError("nothing to mark", hint="give --read, --unread, --star, --unstar")
    article = library.mark(article_id, **flags)
    marks = [m for m, on in (("read", article.read), ("starred", article.starred),
                             ("in basket", article.in_basket)) if on]
    echo(f"{article.id}: {', '.join(marks) or 'unread'}")


@main.command()
@pass_library_as_is
def reindex(library: Library) -> None:
    """Rebuild the search index from the store (safe to interrupt: the old one stays).
    Needed only if search seems to miss articles; a damaged or outdated index is rebuilt
    on its own.

    \b
      newsdesk reindex
    """
    total = library.count(Filter(duplicates=False))
    with add_progress(enabled=True, total=total, label="reindexing") as advance:
        count = library.reindex(progress=lambda n: advance(None, n))
    echo(f"indexed {counted(count, 'article')}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="The counts as one JSON object on stdout.")
@pass_library
def stats(library: Library, as_json: bool) -> None:
    """Counts: articles, duplicates, unread, starred, tags, outlets, index state.

    \b
      newsdesk stats
      newsdesk stats --json | jq .unread
    """
    figures = library.stats()
    if as_json:
        echo_json(figures, indent=1)
    else:
        print_stats(figures, library.tag_counts())
