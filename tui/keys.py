"""The key bindings as the one source of the help screen (and, through them, the palette)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.dom import DOMNode

from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from textual.app import App

Rows = list[tuple[str, str]]
READING = "Reading an article"  # the help's section for the reader screen

MARKS: Rows = [
    ("●", "Unread"),
    ("★", "Starred"),
    ("▣", "In the briefing basket (B writes the briefing from it)"),
    ("≈", "A copy of a story already in the library (another outlet or page)"),
    ("▶", "Selected (v): the article keys act on every selected article"),
]


def key_rows(app: App[object], *holders: type[DOMNode]) -> Rows:
    """One row per action the classes bind: its keys, and what it does."""
    rows: dict[str, tuple[list[str], str]] = {}
    for holder in holders:
        for binding in _own_bindings(holder):
            what = binding.tooltip or binding.description
            if not what:
                continue
            keys = [_key(app, binding, key) for key in binding.key.split(",")]
            known = rows.setdefault(f"{holder.__name__}.{binding.action}", ([], what))
            known[0].extend(k for k in keys if k not in known[0])
    return [(" ".join(keys), what) for keys, what in rows.values()]


def help_sections(app: App[Any]) -> list[tuple[str, Rows]]:
    """The help screen's sections, each a table of keys built from the bindings."""
    palette = [(app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "")),
                "Command palette: every action by name, #tags, @searches, outlets")]
    return [
        ("The list", key_rows(app, MainScreen, ArticleList)),
        (READING, key_rows(app, ReaderScreen)),
        ("On the article(s), anywhere", key_rows(app, type(app)) + palette),
        ("The sidebar (Tab to go there)", key_rows(app, Sidebar)),
        ("Row marks", MARKS),
    ]


def _own_bindings(holder: type[DOMNode]) -> Iterable[Binding]:
    return [b for b in holder.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def _key(app: App[object], binding: Binding, key: str) -> str:
    if binding.key_display and "," not in binding.key:
        return binding.key_display
    return app.get_key_display(Binding(key.strip(), ""))
