"""What the app asks of a screen that shows articles: the one(s) its keys act on."""

from __future__ import annotations

from textual.screen import Screen

from index.models import Article


class ArticleScreen(Screen[None]):
    """A screen about articles: the target of r, s, b, t, o and the other article keys."""

    @property
    def current_article(self) -> Article | None:
        """The article the cursor or the page is on, if any."""
        return None

    @property
    def targets(self) -> list[Article]:
        """The articles an action applies to: the selection if any, else the current one."""
        current = self.current_article
        return [current] if current is not None else []

    def article_changed(self, article: Article) -> None:
        """An article's marks, tags or title were saved: redraw it where it shows."""

    def article_deleted(self, article_id: str) -> None:
        """An article left the library: drop it where it shows."""

    def library_changed(self) -> None:
        """The library changed in ways the screen cannot follow one article at a time (another
        program wrote to it, or a whole view was marked): show it afresh."""
