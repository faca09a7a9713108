"""Stories: the articles that report one event, grouped, with what a briefing needs of them."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from index.models import Article
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
    first: datetime  # earliest Article.date of its members
    last: datetime  # latest
    score: float  # importance: higher first
    new: bool  # no earlier briefing covered it
    updated: bool  # an earlier briefing covered it, but not all its articles


def group(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indexes of `articles` grouped by the event they report (see story_group)."""
    if not articles:
        return []
    return average_link(vectorize(articles).similarity(), threshold=threshold)


def build_stories(
    roots: Sequence[Article], copies: Mapping[str, Sequence[Article]]
) -> list[Story]:
    """The stories of these root articles (copies listed under their root), most important
    first. Recency counts from the newest article of the selection, so a selection ranks the
    same whenever it is asked for."""
    if not roots:
        return []
    now = max(_utc(a.date) for a in roots)
    stories = [
        make_story([roots[i] for i in members], copies, now) for members in group(roots)
    ]
    return sorted(stories, key=lambda s: (-s.score, s.id))


def make_story(
    members: Sequence[Article], copies: Mapping[str, Sequence[Article]], now: datetime
) -> Story:
    """One Story from its root articles and their copies."""
    everyone = [c for a in members for c in (a, *copies.get(a.id, ()))]
    lead = representative(members, copies)
    ordered = [lead, *sorted((a for a in everyone if a.id != lead.id), key=_by_date)]
    outlets = outlet_ranking(everyone)
    dates = [_utc(a.date) for a in everyone]
    return Story(
        id=story_id(min(members, key=_by_date).id),
        title=lead.title,
        article_ids=tuple(a.id for a in ordered),
        outlets=outlets,
        first=min(dates),
        last=max(dates),
        score=importance(len(everyone), len(outlets), max(dates), now),
        new=True,
        updated=False,
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


def importance(articles: int, outlets: int, last: datetime, now: datetime) -> float:
    """More outlets and articles weigh up, age weighs down (half as much every HALF_LIFE)."""
    age = max((now - last).total_seconds(), 0.0) / HALF_LIFE.total_seconds()
    return (outlets + math.log1p(articles)) * 0.5**age


def story_id(first_article: str) -> str:
    """A story's id, from the id of the article that started it."""
    return "s" + hashlib.blake2b(first_article.encode(), digest_size=6).hexdigest()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _by_date(article: Article) -> tuple[datetime, str]:
    return (_utc(article.date), article.id)
