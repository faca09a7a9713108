"""The search bar: reports the query once typing pauses, keeps it on Enter, clears on Esc."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

DEBOUNCE = 0.25  # seconds of quiet before a search runs: one search per pause, not per key


class SearchBar(Input):
    """An input that asks for a search after a short pause in typing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "clear_search", "Clear search")]

    @dataclass
    class Query(Message):
        """Typing paused: search for this (empty: back to the plain list)."""

        text: str

    @dataclass
    class Kept(Message):
        """Enter: keep the results and go to the list."""

        text: str

    @dataclass
    class Cleared(Message):
        """Esc: drop the search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="Search: words, \"phrases\", AND/OR/NOT, tag:x, @saved",
            id=id,
        )
        self._timer: Timer | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.post_message(self.Query(self.value.strip()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.post_message(self.Kept(self.value.strip()))

    def reset(self) -> None:
        """Empty the bar quietly: no search is asked for."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self.prevent(Input.Changed):
            self.value = ""

    def action_clear_search(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.value = ""
        self.post_message(self.Cleared())
