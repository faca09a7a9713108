"""Stories: the articles that report one event, grouped, with what a briefing needs of them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from index.models import Article
from index.story_facts import conflicts, facts
from index.story_group import THRESHOLD, average_link
from index.story_vectors import vectorize

HALF_LIFE = timedelta(days=2)  # a story this much older than the newest weighs half


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event, most representative first."""

    id: str  # stable, stored in the library
    title: str  # headline of its most representative article
    article_ids: tuple[str, ...]  # every member, near-copies included; representative first
    outlets: tuple[str, ...]  # distinct known outlets, most important first
    first: datetime | None  # earliest publication date of its members (None: none says)
    last: datetime | None  # latest; the day an undated article was added is no date of it
    score: float  # importance: higher first
    new: bool  # no earlier briefing covered it
    updated: bool  # an earlier briefing covered it, but not all its articles


def group(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indexes of `articles` grouped by the event they report (see story_group)."""
    if not articles:
        return []
    return average_link(similarity(articles), threshold=threshold)


def similarity(articles: Sequence[Article]) -> np.ndarray:
    """How alike every pair of articles is (story_vectors), except that two reports whose
    leads disagree on every fact (story_facts: place, day, count) are not alike at all."""
    alike = vectorize(articles).similarity()
    alike[conflicts([facts(a) for a in articles], range(len(articles)))] = 0.0
    return alike


@dataclass(frozen=True, slots=True)
class Signals:
    """What else weighs in a story's importance: the user's marks and earlier briefings."""

    briefed: frozenset[str] = frozenset()  # articles an earlier briefing covered
    covered: frozenset[str] = frozenset()  # stories an earlier briefing covered (in part)
    tags: frozenset[str] = frozenset()  # tags the user asked for
    only_new: bool = False  # leave out what earlier briefings covered


def build_stories(
    groups: Mapping[str, Sequence[Article]],
    copies: Mapping[str, Sequence[Article]],
    signals: Signals = Signals(),
) -> list[Story]:
    """Stories from their root articles (story id -> members; copies listed under their
    root), most important first. Recency counts from the newest publication date of the
    selection, so a selection ranks the same whenever it is asked for; a story none of whose
    articles gives a date weighs as the selection's dated stories do on average. With
    `signals.only_new`, a story keeps only the articles no briefing covered, and one with
    none left is dropped."""
    now = _latest([a for members in groups.values() for a in members])
    kept: dict[str, tuple[Sequence[Article], bool]] = {}
    for story_id, members in groups.items():
        seen = story_id in signals.covered or any(a.id in signals.briefed for a in members)
        if signals.only_new:
            members = [a for a in members if a.id not in signals.briefed]
        if members:
            kept[story_id] = (members, seen)
    weights = [recency(last, now) for members, _ in kept.values()
               if (last := _latest(_with_copies(members, copies))) is not None]
    undated = sum(weights) / len(weights) if weights else 1.0
    stories = [make_story(story_id, members, copies, now, signals, seen, undated)
               for story_id, (members, seen) in kept.items()]
    return sorted(stories, key=lambda s: (-s.score, s.id))


def make_story(
    story_id: str,
    members: Sequence[Article],
    copies: Mapping[str, Sequence[Article]],
    now: datetime | None,
    signals: Signals = Signals(),
    seen: bool = False,
    undated: float = 1.0,
) -> Story:
    """One Story from its root articles and their copies; `seen`: a briefing covered some;
    `undated`: its recency weight if none of its articles gives a date."""
    everyone = _with_copies(members, copies)
    lead = representative(members, copies)
    ordered = [lead, *sorted((a for a in everyone if a.id != lead.id), key=_by_date)]
    outlets = outlet_ranking(everyone)
    dates = [_utc(a.published) for a in everyone if a.published is not None]
    last = max(dates, default=None)
    weight = undated if last is None else recency(last, now)
    updated = seen and any(a.id not in signals.briefed for a in members)
    return Story(
        id=story_id,
        title=lead.title,
        article_ids=tuple(a.id for a in ordered),
        outlets=outlets,
        first=min(dates, default=None),
        last=last,
        score=importance(everyone, len(outlets), weight, signals, not seen),
        new=not seen,
        updated=updated,
    )


def representative(
    members: Sequence[Article], copies: Mapping[str, Sequence[Article]]
) -> Article:
    """The member most like the others: the one with the most copies, then the earliest."""
    return min(members, key=lambda a: (-len(copies.get(a.id, ())), _by_date(a)))


def outlet_ranking(articles: Sequence[Article]) -> tuple[str, ...]:
    """Distinct known outlets, those with most articles first, then the earliest to report."""
    seen: dict[str, tuple[int, datetime]] = {}
    for a in sorted(articles, key=_by_date):
        if a.outlet:
            count, first = seen.get(a.outlet, (0, _utc(a.date)))
            seen[a.outlet] = (count + 1, first)
    return tuple(sorted(seen, key=lambda o: (-seen[o][0], seen[o][1], o)))


def importance(
    articles: Sequence[Article], outlets: int, weight: float = 1.0,
    signals: Signals = Signals(), new: bool = True,
) -> float:
    """What an editor weighs: distinct outlets (most), then articles (less with each more);
    one point each for a starred article, one in the basket, a tag asked for, and no earlier
    briefing; all times the story's recency `weight`."""
    base = outlets + math.log1p(len(articles))
    base += any(a.starred for a in articles) + any(a.in_basket for a in articles)
    base += bool(signals.tags and any(set(a.tags) & signals.tags for a in articles))
    base += new
    return float(base * weight)


def recency(last: datetime, now: datetime | None) -> float:
    """1 for a story as new as the newest, halved for every HALF_LIFE it is older."""
    if now is None:
        return 1.0
    age = max((now - last).total_seconds(), 0.0) / HALF_LIFE.total_seconds()
    return float(0.5**age)


def _latest(articles: Sequence[Article]) -> datetime | None:
    """The latest publication date of these articles; None if none gives one."""
    return max((_utc(a.published) for a in articles if a.published is not None), default=None)


def _with_copies(
    members: Sequence[Article], copies: Mapping[str, Sequence[Article]]
) -> list[Article]:
    return [c for a in members for c in (a, *copies.get(a.id, ()))]


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _by_date(article: Article) -> tuple[datetime, str]:
    return (_utc(article.date), article.id)
