"""A Briefing: the selected articles' stories summarized, cited and grouped into sections."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from briefing.provenance import (
    UNDATED,
    Source,
    format_day,
    headline,
    outlet_count,
    published_span,
    source,
)
from briefing.registry import Sections
from briefing.select import Selection
from briefing.story_text import Cited, Ledger, Memo, story_sentences
from briefing.summarizers import DEFAULT_ALGORITHM
from index.models import UNTITLED, Article, format_published
from index.stories import Story

KEY_POINTS = 8
# Stories told in full (headline, outlets, a cited summary); the others get one line each with
# their citations, as a professional brief does: 300 articles make a few pages, not fifty.
TOP_STORIES = 12
OTHER = "Other"

Progress = Callable[[str, int, int], None]

__all__ = ["Briefing", "Cited", "KeyPoint", "Options", "Section", "Source", "StoryEntry",
           "compose", "describe", "format_day"]


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A top story's "what happened" sentence, cited to the articles that print it."""

    text: str
    refs: tuple[int, ...]
    updated: bool


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One story in a section: what a reader sees under its headline."""

    title: str
    outlets: tuple[str, ...]
    dates: str
    updated: bool
    summary: tuple[Cited, ...]  # adds to the key point; opens with it if it is not one
    refs: tuple[int, ...]  # every article of the story


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (a tag or a saved search): its top stories in full, then the others in one
    line each, both most important first."""

    title: str
    stories: tuple[StoryEntry, ...]
    briefly: tuple[StoryEntry, ...] = ()  # one line each: no summary


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a template needs; `sources` lists every cited article in reference order."""

    title: str
    date: str
    criteria: tuple[tuple[str, str], ...]
    article_count: int
    outlet_count: int
    story_count: int
    key_points: tuple[KeyPoint, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Options:
    """How to compose: title, grouping and summary settings."""

    title: str | None = None
    sections: Sections = "tags"
    sentences: int = 3
    algorithm: str = DEFAULT_ALGORITHM
    top: int = TOP_STORIES  # stories told in full


def compose(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    selection: Selection,
    *,
    members: Mapping[str, set[str]],
    options: Options | None = None,
    today: datetime | None = None,
    progress: Progress | None = None,
    memo: Memo | None = None,
) -> Briefing:
    """Summarize and group `stories` (most important first; `articles` holds every member).
    `members` maps saved-search names to the ids they find; `memo` keeps the stories'
    picks between briefings (a story whose articles did not change is not summarized again)."""
    options = options or Options()
    day = format_day(today or datetime.now(UTC))
    groups = _group(stories, articles, selection, members, options.sections)
    refs = _number([s for group in groups.values() for s in group])
    told = _tell(stories[:max(options.top, KEY_POINTS)], articles, refs, options, progress,
                 memo)
    points = [s for s in stories if s.id in told and told[s.id][0] is not None][:KEY_POINTS]
    pointed = {s.id for s in points}
    full = {s.id for s in stories[:options.top]}
    sections = tuple(
        Section(title,
                tuple(_full(s, articles, refs, told[s.id], s.id in pointed)
                      for s in group if s.id in full),
                tuple(_line(s, articles, refs, told.get(s.id)) for s in group
                      if s.id not in full))
        for title, group in groups.items()
    )
    cited = sorted({i for s in stories for i in s.article_ids}, key=refs.__getitem__)
    return Briefing(
        title=options.title or f"Briefing \u2014 {day}",
        date=day,
        criteria=describe(selection, len(cited), [articles[i] for i in cited]),
        article_count=len(cited),
        outlet_count=outlet_count([articles[i] for i in cited]),
        story_count=len(stories),
        key_points=tuple(_key_point(s, articles, refs, told[s.id][0]) for s in points),
        sections=sections,
        sources=tuple(source(articles[i], refs[i]) for i in cited),
    )


Told = tuple[Cited | None, tuple[Cited, ...]]


def _tell(stories: Sequence[Story], articles: Mapping[str, Article], refs: Mapping[str, int],
          options: Options, progress: Progress | None, memo: Memo | None) -> dict[str, Told]:
    """Story id -> its key point and summary, for the stories told in full or in key points."""
    ledger = Ledger()
    told: dict[str, Told] = {}
    for number, story in enumerate(stories, 1):
        members = [articles[i] for i in story.article_ids]
        # below the top stories only the key point is printed: no summary is made for them
        sentences = options.sentences if number <= options.top else 0
        told[story.id] = story_sentences(members, refs, ledger, sentences, options.algorithm,
                                         (memo, story.id) if memo else None)
        if progress:
            progress("summarizing", number, len(stories))
    return told


def describe(selection: Selection, cited: int | None = None,
             briefed: Sequence[Article] = ()) -> tuple[tuple[str, str], ...]:
    """The selection as (label, value) lines for the heading. `cited`: how many articles the
    briefing cites: it differs from the ids given when stories bring in linked copies (or some
    are left out), and the heading says so rather than print two counts that disagree.
    `briefed`: those articles; without a period asked for, the days they were published."""
    lines: list[tuple[str, str]] = []
    if selection.query.strip():
        lines.append(("Query", selection.query.strip()))
    if selection.searches:
        lines.append(("Saved searches", ", ".join(f"@{s.lstrip('@')}" for s in selection.searches)))
    if period := _period(selection, briefed):
        lines.append(("Period", period))
    if selection.tags:
        lines.append(("Tags", ", ".join(selection.tags)))
    if selection.ids:
        lines.append(("Chosen", _chosen(len(set(selection.ids)), cited)))
    if selection.basket:
        lines.append(("Basket", "articles in the briefing basket"))
    return tuple(lines)


def _period(selection: Selection, briefed: Sequence[Article]) -> str:
    """ "since <the time asked for>", else the days the briefed articles were published."""
    if selection.since is not None:
        return f"since {format_published(selection.since.astimezone(UTC))}"
    span = published_span(briefed) if briefed else ""
    return "" if span == UNDATED else span


def _chosen(given: int, cited: int | None) -> str:
    noun = "article" if given == 1 else "articles"
    if cited is None or cited == given:
        return f"{given} {noun} by id"
    if cited > given:
        return f"{given} {noun} by id ({cited} with their linked copies)"
    return f"{given} {noun} by id ({cited} briefed)"


def _number(stories: Sequence[Story]) -> dict[str, int]:
    """Article id -> reference number, in the order the sections show the stories."""
    refs: dict[str, int] = {}
    for story in stories:
        for article_id in story.article_ids:
            refs.setdefault(article_id, len(refs) + 1)
    return refs


def _key_point(story: Story, articles: Mapping[str, Article], refs: Mapping[str, int],
               point: Cited | None) -> KeyPoint:
    """The key point, cited to the articles that report it: those the summarizer found it
    in, and any other member (a copy, an article beyond those read) that prints it."""
    assert point is not None
    printed = {refs[i] for i in story.article_ids
               if point.text in " ".join(articles[i].body.split())}
    return KeyPoint(point.text, tuple(sorted({*point.refs, *printed})), story.updated)


def _full(story: Story, articles: Mapping[str, Article], refs: Mapping[str, int], told: Told,
          is_key_point: bool) -> StoryEntry:
    """A top story: its summary opens with its key point unless the key points have it."""
    point, rest = told
    summary = rest if is_key_point or point is None else (point, *rest)
    return _entry(story, articles, refs, point, summary)


def _entry(story: Story, articles: Mapping[str, Article], refs: Mapping[str, int],
           point: Cited | None, summary: tuple[Cited, ...]) -> StoryEntry:
    return StoryEntry(
        title=_story_title(story, articles, point),
        outlets=story.outlets,
        dates=published_span([articles[i] for i in story.article_ids]),
        updated=story.updated,
        summary=summary,
        refs=tuple(sorted({refs[i] for i in story.article_ids})),
    )


def _line(story: Story, articles: Mapping[str, Article], refs: Mapping[str, int],
          told: Told | None) -> StoryEntry:
    """A story below the top ones: its headline (or its key point's words), no summary."""
    if told is None and not _headline(story, articles):  # its text must name it
        told = story_sentences([articles[i] for i in story.article_ids], refs, Ledger(), 0,
                               DEFAULT_ALGORITHM)  # only its key point, for a title
    return _entry(story, articles, refs, told[0] if told else None, ())


def _headline(story: Story, articles: Mapping[str, Article]) -> str:
    """The story's headline; else another member's; else ""."""
    for title in (story.title, *(headline(articles[i]) for i in story.article_ids)):
        if title and title != UNTITLED:
            return " ".join(title.split())
    return ""


def _story_title(story: Story, articles: Mapping[str, Article], point: Cited | None) -> str:
    """The story's headline; else another member's; else the key point's opening words."""
    if title := _headline(story, articles):
        return title
    words = point.text.split() if point else []
    return " ".join(words[:12]) + ("\u2026" if len(words) > 12 else "")


def _group(
    stories: Sequence[Story], articles: Mapping[str, Article], selection: Selection,
    members: Mapping[str, set[str]], mode: Sections,
) -> dict[str, list[Story]]:
    """Section title -> stories (in importance order). A story goes under the first asked-for
    tag (or saved search) any of its articles carries, else the first tag of its first tagged
    article; sections asked for come first in the order given, then by their most important
    story, "Other" last."""
    order = list(members) if mode == "searches" else [t.lower() for t in selection.tags]
    groups: dict[str, list[Story]] = {}
    for story in stories:
        ids = story.article_ids
        key = (_search_key(ids, members) if mode == "searches"
               else _tag_key([articles[i] for i in ids], order))
        groups.setdefault(key, []).append(story)
    first_seen = {key: n for n, key in enumerate(groups)}

    def rank(key: str) -> tuple[bool, int, int]:
        asked = order.index(key) if key in order else len(order)
        return key == "", asked, first_seen[key]

    return {_section_title(k, mode): groups[k] for k in sorted(groups, key=rank)}


def _tag_key(members: Sequence[Article], preferred: list[str]) -> str:
    tags = {t for a in members for t in a.tags}
    fallback = next((a.tags[0] for a in members if a.tags), "")
    return next((t for t in preferred if t in tags), fallback)


def _search_key(ids: Sequence[str], members: Mapping[str, set[str]]) -> str:
    return next((name for name, found in members.items() if found.intersection(ids)), "")


def _section_title(key: str, mode: str) -> str:
    if not key:
        return OTHER
    if mode == "searches":
        return f"@{key.lstrip('@')}"
    return "-".join(part[:1].upper() + part[1:] for part in key.split("-"))
