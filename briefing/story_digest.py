"""A story in a few lines: its key point and a short summary from all its articles.

Summaries are kept in the library with a mark of what they were made from (the summarizer's
code and the text of the story's articles), so listing the same stories again costs nothing,
and a story that gains an article, or whose article is corrected, is summarized afresh.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.provenance import published_span
from briefing.story_pool import SENTENCES, summarize_stories, warm_up
from index.library import Library
from index.models import Article, published_text
from index.stories import Story
from index.story_store import Summary


@dataclass(frozen=True, slots=True)
class Digest:
    """A story with what happened (the key point) and what the summary adds to it."""

    story: Story
    key_point: str
    summary: tuple[str, ...]
    dates: tuple[str | None, str | None]  # first and last, as the pages said them
    days: str  # the days its articles were published, to read ("date unknown" if none says)

    def to_json(self) -> dict[str, Any]:
        """The `stories --json` object of this story."""
        s = self.story
        return {
            "id": s.id,
            "title": s.title,
            "articles": list(s.article_ids),
            "outlets": list(s.outlets),
            "first": self.dates[0],
            "last": self.dates[1],
            "key_point": self.key_point,
            "summary": list(self.summary),
            "new": s.new,
            "updated": s.updated,
        }


def digests(library: Library, stories: Sequence[Story], sentences: int = SENTENCES
            ) -> list[Digest]:
    """Digests of these stories, in their order: the key point and up to `sentences` - 1
    more. Kept summaries are used where they were made from the same articles' text."""
    warm_up(len(stories) - len(library.summarized_stories([s.id for s in stories], sentences)))
    loaded = {a.id: a for a in library.get_many(
        sorted({i for story in stories for i in story.article_ids}))}
    members = {story.id: _members(story, loaded) for story in stories}
    marks = {story_id: made_from(articles) for story_id, articles in members.items()}
    kept = library.story_summaries(marks)
    todo = [story.id for story in stories
            if story.id not in kept or kept[story.id].asked < sentences]
    summaries = summarize_stories(
        [[(a.title, a.body) for a in members[story_id]] for story_id in todo], sentences)
    made = {story_id: Summary(marks[story_id], sentences, texts)
            for story_id, texts in zip(todo, summaries, strict=True)}
    found = []
    for story in stories:
        summary = made.get(story.id) or kept[story.id]
        texts = summary.sentences[:sentences]
        dated = [loaded[i] for i in story.article_ids if i in loaded]
        found.append(Digest(story, texts[0] if texts else "", texts[1:],
                            _dates(story, loaded), published_span(dated)))
    if made:
        library.keep_story_summaries(made)
    return found


def _dates(story: Story, loaded: dict[str, Article]) -> tuple[str | None, str | None]:
    """The story's first and last dates as its articles' pages gave them: a day-only date
    stays a day (Story.first is its midnight, for sorting). The day an undated article was
    added is no date of the story: with no dated article, both are None."""
    members = [loaded[i] for i in story.article_ids if i in loaded]
    dated = sorted((a for a in members if a.published), key=lambda a: a.date)
    if not members:  # deleted since the grouping
        return _iso(story.first), _iso(story.last)
    if not dated:
        return None, None
    return _date_text(dated[0]), _date_text(dated[-1])


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _date_text(article: Article) -> str | None:
    return published_text(article.published, article.published_precision)


def _members(story: Story, loaded: dict[str, Article]) -> list[Article]:
    """The story's articles, linked copies left out (they repeat their original)."""
    return [loaded[i] for i in story.article_ids if i in loaded
            and (loaded[i].duplicate_of is None or loaded[i].duplicate_of not in story.article_ids)]


def made_from(articles: Sequence[Article]) -> str:
    """A mark of what a summary of these articles is made from: the summarizer's code, and
    each article's id, headline and body."""
    mark = hashlib.blake2b(summarizer_mark(), digest_size=16)
    for article in articles:
        for part in (article.id, article.title, article.body):
            mark.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return mark.hexdigest()


@functools.cache
def summarizer_mark() -> bytes:
    """The summarizers' source and this module's: a changed summarizer makes new summaries."""
    here = Path(__file__).parent
    files = [*sorted((here / "summarizers").glob("*.py")), Path(__file__)]
    mark = hashlib.blake2b(digest_size=16)
    for path in files:
        mark.update(path.read_bytes())
    return mark.digest()
