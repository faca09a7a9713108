"""The search bar: reports the query once typing pauses (Enter and Esc are the screen's)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

DEBOUNCE = 0.25  # seconds of quiet before a search runs: one search per pause, not per key


class SearchBar(Input):
    """An input that asks for a search after a short pause in typing."""

    @dataclass
    class Query(Message):
        """Typing paused: search for this (empty: back to the plain list)."""

        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="Search: words, \"phrases\", AND/OR/NOT, tag:x, @saved",
            id=id,
        )
        self._timer: Timer | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._stop_timer()
        self._timer = self.set_timer(DEBOUNCE, self._fire)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the screen's (a priority binding): nothing more to do here

    def _fire(self) -> None:
        self._timer = None
        self.post_message(self.Query(self.value.strip()))

    def take(self) -> str:
        """The query as typed now, with no search pending for it."""
        self._stop_timer()
        return self.value.strip()

    def reset(self) -> None:
        """Empty the bar quietly: no search is asked for."""
        self._stop_timer()
        with self.prevent(Input.Changed):
            self.value = ""

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
