"""Placing articles into stored stories: a new article joins a story of its days, or starts one.

The same grouping (story_group.average_link, same rules) decides, with the stories stored
around the new articles' dates as fixed groups: they take in new articles but never merge.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

from index import story_features, story_store
from index.ingest import normalize_tags
from index.models import Article, utcnow
from index.store import Store
from index.stories import Signals, Story, build_stories
from index.story_group import THRESHOLD, average_link

WINDOW = timedelta(days=7)  # a story takes in articles this long after (or before) its own
BATCH = 1000  # new articles grouped at a time: memory grows with the square
CONTEXT = 2000  # most stored articles compared with one batch


def stories_of(
    store: Store, ids: Sequence[str], *, only_new: bool = False, tags: Iterable[str] = ()
) -> list[Story]:
    """Library.stories: the stories of these articles, placing those not yet in one."""
    found = store.get_many(list(dict.fromkeys(ids)), bodies=False)
    wanted = sorted({a.duplicate_of or a.id for a in found})
    roots = _roots(store, found, wanted)
    placed = place(store, roots)
    groups: dict[str, list[Article]] = {}
    for article in roots:
        groups.setdefault(placed[article.id], []).append(article)
    # a story is not new if a briefing covered any of its members, selected or not
    members = story_store.members(store, list(groups))
    earlier = story_store.briefed(store, [i for ids in members.values() for i in ids])
    signals = Signals(
        briefed=frozenset(earlier), only_new=only_new,
        covered=frozenset(s for s, ids in members.items() if earlier.intersection(ids)),
        tags=frozenset(normalize_tags(tags)),
    )
    return build_stories(groups, store.copies_of(wanted), signals)


def companions(store: Store, article_id: str) -> list[Article]:
    """The other articles of an article's story (its own copies left out), oldest first."""
    article = store.get(article_id)
    root = article.duplicate_of or article.id
    roots = _roots(store, [article], [root])
    if not roots:
        return []
    story = place(store, roots)[root]
    others = [i for i in story_store.members(store, [story]).get(story, []) if i != root]
    return sorted(store.get_many(others, bodies=False), key=_by_date)


def _roots(store: Store, read: Sequence[Article], wanted: Sequence[str]) -> list[Article]:
    """The wanted roots, in that order (unknown ids left out): those among the articles
    already read are not read again."""
    known = {a.id: a for a in read if a.duplicate_of is None}
    known.update((a.id, a) for a in store.get_many(
        [i for i in wanted if i not in known], bodies=False))
    return [known[i] for i in wanted if i in known]


def place(store: Store, roots: Sequence[Article]) -> dict[str, str]:
    """The story id of each of these articles (roots, not copies), placing those that have
    none yet and storing where they went."""
    placed = story_store.membership(store, [a.id for a in roots])
    waiting = sorted((a for a in roots if a.id not in placed), key=_by_date)
    if waiting:
        # Their neighbours in time go first, so that where an article lands does not
        # depend on which of a day's articles someone happened to ask about first.
        dates = [_utc(a.date) for a in waiting]
        nearby = story_store.unplaced_between(store, min(dates) - WINDOW, max(dates) + WINDOW,
                                              BATCH)
        mine = {a.id for a in waiting}
        waiting = sorted([*waiting, *store.get_many([i for i in nearby if i not in mine],
                                                    bodies=False)], key=_by_date)
    for start in range(0, len(waiting), BATCH):
        placed.update(_place_batch(store, waiting[start : start + BATCH]))
    return placed


