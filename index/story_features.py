"""Each article's story features, made once and kept, and how alike new articles are to others.

Placing a new article into the stored stories compares it with the articles of its days. Their
features (story_vectors.bags: weighted words, and names and numbers) are kept in the library as
arrays of term numbers and weights, so that comparison reads them instead of parsing every
neighbour's text again; and only the rows of the new articles are compared with the others
(new x all, not all x all), with the TF-IDF of story_vectors.vectorize fitted on all of them.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from index import analysis, story_facts, story_vectors
from index.store import Store
from index.story_facts import conflicts, facts
from index.story_sparse import cosines
from index.story_vectors import NAMES_SHARE, bags

CHUNK = 500  # ids per SQL statement


class Terms(NamedTuple):
    """A bag of terms as arrays: term numbers (the library's, see story_terms) and weights."""

    ids: np.ndarray  # int64
    weights: np.ndarray  # float64


Features = tuple[Terms, Terms, frozenset[str]]  # words, names and numbers, the lead's facts
NONE = (Terms(np.zeros(0, np.int64), np.zeros(0)), Terms(np.zeros(0, np.int64), np.zeros(0)),
        frozenset[str]())


@functools.cache
def made_by() -> str:
    """A mark of the code that makes features: changed code makes them again."""
    mark = hashlib.blake2b(digest_size=12)
    for module in (story_vectors, story_facts, analysis):
        mark.update(Path(str(module.__file__)).read_bytes())
    return mark.hexdigest()


def features(store: Store, ids: Sequence[str]) -> list[Features]:
    """The features of these articles, in order: kept ones read, the others made from their
    text and kept (an id not in the library has none)."""
    found = _kept(store, ids)
    missing = [i for i in dict.fromkeys(ids) if i not in found]
    if missing:
        made = {a.id: (*bags(a), facts(a)) for a in store.get_many(missing)}
        with store.transaction() as db:
            numbers = _numbers(db, {t for w, n, _ in made.values() for bag in (w, n) for t in bag})
            new = {aid: (_terms(words, numbers), _terms(names, numbers), lead)
                   for aid, (words, names, lead) in made.items()}
            mark = made_by()
            db.executemany(
                "INSERT OR REPLACE INTO story_features (article_id, made_by, words, names, facts)"
                " VALUES (?, ?, ?, ?, ?)",
                [(aid, mark, _blob(w), _blob(n), "\n".join(sorted(f)))
                 for aid, (w, n, f) in new.items()],
            )
        found.update(new)
    return [found.get(i, NONE) for i in ids]


def in_memory(
    made: Iterable[tuple[Mapping[str, float], Mapping[str, float], frozenset[str]]]
) -> list[Features]:
    """Features of bags and facts not kept anywhere (term numbers of this call only)."""
    numbers: dict[str, int] = {}
    found = []
    for words, names, lead in made:
        for term in (*words, *names):
            numbers.setdefault(term, len(numbers))
        found.append((_terms(words, numbers), _terms(names, numbers), lead))
    return found


def similarity_to(found: Sequence[Features], rows: Sequence[int]) -> np.ndarray:
    """How alike the articles at `rows` are to every article (len(rows) x len(found)), with
    the TF-IDF of story_vectors.vectorize fitted on all of them: the same values as those
    rows of stories.similarity() (two reports whose leads disagree on every fact count as
    not alike at all)."""
    words = cosines([f[0] for f in found], rows)
    names = cosines([f[1] for f in found], rows)
    alike = (1.0 - NAMES_SHARE) * words + NAMES_SHARE * names
    alike[conflicts([f[2] for f in found], rows)] = 0.0
    return alike


def _kept(store: Store, ids: Sequence[str]) -> dict[str, Features]:
    found: dict[str, Features] = {}
    mark = made_by()
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        rows = store.db.execute(
            "SELECT article_id, made_by, words, names, facts FROM story_features "
            f"WHERE article_id IN ({','.join('?' * len(chunk))})", chunk)
        found.update((aid, (_unblob(words), _unblob(names), frozenset(lead.split("\n")) - {""}))
                     for aid, by, words, names, lead in rows if by == mark)
    return found


def _numbers(db: sqlite3.Connection, terms: set[str]) -> dict[str, int]:
    """The library's number of each term, numbering the new ones."""
    known: dict[str, int] = {}
    wanted = sorted(terms)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        known.update(db.execute(
            f"SELECT term, id FROM story_terms WHERE term IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    fresh = [t for t in wanted if t not in known]
    if fresh:
        db.executemany("INSERT INTO story_terms (term) VALUES (?)", [(t,) for t in fresh])
        for start in range(0, len(fresh), CHUNK):
            chunk = fresh[start : start + CHUNK]
            known.update(db.execute(
                "SELECT term, id FROM story_terms "
                f"WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return known


def _terms(bag: Mapping[str, float], numbers: Mapping[str, int]) -> Terms:
    return Terms(np.fromiter((numbers[t] for t in bag), np.int64, len(bag)),
                 np.fromiter(bag.values(), np.float64, len(bag)))


def _blob(terms: Terms) -> bytes:
    return terms.ids.astype("<i8").tobytes() + terms.weights.astype("<f8").tobytes()


def _unblob(blob: bytes) -> Terms:
    both = np.frombuffer(blob, dtype="<i8")
    half = len(both) // 2
    return Terms(both[:half].astype(np.int64), both[half:].view("<f8").astype(np.float64))
