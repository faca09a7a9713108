"""A Briefing: selected articles summarized, cited and grouped into sections, ready to render."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefing.select import Selection
from briefing.summarizers import DEFAULT_ALGORITHM, key_points, summarize
from index.models import Article

KEY_POINTS = 8
OTHER = "Other"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Entry:
    """One story in a section; `ref` is its number in the sources list."""

    ref: int
    id: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    tags: tuple[str, ...]
    summary: tuple[str, ...]
    also_reported_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A sentence of the multi-article summary and the source it was copied from."""

    text: str
    ref: int


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (a tag or a saved search) and its stories."""

    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a template needs; `sources` lists every entry in reference order."""

    title: str
    date: str
    criteria: tuple[tuple[str, str], ...]
    article_count: int
    outlet_count: int
    key_points: tuple[KeyPoint, ...]
    sections: tuple[Section, ...]
    sources: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Options:
    """How to compose: title, grouping and summary settings."""

    title: str | None = None
    sections: str = "tags"  # "tags" or "searches"
    sentences: int = 3
    algorithm: str = DEFAULT_ALGORITHM


def format_day(moment: datetime) -> str:
    """"21 November 2026", whatever the process locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def compose(
    articles: Sequence[Article],
    selection: Selection,
    *,
    copies: Mapping[str, Sequence[Article]],
    members: Mapping[str, set[str]],
    options: Options | None = None,
    today: datetime | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Summarize and group `articles` (already selected and ordered). `copies` maps an article
    id to its linked duplicates; `members` maps saved-search names to the ids they find."""
    options = options or Options()
    day = format_day(today or datetime.now(UTC))
    groups = _group(articles, selection, members, options.sections)
    summaries = _summaries(articles, options, progress)
    sections, refs = _sections(groups, summaries, copies)
    if progress:
        progress("key points", 0, 1)
    triples = [(a.id, a.title, a.body) for a in articles]
    points = key_points(triples, sentences=KEY_POINTS)
    if progress:
        progress("key points", 1, 1)
    outlets = {a.outlet for a in articles} | {c.outlet for v in copies.values() for c in v}
    return Briefing(
        title=options.title or f"Briefing \u2014 {day}",
        date=day,
        criteria=describe(selection),
        article_count=len(articles),
        outlet_count=len(outlets - {""}),
        key_points=tuple(KeyPoint(text, refs[aid]) for text, aid in points),
        sections=sections,
        sources=tuple(sorted((e for s in sections for e in s.entries), key=lambda e: e.ref)),
    )


def describe(selection: Selection) -> tuple[tuple[str, str], ...]:
    """The selection as (label, value) lines for the heading."""
    lines: list[tuple[str, str]] = []
    if selection.query.strip():
        lines.append(("Query", selection.query.strip()))
    if selection.searches:
        lines.append(("Saved searches", ", ".join(f"@{s.lstrip('@')}" for s in selection.searches)))
    if selection.since is not None:
        since = selection.since.astimezone(UTC)
        lines.append(("Period", f"since {format_day(since)}, {since:%H:%M} UTC"))
    if selection.tags:
        lines.append(("Tags", ", ".join(selection.tags)))
    if selection.ids:
        lines.append(("Chosen", f"{len(selection.ids)} articles by id"))
    if selection.basket:
        lines.append(("Basket", "articles in the briefing basket"))
    return tuple(lines)


def _summaries(
    articles: Sequence[Article], options: Options, progress: Progress | None
) -> dict[str, tuple[str, ...]]:
    done: dict[str, tuple[str, ...]] = {}
    for number, article in enumerate(articles, 1):
        done[article.id] = tuple(
            summarize(article.body, title=article.title, sentences=options.sentences,
                      algorithm=options.algorithm)
        )
        if progress:
            progress("summarizing", number, len(articles))
    return done


def _group(
    articles: Sequence[Article], selection: Selection, members: Mapping[str, set[str]], mode: str
) -> dict[str, list[Article]]:
    """Section title -> articles, sections in display order, "Other" last.

    By tags, an article goes under the first of the asked-for tags (--tag, in the order
    given) that it carries, else under its alphabetically first tag. By searches, under the
    first saved search (in the order given) that finds it. Either way it appears once.
    """
    order = list(members) if mode == "searches" else [t.lower() for t in selection.tags]
    groups: dict[str, list[Article]] = {}
    for article in articles:
        key = _search_key(article, members) if mode == "searches" else _tag_key(article, order)
        groups.setdefault(key, []).append(article)
    def rank(key: str) -> tuple[bool, int, str]:
        return key == "", order.index(key) if key in order else len(order), key

    ranked = sorted(groups, key=rank)
    titles = [_section_title(k, mode) for k in ranked]
    return {title: groups[key] for title, key in zip(titles, ranked, strict=True)}


def _tag_key(article: Article, preferred: list[str]) -> str:
    fallback = article.tags[0] if article.tags else ""
    return next((t for t in preferred if t in article.tags), fallback)


def _search_key(article: Article, members: Mapping[str, set[str]]) -> str:
    return next((name for name, ids in members.items() if article.id in ids), "")


def _section_title(key: str, mode: str) -> str:
    if not key:
        return OTHER
    if mode == "searches":
        return f"@{key.lstrip('@')}"
    return "-".join(part[:1].upper() + part[1:] for part in key.split("-"))


def _sections(
    groups: dict[str, list[Article]],
    summaries: Mapping[str, tuple[str, ...]],
    copies: Mapping[str, Sequence[Article]],
) -> tuple[tuple[Section, ...], dict[str, int]]:
    """Sections with their entries numbered in reading order; also id -> reference number."""
    refs: dict[str, int] = {}
    sections = []
    for title, members in groups.items():
        entries = []
        for article in members:
            refs[article.id] = len(refs) + 1
            entries.append(_entry(article, refs[article.id], summaries[article.id],
                                  copies.get(article.id, ())))
        sections.append(Section(title, tuple(entries)))
    return tuple(sections), refs


def _entry(article: Article, ref: int, summary: tuple[str, ...],
           copies: Sequence[Article]) -> Entry:
    others = {c.outlet or Path(c.origin).name or c.id for c in copies} - {article.outlet}
    return Entry(
        ref=ref,
        id=article.id,
        title=" ".join(article.title.split()),
        outlet=article.outlet,
        author=article.author,
        date=_article_date(article),
        url=article.url,
        tags=article.tags,
        summary=summary,
        also_reported_by=tuple(sorted(others)),
    )


def _article_date(article: Article) -> str:
    if article.published is None:
        return f"added {format_day(article.added.astimezone(UTC))}"
    published = article.published.astimezone(UTC)
    return f"{format_day(published)}, {published:%H:%M} UTC"
