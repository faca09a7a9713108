"""The command palette (ctrl+p): the bindings active where it opened, and views to go to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from index.textsafe import visible_line

if TYPE_CHECKING:
    from tui.app import NewsdeskApp

Command = tuple[str, str, Callable[[], object]]


class NewsdeskCommands(Provider):
    """Every action a key runs on the screen below (its binding's words), and every view."""

    @property
    def _app(self) -> NewsdeskApp:
        return self.app  # type: ignore[return-value]

    def _commands(self) -> Iterator[Command]:
        seen: set[tuple[int, str]] = set()
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            # Bindings with a tooltip are commands; the rest (j, k, arrows) only move.
            if not enabled or not tooltip or (id(node), binding.action) in seen:
                continue
            seen.add((id(node), binding.action))
            keys = self.app.get_key_display(binding)
            yield (binding.description, f"{tooltip} ({keys})",
                   partial(self.app.run_action, binding.action, node))
        for view in self._app.main_screen.known_views():
            # Outlet, tag and search names come from the store, and the palette reads its
            # lines as markup: made visible, then escaped.
            label = escape(visible_line(view.label))
            yield (f"Go to {label}", f"Show {label} in the list",
                   partial(self._app.show_view, view))

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
