"""Briefing commands: brief (selected articles to PDF and Markdown) and summarize (files)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefing.registry import (
    DEFAULT_ALGORITHM,
    FORMATS,
    SECTIONS,
    Sections,
    algorithm_help,
    summarizer,
)
from index.errors import NewsdeskError
from index.models import Extracted
from tui.cli import main, pass_library
from tui.cli.output import counted, echo, echo_json
from tui.cli.selection import make_selection, selection_options

# The library (Whoosh, numpy) loads only for a command that opens it: --version and
# --help stay fast.
if TYPE_CHECKING:
    from index.library import Library

# The registry module is light (no sumy): the choices and help come from its table.
ALGORITHM = click.option("--algorithm", default=DEFAULT_ALGORITHM, show_default=True,
                         metavar="NAME", help=algorithm_help())


OUTPUT = "output_"  # the parameter of format NAME is output_NAME


def _output_options(command: Callable[..., None]) -> Callable[..., None]:
    """One file option per registered output format (briefing.registry.FORMATS)."""
    for name, kind in reversed(FORMATS.items()):
        command = click.option(*kind.options, OUTPUT + name, type=click.Path(dir_okay=False),
                               help=kind.help)(command)
    return command


def _progress() -> Callable[[str, int, int], None]:
    """Progress lines on stderr, a few per stage, so stdout stays for the file paths."""
    shown: set[tuple[str, int]] = set()

    def report(stage: str, done: int, total: int) -> None:
        step = max(total // 10, 1) if total >= 20 else total
        due = done == total or (step and done % step == 0)
        if due and (stage, done) not in shown:
            shown.add((stage, done))
            echo(f"{stage}: {done}/{total}", err=True)

    return report


@main.command()
@selection_options
@click.option("--title", metavar="TEXT", help='Heading (default "Briefing — <date>").')
@click.option("--sections", type=click.Choice(SECTIONS), default="tags",
              show_default=True, help="One section per tag, or per saved search.")
@_output_options
@click.option("--sentences", "-n", default=3, show_default=True, type=click.IntRange(1, 20),
              help="Summary sentences per top story.")
@click.option("--top", default=12, show_default=True, type=click.IntRange(0, 1000),
              help="Stories told in full; the others get one line each with their sources.")
@ALGORITHM
@click.option("--template", "template_dir", type=click.Path(file_okay=False, exists=True),
              help="Folder with your own briefing.md.j2, briefing.html.j2, briefing.css.")
@pass_library
def brief(library: Library, title: str | None, sections: Sections, sentences: int, top: int,
          algorithm: str, template_dir: str | None, **options: Any) -> None:
    """Write a briefing: key points, sections by tag, the top stories each with a summary
    and the others one line each, every article cited in the numbered sources.

    Criteria of different kinds narrow each other; several tags or searches widen
    (any of them). Without --output/--markdown/--html, writes briefing-YYYY-MM-DD.pdf and
    .md here. The paths written are printed on stdout.

    \b
      newsdesk brief --since 24h --tag iraq-syria
      newsdesk brief militia --search border --since 7d -o week.pdf
      newsdesk brief --basket --title "Morning brief" --markdown brief.md
      newsdesk brief --since 7d --new      # what is new since the last briefing
    """
    # Imported here: building pulls in sumy and numpy, which the other commands never need
    # (WeasyPrint itself is imported only when the PDF is rendered).
    from briefing.build import write_briefing

    # WeasyPrint logs font-subsetting notices as warnings; they are not the user's business.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    files = {name: options.pop(name) for name in list(options) if name.startswith(OUTPUT)}
    selection = make_selection(**options)
    named = {option[len(OUTPUT):]: path for option, path in files.items() if path}
    written = write_briefing(
        library, selection, outputs=named or None, title=title, sections=sections,
        sentences=sentences, algorithm=algorithm, top=top, template_dir=template_dir,
        progress=_progress(),
    )
    echo(f"{counted(written.articles, 'article')} briefed", err=True)
    for path in written.paths.values():
        echo(str(path))


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--story", is_flag=True,
              help="Summarize all the files together, as one story told by several articles.")
@click.option("--sentences", "-n", type=click.IntRange(1, 50),
              help="Summary length in sentences (default 3, with --story 5).")
@click.option("--words", type=click.IntRange(1, 5000), help="Summary length in words instead.")
@ALGORITHM
@click.option("--json", "as_json", is_flag=True,
              help="JSON on stdout: one object per file; with --story one object.")
def summarize(paths: tuple[str, ...], story: bool, sentences: int | None, words: int | None,
              algorithm: str, as_json: bool) -> None:
    """Summarize article files without adding them to the library.

    The same cleanup as `add` (menus, captions, footers stripped), then the summary's
    sentences one a line; with several files, each under a "== title (file)" line.
    With --story the files are one story: its sentences come from any of them, most
    important first, each cited [n] to the files that print it, and the files are listed.

    \b
      newsdesk summarize clip.txt -n 2
      newsdesk summarize --story a.html b.txt c.txt --words 120 --json
    """
    # Imported here: sumy and numpy are slow to import and only summaries need them.
    if sentences is not None and words is not None:
        raise NewsdeskError("give --sentences or --words, not both")
    summarizer(algorithm)  # an unknown name fails before any file is read
    articles = _read_articles(paths)
    if story:
        _summarize_story(articles, sentences if words is None else None, words, as_json)
    else:
        _summarize_each(articles, sentences or 3, words, algorithm, as_json)
    if not articles:
        raise SystemExit(1)


def _read_articles(paths: tuple[str, ...]) -> list[tuple[str, Extracted]]:
    """(origin, cleaned article) for every readable input; errors reported on stderr."""
    from index.ingest import expand, extract, read_file
    from index.sources import SourceType

    articles = []
    for origin, kind in expand(paths):
        if not isinstance(kind, SourceType):  # addresses, unreadable folders, other files
            continue
        try:
            articles.append((origin, extract(read_file(origin, kind))))
        except NewsdeskError as exc:
            echo(f"error: {exc.message}", err=True)
    return articles


def _summarize_each(articles: list[tuple[str, Extracted]], sentences: int, words: int | None,
                    algorithm: str, as_json: bool) -> None:
    from briefing.summarizers import summarize as summarize_text
    from briefing.summarizers import within_words

    for number, (origin, article) in enumerate(articles):
        picked = summarize_text(article.body, title=article.title,
                                sentences=50 if words else sentences, algorithm=algorithm)
        picked = within_words(picked, words) if words else picked
        if as_json:
            echo_json({"origin": origin, "title": article.title, "sentences": picked})
            continue
        if len(articles) > 1:
            echo(("\n" if number else "") + f"== {article.title} ({Path(origin).name})")
        for sentence in picked:
            echo(" ".join(sentence.split()))


def _summarize_story(articles: list[tuple[str, Extracted]], sentences: int | None,
                     words: int | None, as_json: bool) -> None:
    from briefing.story_files import summarize_files

    if not articles:
        return
    summary = summarize_files(articles, sentences=sentences or (None if words else 5),
                              words=words)
    if as_json:
        echo_json(summary.to_json())
        return
    echo(f"== {summary.title}" if summary.title else "==")
    for sentence, cited in zip(summary.sentences, summary.citations, strict=True):
        refs = "".join(f"[{n + 1}]" for n in cited)
        echo(f"{sentence} {refs}")  # one line already (summarize_files)
    echo("")
    for number, source in enumerate(summary.sources, 1):
        echo(f"[{number}] {source.line()}")
