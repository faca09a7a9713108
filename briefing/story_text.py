"""A story's sentences for a briefing: its key point and a summary, each cited, none twice."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from briefing import story_picks
from briefing.provenance import headline
from briefing.summarizers import summarize, summarize_story
from briefing.summarizers._document import STOP_WORDS
from briefing.summarizers._quality import is_dangling, normalized
from index.models import Article
from index.story_store import Picks

# The articles of a big story that are read for its summary: the lead article and the next
# ones in story order. Every member is still cited for the key point.
MAX_STORY_ARTICLES = 12
# Extra sentences asked for, so that repeats of other stories' sentences can be skipped.
SPARE = 4
# Two sentences sharing this share of their words say the same thing.
SAME_WORDS = 0.8
STORY_ALGORITHMS = ("newsdesk", "story")


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence as an article prints it and the reference numbers of the articles it cites."""

    text: str
    refs: tuple[int, ...]


@dataclass(slots=True)
class Ledger:
    """The sentences a briefing has used so far, so that none is printed twice. Near repeats
    are found through an index of their content words, not by comparing every pair."""

    keys: set[str] = field(default_factory=set)
    sizes: list[int] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)

    def fresh(self, text: str) -> bool:
        """Whether neither this sentence nor one nearly the same has been used."""
        key = normalized(text)
        if key in self.keys:
            return False
        mine = _content(key)
        shared = Counter(n for word in mine for n in self.index.get(word, ()))
        return all(count < SAME_WORDS * min(len(mine), self.sizes[n])
                   for n, count in shared.items())

    def use(self, text: str) -> None:
        """Record a sentence as printed."""
        key = normalized(text)
        self.keys.add(key)
        words = _content(key)
        for word in words:
            self.index.setdefault(word, []).append(len(self.sizes))
        self.sizes.append(len(words))


class Memo(Protocol):
    """Where a story's picks are kept between briefings (briefing.story_picks.KeptPicks)."""

    def get(self, story_id: str, made_from: str) -> Picks | None: ...

    def put(self, story_id: str, made_from: str, picks: Picks) -> None: ...


def story_sentences(
    members: Sequence[Article], refs: Mapping[str, int], ledger: Ledger, sentences: int,
    algorithm: str, memo: tuple[Memo, str] | None = None,
) -> tuple[Cited | None, tuple[Cited, ...]]:
    """The story's key point (its best "what happened" sentence that stands on its own) and
    up to `sentences` more that add to it, all new to the briefing; recorded in `ledger`.
    `memo`: where picks are kept, and the story's id (picks of unchanged articles reused)."""
    count = sentences + 1 + SPARE
    candidates = [c for c in _candidates(members, refs, count, algorithm, memo)
                  if ledger.fresh(c.text)]
    unique: list[Cited] = []
    for candidate in candidates:
        if all(normalized(candidate.text) != normalized(u.text) for u in unique):
            unique.append(candidate)
    if not unique:
        return None, ()
    point = _point(unique, refs[members[0].id])
    rest = tuple(c for c in unique if c is not point)[:sentences]
    for cited in (point, *rest):
        ledger.use(cited.text)
    return point, rest


def _point(candidates: Sequence[Cited], lead: int) -> Cited:
    """The key point: the best sentence that stands on its own, from the story's lead article
    when it has one (the story bears that article's headline, and a key point must tell the
    story its headline names), else from any."""
    standing = [c for c in candidates if not is_dangling(c.text)] or list(candidates)
    return next((c for c in standing if lead in c.refs), standing[0])


def _candidates(
    members: Sequence[Article], refs: Mapping[str, int], count: int, algorithm: str,
    memo: tuple[Memo, str] | None = None,
) -> list[Cited]:
    read = list(members[:MAX_STORY_ARTICLES])
    if algorithm in STORY_ALGORITHMS:
        picked = _story_picks(read, count, algorithm, memo)
        return [Cited(_flat(text), tuple(sorted({refs[read[i].id] for i in articles})))
                for text, articles in picked]
    lead = read[0]
    texts = summarize(lead.body, title=headline(lead), sentences=count, algorithm=algorithm)
    return [Cited(_flat(t), tuple(sorted({refs[a.id] for a in read if t in a.body})))
            for t in texts]


def _story_picks(read: Sequence[Article], count: int, algorithm: str,
                 memo: tuple[Memo, str] | None) -> Picks:
    """The story summarizer's picks of these articles, kept ones when they are the same."""
    titles = [headline(a) for a in read]
    made_from = story_picks.mark(read, titles, count, algorithm) if memo else ""
    if memo and (kept := memo[0].get(memo[1], made_from)) is not None:
        return kept
    picked = tuple((p.text, p.articles) for p in summarize_story(
        list(zip(titles, (a.body for a in read), strict=True)), sentences=count))
    if memo:
        memo[0].put(memo[1], made_from, picked)
    return picked


def _content(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if w not in STOP_WORDS)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
