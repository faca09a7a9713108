"""Small modal dialogs: a one-line prompt, and tag editing with completion."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

from index.tags import SYNTAX
from index.textsafe import visible_line


class CompletingInput(Input):
    """An input whose Tab accepts the completion it offers (as → at the end does)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "accept_completion", "Accept the completion", show=False),
    ]

    def action_accept_completion(self) -> None:
        self.cursor_position = len(self.value)
        self.action_cursor_right()  # at the end, this takes the suggestion


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Esc cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, help_text: str, value: str = "",
                 placeholder: str = "", suggester: Suggester | None = None) -> None:
        super().__init__()
        self._title = title
        self._help = help_text
        self._value = value
        self._placeholder = placeholder
        self._suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # An article's title: shown as text, never read as markup.
            yield Label(Text(visible_line(self._title)), classes="dialog-title")
            yield CompletingInput(self._value, placeholder=self._placeholder,
                                  suggester=self._suggester, select_on_focus=False,
                                  id="dialog-input")
            yield Label(self._help, classes="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagSuggester(Suggester):
    """Completes the word being typed (after any + or -) from the library's tags."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = sorted(tags)

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value[-1].isspace():
            return None
        head, _, word = value.rpartition(" ")
        sign = word[0] if word[0] in "+-" else ""
        stem = word[len(sign):].lower()
        if not stem:
            return None
        for tag in self._tags:
            if tag.startswith(stem) and tag != stem:
                return f"{head} {sign}{tag}" if head else f"{sign}{tag}"
        return None


class TagDialog(PromptDialog):
    """Change tags as `newsdesk tag` does (index/tags.py): +tag or tag adds, -tag removes."""

    def __init__(self, title: str, current: tuple[str, ...], known: list[str]) -> None:
        now = f" (now: {' '.join(current)})" if current else ""
        super().__init__(
            f"Tags for: {title}{now}",
            f"{SYNTAX}. → or Tab accepts a completion.",
            placeholder="+iraq-syria -unsorted",
            suggester=TagSuggester(known),
        )


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or Enter says yes; n or Esc says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, help_text: str) -> None:
        super().__init__()
        self._title = title
        self._help = help_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible_line(self._title)), classes="dialog-title")
            yield Label(self._help, classes="dialog-help")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
