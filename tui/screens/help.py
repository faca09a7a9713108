"""The help screen: every key the reader knows, built from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

Rows = list[tuple[str, str]]


class HelpScroll(VerticalScroll):
    """The help text, scrolled with j/k as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)


class HelpScreen(ModalScreen[None]):
    """Tables of keys, by where they work; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def __init__(self, sections: list[tuple[str, Rows]], start: str = "") -> None:
        super().__init__()
        self.sections = sections
        self.start = start  # the section shown first: the keys of where help was asked

    def compose(self) -> ComposeResult:
        with HelpScroll(classes="dialog help"):
            yield Static("Keys", classes="dialog-title")
            for number, (title, rows) in enumerate(self.sections):
                yield Static(title, classes="help-section", id=f"help-{number}")
                yield Static(_table(rows))

    def on_mount(self) -> None:
        self.query_one(HelpScroll).focus()
        titles = [title for title, _rows in self.sections]
        if self.start in titles:
            self.call_after_refresh(self._show_start, f"#help-{titles.index(self.start)}")

    def _show_start(self, selector: str) -> None:
        self.query_one(HelpScroll).scroll_to_widget(self.query_one(selector), top=True,
                                                    animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def _table(rows: Rows) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold", no_wrap=True, min_width=12)
    table.add_column(ratio=1)
    for key, what in rows:
        table.add_row(key, what)
    return table