def _place_batch(store: Store, new: list[Article]) -> dict[str, str]:
    """Group these articles with the stored stories of their days (those stories fixed),
    comparing each new article with the stories (and a candidate story's members with each
    other, for the cohesion test), not every story with every other."""
    if not new:
        return {}
    dates = [_utc(a.date) for a in new]
    context = _context(store, story_store.stories_between(store, min(dates) - WINDOW,
                                                          max(dates) + WINDOW))
    old = [i for ids in context.values() for i in ids]
    found = story_features.features(store, [*old, *(a.id for a in new)])
    fresh = list(range(len(old), len(found)))
    cross = story_features.similarity_to(found, fresh)  # new x (old + new)
    stories, fixed = _candidates(context, cross[:, : len(old)])
    keep = [i for group in fixed for i in group] + fresh
    similarity = np.zeros((len(keep), len(keep)), dtype=np.float32)
    similarity[len(keep) - len(new):, :] = cross[:, keep]
    similarity[:, len(keep) - len(new):] = cross[:, keep].T
    stored = keep[: len(keep) - len(new)]
    if stored:  # the candidates' own members, for the grouping's cohesion test
        similarity[: len(stored), : len(stored)] = (
            story_features.similarity_to(found, stored)[:, stored])
    groups = average_link(similarity, fixed=[list(range(*span)) for span in _spans(fixed)])
    return _store(store, groups, stories, new, len(keep) - len(new))


def _candidates(context: dict[str, list[str]], cross: np.ndarray
                ) -> tuple[list[str], list[list[int]]]:
    """The stored stories a new article could join, and their members' columns. A story
    takes in a group of new articles when their average similarity reaches the threshold,
    so only a story that some new article alone is that alike on average can: the others are
    left out of the grouping, which then gives what it would with them."""
    stories: list[str] = []
    fixed: list[list[int]] = []
    offset = 0
    for story, ids in context.items():
        columns = list(range(offset, offset + len(ids)))
        offset += len(ids)
        # (a hair below the threshold: the grouping sums in another order)
        if cross[:, columns].mean(axis=1, dtype=np.float64).max() >= THRESHOLD - 1e-4:
            stories.append(story)
            fixed.append(columns)
    return stories, fixed


def _spans(fixed: list[list[int]]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for group in fixed:
        spans.append((start, start + len(group)))
        start += len(group)
    return spans


def _store(store: Store, groups: list[list[int]], stories: list[str], new: list[Article],
           old: int) -> dict[str, str]:
    """Store where the new articles went (group k < len(stories) is stored story k)."""
    assignments: dict[str, str] = {}
    stamp = utcnow().isoformat()
    for k, group in enumerate(groups):
        joined = [new[i - old] for i in group if i >= old]
        if not joined:
            continue
        story = stories[k] if k < len(stories) else new_story_id(joined[0].id, stamp)
        assignments.update((a.id, story) for a in joined)
    story_store.join(store, assignments)
    # another process may have placed some meanwhile: read back what holds
    return story_store.membership(store, list(assignments))


def _context(store: Store, stories: list[str]) -> dict[str, list[str]]:
    """Stored members of these stories, the most recent stories first, up to CONTEXT."""
    members = story_store.members(store, stories)
    loaded = {a.id: a for a in store.get_many([i for ids in members.values() for i in ids],
                                              bodies=False)}
    context: dict[str, list[str]] = {}
    total = 0
    for story, ids in sorted(members.items(), key=lambda kv: _latest(kv[1], loaded),
                             reverse=True):
        found = [i for i in ids if i in loaded]
        if found and total + len(found) <= CONTEXT:
            context[story] = found
            total += len(found)
    return context


def _latest(ids: list[str], loaded: dict[str, Article]) -> datetime:
    dates = [_utc(loaded[i].date) for i in ids if i in loaded]
    return max(dates, default=datetime.min.replace(tzinfo=UTC))


def new_story_id(first_article: str, stamp: str) -> str:
    """A new story's id: from the article that starts it and the time (an article deleted
    and added again starts a story of its own, not its old one)."""
    return "s" + hashlib.blake2b(f"{first_article} {stamp}".encode(), digest_size=6).hexdigest()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _by_date(article: Article) -> tuple[datetime, str]:
    return (_utc(article.date), article.id)
