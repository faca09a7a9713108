"""The article list: one row per article with its marks, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from index.models import Article
from index.textsafe import visible_line

PAGE = 300  # rows per page: enough to scroll through, few enough to draw at once
MORE_AT = 30  # load the next page when the cursor comes this close to the end
DATE_FORMATS = {10: "%Y-%m-%d", 6: "%d %b"}  # wide, and narrow enough for 80 columns
MARKS_WIDTH = 4


def marks(article: Article) -> Text:
    """Unread, starred, basket and duplicate marks, always four cells wide."""
    text = Text()
    text.append("●" if not article.read else " ", style="bold #3fa9f5")
    text.append("★" if article.starred else " ", style="bold #f5c211")
    text.append("▣" if article.in_basket else " ", style="bold #4ebf71")
    text.append("≈" if article.duplicate_of else " ", style="#b07fe0")
    return text


class ArticleList(DataTable[Text]):
    """Headline, outlet and date of a page of articles; Enter or `l` opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("l", "select_cursor", "Open", show=False),
    ]

    @dataclass
    class Opened(Message):
        """The user opened an article."""

        article: Article

    @dataclass
    class NeedMore(Message):
        """The cursor neared the last loaded row and more articles exist."""

        offset: int

    generation: reactive[int] = reactive(0, init=False)
    """Bumped each time a fresh set of rows is shown (tests and the benchmark wait on it)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_header=True)
        self._articles: list[Article] = []
        self._total = 0
        self._asked_more = False
        self._widths: tuple[int, int, int] = (0, 0, 10)

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

    def show(self, articles: list[Article], total: int) -> None:
        """Replace the rows (a new view or search); the cursor goes to the top."""
        self._articles = list(articles)
        self._total = total
        self._asked_more = False
        self._rebuild(cursor=0)
        self.generation += 1

    def extend(self, articles: list[Article]) -> None:
        """Append the next page."""
        self._asked_more = False
        start = len(self._articles)
        self._articles += articles
        for offset, article in enumerate(articles, start):
            self._add(article, offset)

    def update_article(self, article: Article) -> None:
        """Redraw one article's row after its marks or tags changed."""
        for row, old in enumerate(self._articles):
            if old.id == article.id:
                # Listing rows carry no body; keep it that way to hold memory down.
                self._articles[row] = article.with_state(body="")
                self.update_cell(article.id, "marks", marks(article))

    def on_resize(self) -> None:
        if self._column_widths() != self._widths:
            self._rebuild(cursor=self.cursor_row)

    def _column_widths(self) -> tuple[int, int, int]:
        # Headline takes what the marks, outlet and date columns leave (2 cells padding each).
        width = self.scrollable_content_region.width or self.size.width
        outlet, date = (16, 10) if width >= 80 else (12, 6)
        headline = max(16, width - MARKS_WIDTH - outlet - date - 8)
        return headline, outlet, date

    def _rebuild(self, cursor: int) -> None:
        self._widths = self._column_widths()
        headline, outlet, date = self._widths
        self.clear(columns=True)
        self.add_column("", width=MARKS_WIDTH, key="marks")
        self.add_column("Headline", width=headline, key="title")
        self.add_column("Outlet", width=outlet, key="outlet")
        self.add_column("Date", width=date, key="date")
        for row, article in enumerate(self._articles):
            self._add(article, row)
        if self._articles:
            self.move_cursor(row=min(cursor, len(self._articles) - 1), scroll=True)

    def _add(self, article: Article, row: int) -> None:
        headline, outlet, date = self._widths
        style = "" if article.read else "bold"
        self.add_row(
            marks(article),
            Text(_cut(article.title, headline), style=style),
            Text(_cut(article.outlet, outlet), style="dim"),
            Text(article.date.strftime(DATE_FORMATS[date]), style="dim"),
            key=article.id,
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= len(self._articles) - MORE_AT
        if near_end and len(self._articles) < self._total and not self._asked_more:
            self._asked_more = True
            self.post_message(self.NeedMore(len(self._articles)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        article = self.current
        if article is not None:
            self.post_message(self.Opened(article))


def _cut(text: str, width: int) -> str:
    text = visible_line(text)  # store text reaches the terminal here: no control characters
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"
