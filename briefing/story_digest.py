"""A story in a few lines: its key point and a short summary from all its articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefing.summarizers import summarize_story
from index.library import Library
from index.stories import Story

SENTENCES = 3  # the key point and two more


@dataclass(frozen=True, slots=True)
class Digest:
    """A story with what happened (the key point) and what the summary adds to it."""

    story: Story
    key_point: str
    summary: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The `stories --json` object of this story."""
        s = self.story
        return {
            "id": s.id,
            "title": s.title,
            "articles": list(s.article_ids),
            "outlets": list(s.outlets),
            "first": s.first.isoformat(),
            "last": s.last.isoformat(),
            "key_point": self.key_point,
            "summary": list(self.summary),
            "new": s.new,
            "updated": s.updated,
        }


def digest(library: Library, story: Story, sentences: int = SENTENCES) -> Digest:
    """The key point and summary of one story, from its articles (linked copies left out:
    they repeat their original)."""
    articles = [a for a in library.get_many(list(story.article_ids))
                if a.duplicate_of is None or a.duplicate_of not in story.article_ids]
    picked = summarize_story([(a.title, a.body) for a in articles], sentences=sentences)
    texts = [" ".join(p.text.split()) for p in picked]
    return Digest(story, texts[0] if texts else "", tuple(texts[1:]))


def digests(library: Library, stories: Sequence[Story]) -> list[Digest]:
    """Digests of these stories, in their order."""
    return [digest(library, story) for story in stories]
