"""The command palette provider: every reader action by name (ctrl+p)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import NewsdeskApp

# (title, action on the app, help): the same actions the keys run.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Search", "search", "Search the library as you type (/)"),
    ("Toggle read", "toggle_read", "Mark the current article read or unread (r)"),
    ("Toggle star", "toggle_star", "Star or unstar the current article (s)"),
    ("Toggle basket", "toggle_basket", "Put the current article in the briefing basket (b)"),
    ("Edit tags", "edit_tags", "Add or remove tags on the current article (t)"),
    ("Open link", "open_link", "Open the article's link in the browser (o)"),
    ("Build briefing", "build_briefing", "Write the briefing PDF from the basket (B)"),
    ("Add articles", "add_articles", "Add files, folders or URLs to the library (a)"),
    ("Save search", "save_search", "Save the current search under a name (ctrl+s)"),
    ("Sort results", "toggle_sort", "Sort search results by relevance or newest (O)"),
    ("Show help", "help", "Every key the reader knows (?)"),
    ("Quit", "quit", "Leave newsdesk (q)"),
)


class NewsdeskCommands(Provider):
    """Reader actions for the command palette."""

    @property
    def _app(self) -> NewsdeskApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for title, action, help_text in COMMANDS:
            yield DiscoveryHit(title, partial(self._app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title),
                          partial(self._app.run_action, action), help=help_text)
