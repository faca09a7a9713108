"""The `newsdesk` command: a thin click group over the library, briefings and the reader."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import update_wrapper
from pathlib import Path
from typing import Any, TypeVar

import click

from index.errors import NewsdeskError
from index.failures import STORAGE_ERRORS, explain
from index.paths import library_dir
from index.textsafe import visible
from tui import __version__

F = TypeVar("F", bound=Callable[..., Any])


class NewsdeskGroup(click.Group):
    """A click group that shows a user's mistakes as one clear message, not a traceback.

    Its commands are imported the first time one is looked up: `newsdesk --version` and
    opening the reader never pay for them.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        _register()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsdeskError as exc:
            # Messages may quote a file name or a feed's text: no raw control characters.
            click.secho(f"error: {visible(exc.message)}", fg="red", err=True)
            if exc.hint:
                click.echo(f"hint: {visible(exc.hint)}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # `newsdesk search x | head` closes the pipe early: not an error
            sys.stderr.close()
            ctx.exit(0)
        except STORAGE_ERRORS as exc:
            # A full or read-only disk, a damaged database: a message, not a traceback.
            error = explain(exc, library_dir(ctx.obj.get("library") if ctx.obj else None))
            if error is None:
                raise
            click.secho(f"error: {visible(error.message)}", fg="red", err=True)
            click.echo(f"hint: {visible(error.hint)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; everything confirmed so far is saved", err=True)
            ctx.exit(130)


def pass_library(fn: F, *, sync_index: bool = True,
                 before_open: Callable[[Path, dict[str, Any]], None] | None = None) -> F:
    """Open the library chosen by --library / $NEWSDESK_HOME for a command, close it after.

    With sync_index=False the index is left as it is (`reindex` rebuilds it anyway).
    `before_open(library folder, the command's options)` starts what needs no open library
    while it opens (opening loads Whoosh and numpy, about 0.3 s).
    """

    @click.pass_context
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        if before_open is not None:
            before_open(library_dir(ctx.obj.get("library")), kwargs)
        # Imported here: the library loads Whoosh and numpy, which --version and --help
        # (and every command's --help) never need.
        from index.library import Library
        from tui.cli.output import report_notice, report_rebuild

        with Library.open(ctx.obj.get("library"), on_rebuild=report_rebuild,
                          sync_index=sync_index, on_notice=report_notice) as library:
            return ctx.invoke(fn, library, *args, **kwargs)

    return update_wrapper(wrapper, fn)  # type: ignore[return-value]


def pass_library_as_is(fn: F) -> F:
    """pass_library without first catching the index up: for commands that rebuild it."""
    return pass_library(fn, sync_index=False)


@click.group(cls=NewsdeskGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--library", "library", metavar="DIR", envvar="NEWSDESK_HOME",
              help="Library folder (default: $NEWSDESK_HOME, else the platform data dir).")
@click.version_option(__version__, package_name="newsdesk")
@click.pass_context
def main(ctx: click.Context, library: str | None) -> None:
    """newsdesk: read, search, tag and brief the news from your terminal.

    With no command, opens the reader. Typical day:

    \b
      newsdesk add ~/clips --tag iraq-syria     # pour in scraped articles
      newsdesk search 'militia AND border'      # find them again
      newsdesk brief --since 24h --tag iraq-syria   # the morning briefing PDF

    Every command takes --help.
    """
    ctx.ensure_object(dict)
    ctx.obj["library"] = library
    if ctx.invoked_subcommand is None:
        from tui.cli.reader_cmd import open_reader

        open_reader(library)


def _register() -> None:
    # Each command family lives in its own module; importing them adds them to `main`
    # (once: Python imports a module once).
    from tui.cli import library_cmds  # noqa: F401

    for optional in ("brief_cmds", "feed_cmds", "alias_cmds", "story_cmds"):
        try:
            __import__(f"tui.cli.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tui.cli.{optional}":
                raise

