"""The sidebar: the views an analyst switches between, each with its unread count."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from index.filters import Filter
from index.textsafe import visible_line
from tui.messages import CountsLoaded


@dataclass(frozen=True, slots=True)
class View:
    """What the article list shows: the library narrowed by a filter, or a saved search."""

    key: str
    label: str
    filter: Filter = field(default_factory=Filter)
    search: str = ""  # a saved search's "@name": the list shows its results


FIXED = (
    View("all", "All articles"),
    View("unread", "Unread", Filter(read=False)),
    View("starred", "Starred", Filter(starred=True)),
    View("basket", "Basket", Filter(in_basket=True)),
)
# Not a list of articles: opens the stories of what the list shows (MainScreen).
STORIES = View("stories", "Stories")


def tag_view(tag: str) -> View:
    """The view of one tag's articles."""
    return View(f"tag:{tag}", f"#{tag}", Filter(tags=(tag,)))


def outlet_view(outlet: str) -> View:
    """The view of one outlet's articles."""
    return View(f"outlet:{outlet}", outlet, Filter(outlet=outlet))


def search_view(name: str) -> View:
    """The view of a saved search's results."""
    return View(f"search:{name}", f"@{name}", search=f"@{name}")


class Sidebar(OptionList):
    """Fixed views, saved searches, tags and outlets; Enter or a click shows one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next view", show=False),
        Binding("k,up", "cursor_up", "Previous view", show=False),
        Binding("enter,l,right", "select", "Show the view in the list", show=False),
        Binding("g,home", "first", "First view", show=False),
        Binding("G,end", "last", "Last view", show=False),
    ]

    @dataclass
    class Selected(Message):
        """The user chose a view."""

        view: View

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[tuple[View | None, int | None]] = [(v, None) for v in (*FIXED, STORIES)]
        self._views: dict[str, View] = {v.key: v for v in (*FIXED, STORIES)}

    def on_mount(self) -> None:
        self._render_rows()

    def on_resize(self) -> None:
        self._render_rows()

    @property
    def views(self) -> list[View]:
        """The views offered, in order."""
        return [v for v, _ in self._rows if v is not None and not v.key.startswith("-")]

    def highlight(self, view: View) -> None:
        """Put the highlight on a view (chosen elsewhere, like the palette)."""
        if view.key in self._views:
            self.highlighted = self.get_option_index(view.key)

    def update_counts(self, counts: CountsLoaded) -> None:
        """Rebuild the entries from fresh counts, keeping the highlighted view."""
        rows: list[tuple[View | None, int | None]] = [
            # Starred and Basket count what is in them; the rest count what is unread.
            (v, counts.fixed.get(v.key, (0, 0))[0 if v.key in ("starred", "basket") else 1])
            for v in FIXED
        ]
        rows.append((STORIES, None))
        if counts.searches:
            rows.append((View("-searches", "Saved searches"), None))
            rows += [(search_view(name), None) for name, _q in counts.searches]
        if counts.tags:
            rows.append((View("-tags", "Tags"), None))
            rows += [(tag_view(t), unread) for t, _n, unread in counts.tags]
        if counts.outlets:
            rows.append((View("-outlets", "Outlets"), None))
            rows += [(outlet_view(o), unread) for o, _n, unread in counts.outlets]
        self._rows = rows
        self._views = {v.key: v for v, _ in rows if v is not None}
        self._render_rows()

    def _render_rows(self) -> None:
        keep = self.highlighted_option.id if self.highlighted_option is not None else "all"
        # One cell spare for the scrollbar a long list of tags brings.
        width = max(10, (self.scrollable_content_region.width or 24) - 1)
        options: list[Option | None] = []
        for view, count in self._rows:
            assert view is not None
            if view.key.startswith("-"):
                options += [None, Option(Text(view.label, style="bold"), id=view.key,
                                         disabled=True)]
                continue
            options.append(Option(_entry(view.label, count, width), id=view.key))
        self.set_options(options)
        try:
            self.highlighted = self.get_option_index(keep or "all")
        except OptionDoesNotExist:  # the highlighted view is gone (a deleted saved search)
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        view = self._views.get(event.option.id or "")
        if view is not None:
            self.post_message(self.Selected(view))


def _entry(label: str, count: int | None, width: int) -> Text:
    """One sidebar line: the label, cut to fit, and the count right-aligned."""
    number = "" if not count else f"{count:,}"
    label = visible_line(label)  # tag, outlet and search names come from the store
    room = width - len(number) - 1
    if len(label) > room:
        label = label[: max(1, room - 1)] + "…"
    text = Text(label)
    if number:
        text.append(" " * (width - len(label) - len(number)))
        text.append(number, style="bold")
    return text
