"""The article list: one row per article with its marks, a window of pages of a long list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from index.models import Article
from index.textsafe import visible_line

PAGE = 300  # rows per page: enough to scroll through, few enough to draw at once
MORE_AT = 30  # load the next page when the cursor comes this close to the end
DATE_FORMAT = "%Y-%m-%d"  # the year stays: 2024 and 2026 must not look alike
DATE_WIDTH = 10
MARKS_WIDTH = 5
PADDING = 2  # cells around each column
HEADLINE_MIN = 36  # narrower than this, the outlet column gives its room to the headline


def published_day(article: Article, unknown: str = "date unknown") -> str:
    """The day the article was published, or `unknown`: the day it was added never stands in
    for it unlabelled (the reader's header says both)."""
    return article.published.strftime(DATE_FORMAT) if article.published else unknown


def marks(article: Article, selected: bool = False) -> Text:
    """Selection, unread, starred, basket and copy marks, always five cells wide."""
    text = Text()
    text.append("▶" if selected else " ", style="bold reverse" if selected else "")
    text.append("●" if not article.read else " ", style="bold #3fa9f5")
    text.append("★" if article.starred else " ", style="bold #f5c211")
    text.append("▣" if article.in_basket else " ", style="bold #4ebf71")
    text.append("≈" if article.duplicate_of else " ", style="#b07fe0")
    return text


class ArticleList(DataTable[Text]):
    """Headline, outlet and date of the loaded articles; Enter or `l` opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next row", show=False),
        Binding("k,up", "cursor_up", "Previous row", show=False),
        Binding("enter,l,right", "select_cursor", "Open the article (marks it read)",
                show=False),
        Binding("g,home,ctrl+home", "first", "First article", show=False),
        Binding("G,end,ctrl+end", "last", "Last article (loads what is needed)",
                show=False),
        Binding("n", "next_unread", "Next unread", show=False, tooltip="Next unread article"),
        Binding("N", "previous_unread", "Previous unread", show=False,
                tooltip="Previous unread article"),
        Binding("v", "select", "Select", show=False,
                tooltip="Select or unselect the article; r s b t d then act on every one"),
        Binding("V", "unselect_all", "Unselect all", show=False,
                tooltip="Drop the selection"),
    ]

    @dataclass
    class Opened(Message):
        """The user opened an article."""

        article: Article

    @dataclass
    class Wanted(Message):
        """Rows from `offset` on are needed (scrolling, or a jump to an end)."""

        offset: int
        cursor: int | None = None  # after a jump: the position to put the cursor on

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_header=True)
        self._articles: list[Article] = []
        self._base = 0  # position in the whole list of the first loaded row
        self._total = 0
        self._asked = False
        self._selected: set[str] = set()
        self._pending_unread = 0  # n/N waiting for the next page: its direction
        self._widths: tuple[int, int] = (0, 0)

    # -- what is shown -----------------------------------------------------------------------

    @property
    def current(self) -> Article | None:
        """The article under the cursor, if any."""
        if not self._articles or not 0 <= self.cursor_row < len(self._articles):
            return None
        return self._articles[self.cursor_row]

    @property
    def articles(self) -> list[Article]:
        """The loaded rows' articles, in order."""
        return list(self._articles)

    @property
    def position(self) -> tuple[int, int]:
        """The cursor's place in the whole list (from 1) and the list's length."""
        return (self._base + self.cursor_row + 1 if self._articles else 0), self._total

    @property
    def selected(self) -> list[Article]:
        """The selected articles that are loaded, in list order."""
        return [a for a in self._articles if a.id in self._selected]

    def neighbour(self, step: int, unread: bool = False) -> Article | None:
        """The loaded article `step` rows away (the next unread one with `unread`)."""
        row = self.cursor_row + step
        while 0 <= row < len(self._articles):
            if not unread or not self._articles[row].read:
                return self._articles[row]
            row += step
        return None

    def go_to(self, article_id: str) -> None:
        """Put the cursor on an article if it is loaded."""
        for row, article in enumerate(self._articles):
            if article.id == article_id:
                self.move_cursor(row=row, scroll=True)
                return

    # -- filling -------------------------------------------------------------------------------

    def show(self, articles: list[Article], total: int, *, base: int = 0,
             keep: str | None = None, cursor: int | None = None) -> None:
        """Replace the rows; the cursor stays on `keep` if still there, else goes to `cursor`
        (a position in the whole list) or the top."""
        old_row = self.cursor_row
        unchanged = articles == self._articles and base == self._base
        self._articles = list(articles)
        self._base = base
        self._total = total
        self._asked = False
        ids = {a.id for a in self._articles}
        self._selected &= ids
        row = next((r for r, a in enumerate(self._articles) if a.id == keep), None)
        if row is None:
            row = (cursor - base) if cursor is not None else (old_row if keep else 0)
        if unchanged and self._articles:
            # The same rows (a reload that found nothing new): move, but draw nothing anew.
            self.move_cursor(row=max(0, min(row, len(self._articles) - 1)), scroll=True)
            return
        self._rebuild(cursor=row)

    def extend(self, articles: list[Article], offset: int) -> None:
        """Add the rows from `offset`: after the loaded ones, or before them (scrolling up)."""
        self._asked = False
        if offset == self._base + len(self._articles):
            start = len(self._articles)
            self._articles += articles
            for row, article in enumerate(articles, start):
                self._add(article, row)
            self._retry_unread()
        elif offset + len(articles) == self._base:
            keep = self.current.id if self.current else None
            self.show(articles + self._articles, self._total, base=offset, keep=keep)

    def update_article(self, article: Article) -> None:
        """Redraw one article's row after its marks, tags or title changed."""
        for row, old in enumerate(self._articles):
            if old.id == article.id:
                # Listing rows carry no body; keep it that way to hold memory down.
                self._articles[row] = article.with_state(body="")
                self.update_cell(article.id, "marks", marks(article, article.id in self._selected))
                self.update_cell(article.id, "title", self._headline(article))

    def remove_article(self, article_id: str) -> bool:
        """Drop a deleted article's row; False if it had none."""
        for row, old in enumerate(self._articles):
            if old.id == article_id:
                del self._articles[row]
                self._total = max(0, self._total - 1)
                self._selected.discard(article_id)
                self.remove_row(article_id)
                return True
        return False

    def on_resize(self) -> None:
        if self._column_widths() != self._widths:
            self._rebuild(cursor=self.cursor_row)

    def _column_widths(self) -> tuple[int, int]:
        # The headline takes what the other columns leave; the scrollbar's gutter is kept
        # (app.tcss), so rows arriving never narrow the table and cut the dates. At 80
        # columns the outlet (0: no column) makes way: a headline cut at 25 cells says little.
        width = self.scrollable_content_region.width or self.size.width
        fixed = MARKS_WIDTH + DATE_WIDTH + 3 * PADDING
        outlet = 16 if width >= 80 else 10
        headline = width - fixed - outlet - PADDING
        if headline < HEADLINE_MIN:
            outlet, headline = 0, width - fixed
        return max(16, headline), outlet

    def _rebuild(self, cursor: int) -> None:
        self._widths = self._column_widths()
        headline, outlet = self._widths
        self.clear(columns=True)
        self.add_column("", width=MARKS_WIDTH, key="marks")
        self.add_column("Headline", width=headline, key="title")
        if outlet:
            self.add_column("Outlet", width=outlet, key="outlet")
        self.add_column("Date", width=DATE_WIDTH, key="date")
        for row, article in enumerate(self._articles):
            self._add(article, row)
        if self._articles:
            self.move_cursor(row=max(0, min(cursor, len(self._articles) - 1)), scroll=True)

    def _add(self, article: Article, row: int) -> None:
        width = self._widths[1]
        outlet = [Text(_cut(article.outlet, width), style="dim")] if width else []
        self.add_row(
            marks(article, article.id in self._selected),
            self._headline(article),
            *outlet,
            Text(published_day(article, "undated"), style="dim"),
            key=article.id,
        )

    def _headline(self, article: Article) -> Text:
        return Text(_cut(article.title, self._widths[0]), style="" if article.read else "bold")

    # -- moving --------------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self._asked or event.cursor_row != self.cursor_row:
            return  # asked already, or the cursor moved on since (a rebuild passes row 0)
        loaded_end = self._base + len(self._articles)
        if event.cursor_row >= len(self._articles) - MORE_AT and loaded_end < self._total:
            self._asked = True
            self.post_message(self.Wanted(loaded_end))
        elif event.cursor_row < MORE_AT and self._base > 0:
            self._asked = True
            self.post_message(self.Wanted(max(0, self._base - PAGE)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        article = self.current
        if article is not None:
            self.post_message(self.Opened(article))

    def action_first(self) -> None:
        if self._base == 0:
            self.move_cursor(row=0, scroll=True)
        else:
            self.post_message(self.Wanted(0, cursor=0))

    def action_last(self) -> None:
        if self._base + len(self._articles) >= self._total:
            self.move_cursor(row=len(self._articles) - 1, scroll=True)
        else:
            last = self._total - 1
            self.post_message(self.Wanted(max(0, self._total - PAGE), cursor=last))

    def action_next_unread(self) -> None:
        self._to_unread(1)

    def action_previous_unread(self) -> None:
        self._to_unread(-1)

    def _to_unread(self, step: int) -> None:
        found = self.neighbour(step, unread=True)
        if found is not None:
            self.go_to(found.id)
        elif step > 0 and self._base + len(self._articles) < self._total:
            self._pending_unread = step  # look again when the next page arrives
            self.move_cursor(row=len(self._articles) - 1, scroll=True)
        else:
            self.notify("No unread article " + ("below." if step > 0 else "above."),
                        timeout=2)

    def _retry_unread(self) -> None:
        if self._pending_unread:
            step, self._pending_unread = self._pending_unread, 0
            self._to_unread(step)

    def action_select(self) -> None:
        article = self.current
        if article is None:
            return
        self._selected ^= {article.id}
        self.update_article(article)
        self.action_cursor_down()

    def action_unselect_all(self) -> None:
        chosen = self.selected
        self._selected.clear()
        for article in chosen:
            self.update_article(article)


def _cut(text: str, width: int) -> str:
    text = visible_line(text)  # store text reaches the terminal here: no control characters
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"
