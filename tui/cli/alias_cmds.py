"""`newsdesk alias`: other names for the same thing, used to widen searches."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tui.cli import main, pass_library
from tui.cli.output import counted, echo, echo_json

# The library (Whoosh, numpy) loads only for a command that opens it: --version and
# --help stay fast.
if TYPE_CHECKING:
    from index.library import Library


@main.group()
def alias() -> None:
    """Other names for one thing: searching for one finds the others.

    Names an article defines, as in "Syrian Democratic Forces (SDF)", are learned when it
    is added; add what no article defines yourself. A quoted term is never widened.

    \b
      newsdesk alias add "Islamic State" Daesh ISIL
      newsdesk alias list
      newsdesk alias remove "Islamic State" ISIL
    """


@alias.command("add")
@click.argument("name")
@click.argument("synonyms", nargs=-1, required=True, metavar="SYNONYM...")
@pass_library
def alias_add(library: Library, name: str, synonyms: tuple[str, ...]) -> None:
    """Make each SYNONYM mean NAME in searches (and NAME each SYNONYM)."""
    library.add_alias(name, synonyms)
    echo(f"{name}: {', '.join(synonyms)}", err=True)


@alias.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON list on stdout.")
@pass_library
def alias_list(library: Library, as_json: bool) -> None:
    """Every alias in use, yours and those the articles define (with their counts)."""
    aliases = library.alias_list()
    if as_json:
        echo_json([{"name": a.name, "synonym": a.synonym, "source": a.source,
                    "articles": a.articles} for a in aliases], indent=1)
        return
    if not aliases:
        echo('no aliases yet; add one with `newsdesk alias add "Islamic State" Daesh`',
                   err=True)
    for a in aliases:
        origin = "yours" if a.source == "user" else f"defined in {counted(a.articles, 'article')}"
        echo(f"{a.synonym}\t{a.name}\t({origin})")


@alias.command("remove")
@click.argument("name")
@click.argument("synonyms", nargs=-1, metavar="[SYNONYM]...")
@pass_library
def alias_remove(library: Library, name: str, synonyms: tuple[str, ...]) -> None:
    """Stop using NAME's aliases (only these SYNONYMs, when given); learned ones too."""
    removed = library.remove_alias(name, synonyms)
    echo(f"removed {removed} alias{'es' if removed != 1 else ''}", err=True)
