"""The stored side of stories: which story each article belongs to, and what briefings covered."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from index.models import utcnow
from index.store import Store

CHUNK = 500  # ids per SQL statement (SQLite's variable limit is far above)


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def membership(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """The story id of each of these articles that has one."""
    found: dict[str, str] = {}
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        found.update(store.db.execute(
            f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})",
            chunk,
        ).fetchall())
    return found


def members(store: Store, story_ids: Sequence[str]) -> dict[str, list[str]]:
    """The member articles of each of these stories (only articles still in the library)."""
    found: dict[str, list[str]] = {}
    for chunk in _chunks(story_ids):
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            "SELECT m.story_id, m.article_id FROM story_members m "
            f"JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({marks}) "
            "ORDER BY m.article_id",
            chunk,
        )
        for story, article in rows:
            found.setdefault(story, []).append(article)
    return found


def stories_between(store: Store, start: datetime, end: datetime) -> list[str]:
    """Stories with a member dated in [start, end]: the ones a new article may join."""
    return [r[0] for r in store.db.execute(
        "SELECT DISTINCT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id "
        "WHERE COALESCE(a.published, a.added) BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()),
    )]


def unplaced_between(store: Store, start: datetime, end: datetime, limit: int) -> list[str]:
    """Articles (roots) dated in [start, end] that are in no story yet, oldest first."""
    return [r[0] for r in store.db.execute(
        "SELECT id FROM articles WHERE duplicate_of IS NULL "
        "AND COALESCE(published, added) BETWEEN ? AND ? "
        "AND id NOT IN (SELECT article_id FROM story_members) "
        "ORDER BY COALESCE(published, added), id LIMIT ?",
        (start.isoformat(), end.isoformat(), limit),
    )]


def join(store: Store, assignments: Mapping[str, str]) -> None:
    """Put articles into stories (article id -> story id), in one transaction. An article
    another process placed meanwhile keeps its place."""
    now = utcnow().isoformat()
    with store.transaction() as db:
        db.executemany(
            "INSERT OR IGNORE INTO story_members VALUES (?, ?, ?)",
            [(article, story, now) for article, story in assignments.items()],
        )


def briefed(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Which of these articles an earlier briefing covered."""
    found: set[str] = set()
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in store.db.execute(
            f"SELECT DISTINCT article_id FROM briefed WHERE article_id IN ({marks})", chunk))
    return found


def record_briefing(store: Store, covered: Mapping[str, Sequence[str]]) -> int:
    """Remember that a briefing covered these stories (story id -> its article ids);
    returns the briefing's number."""
    with store.transaction() as db:
        cursor = db.execute("INSERT INTO briefings (written) VALUES (?)", (utcnow().isoformat(),))
        number = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT OR IGNORE INTO briefed VALUES (?, ?, ?)",
            [(number, article, story) for story, ids in covered.items() for article in ids],
        )
    return number


@dataclass(frozen=True, slots=True)
class Summary:
    """Sentences kept for a story: `made_from` marks what they were made from (the summarizer
    and its articles' text), `asked` how many sentences were asked for (fewer may exist)."""

    made_from: str
    asked: int
    sentences: tuple[str, ...]


def summaries(store: Store, made_from: Mapping[str, str]) -> dict[str, Summary]:
    """The kept summaries of these stories (story id -> what it is made from now) that were
    made from the same."""
    found: dict[str, Summary] = {}
    for chunk in _chunks(list(made_from)):
        marks = ",".join("?" * len(chunk))
        for story, mark, asked, sentences in store.db.execute(
            "SELECT story_id, made_from, asked, sentences FROM story_summaries "
            f"WHERE story_id IN ({marks})", chunk,
        ):
            if made_from[story] == mark:
                found[story] = Summary(mark, int(asked), tuple(json.loads(sentences)))
    return found


def summarized(store: Store, story_ids: Sequence[str], asked: int) -> set[str]:
    """Which of these stories have a kept summary of at least `asked` sentences, whatever it
    was made from (a quick look, before the articles are read to tell whether it still fits)."""
    found: set[str] = set()
    for chunk in _chunks(story_ids):
        marks = ",".join("?" * len(chunk))
        found.update(story for (story,) in store.db.execute(
            f"SELECT story_id FROM story_summaries WHERE story_id IN ({marks}) AND asked >= ?",
            [*chunk, asked]))
    return found


def keep_summaries(store: Store, made: Mapping[str, Summary]) -> None:
    """Keep these stories' summaries (story id -> summary), replacing older ones."""
    with store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO story_summaries VALUES (?, ?, ?, ?)",
            [(story, s.made_from, s.asked, json.dumps(list(s.sentences)))
             for story, s in made.items()],
        )


Picks = tuple[tuple[str, tuple[int, ...]], ...]  # sentences and the articles printing each


def picks(store: Store, made_from: Mapping[str, str]) -> dict[str, Picks]:
    """The kept picks of these stories (story id -> what they are made from now) that were
    made from the same."""
    found: dict[str, Picks] = {}
    for chunk in _chunks(list(made_from)):
        marks = ",".join("?" * len(chunk))
        for story, mark, text in store.db.execute(
            f"SELECT story_id, made_from, picks FROM story_picks WHERE story_id IN ({marks})",
            chunk,
        ):
            if made_from[story] == mark:
                found[story] = tuple((s, tuple(a)) for s, a in json.loads(text))
    return found


def keep_picks(store: Store, made: Mapping[str, tuple[str, Picks]]) -> None:
    """Keep these stories' picks (story id -> (what they are made from, picks))."""
    with store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO story_picks VALUES (?, ?, ?)",
            [(story, mark, json.dumps([[s, list(a)] for s, a in found]))
             for story, (mark, found) in made.items()],
        )
