"""The help screen: every key the reader knows, in one place."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("/", "Search as you type; Enter keeps the results, Esc clears them"),
    ("j / k, ↓ / ↑", "Move in the list (in the reader: scroll)"),
    ("Enter / l", "Open the article (marks it read)"),
    ("t", "Edit tags (+tag -tag, or the whole set)"),
    ("r", "Toggle read"),
    ("s", "Toggle star"),
    ("b", "Toggle the article in the briefing basket"),
    ("B", "Build the briefing from the basket (PDF + Markdown)"),
    ("o", "Open the article's link in the browser"),
    ("a", "Add articles: paths, folders or URLs"),
    ("O", "Sort search results by relevance or newest"),
    ("ctrl+s", "Save the current search under a name"),
    ("Tab / shift+Tab", "Move between the sidebar and the list"),
    ("ctrl+p", "Command palette: every action by name"),
    ("?", "This help"),
    ("q", "Back from the reader, or quit"),
)


class HelpScreen(ModalScreen[None]):
    """A table of every key; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, what in KEYS:
            table.add_row(key, what)
        with VerticalScroll(classes="dialog help"):
            yield Static("Keys", classes="dialog-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
