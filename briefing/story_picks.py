"""A briefing's story picks kept in the library: the next briefing reuses a story's picks while
its articles (and the summarizer) are the same, and summarizes afresh a story that changed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.story_digest import summarizer_mark
from index.library import Library
from index.models import Article
from index.story_store import Picks


def mark(read: Sequence[Article], titles: Sequence[str], count: int, algorithm: str) -> str:
    """What picks of these articles are made from: the summarizer's code, how many were asked
    for and how, and each article's id, title as summarized, and body."""
    made = hashlib.blake2b(summarizer_mark(), digest_size=16)
    made.update(f"{algorithm} {count}\0".encode())
    for article, title in zip(read, titles, strict=True):
        for part in (article.id, title, article.body):
            made.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return made.hexdigest()


@dataclass(slots=True)
class KeptPicks:
    """Picks read from the library when asked for, and the new ones kept at `save`."""

    library: Library
    made: dict[str, tuple[str, Picks]] = field(default_factory=dict)

    def get(self, story_id: str, made_from: str) -> Picks | None:
        """The kept picks of this story if they were made from the same."""
        return self.library.story_picks({story_id: made_from}).get(story_id)

    def put(self, story_id: str, made_from: str, picks: Picks) -> None:
        """Picks just made, to keep."""
        self.made[story_id] = (made_from, picks)

    def save(self) -> None:
        """Keep the picks made, in one write."""
        if self.made:
            self.library.keep_story_picks(self.made)
            self.made.clear()
