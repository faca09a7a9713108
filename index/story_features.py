"""Each article's story features, made once and kept, and how alike new articles are to others.

Placing a new article into the stored stories compares it with the articles of its days. Their
features (story_vectors.bags: weighted words, names and numbers) are kept in the library, so
that comparison reads them instead of parsing every neighbour's text again; and only the rows
of the new articles are compared with the others (new x all, not all x all), with the same
TF-IDF as story_vectors.vectorize fitted on all of them.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from index import analysis, story_vectors
from index.store import Store
from index.story_vectors import NAMES_SHARE, bags

Bag = Mapping[str, float]
Features = tuple[Bag, Bag]  # words, names and numbers
CHUNK = 500  # ids per SQL statement; also rows per block of the similarity product


@functools.cache
def made_by() -> str:
    """A mark of the code that makes features: changed code makes them again."""
    mark = hashlib.blake2b(digest_size=12)
    for module in (story_vectors, analysis):
        mark.update(Path(str(module.__file__)).read_bytes())
    return mark.hexdigest()


def features(store: Store, ids: Sequence[str]) -> list[Features]:
    """The features of these articles, in order: kept ones read, the others made from their
    text and kept (an id not in the library has none)."""
    found = _kept(store, ids)
    missing = [i for i in dict.fromkeys(ids) if i not in found]
    if missing:
        made = {a.id: bags(a) for a in store.get_many(missing)}
        _keep(store, made)
        found.update(made)
    return [found.get(i, ({}, {})) for i in ids]


def _kept(store: Store, ids: Sequence[str]) -> dict[str, Features]:
    found: dict[str, Features] = {}
    mark = made_by()
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        rows = store.db.execute(
            "SELECT article_id, made_by, words, names FROM story_features "
            f"WHERE article_id IN ({','.join('?' * len(chunk))})", chunk)
        found.update((aid, (json.loads(words), json.loads(names)))
                     for aid, by, words, names in rows if by == mark)
    return found


def _keep(store: Store, made: Mapping[str, Features]) -> None:
    mark = made_by()
    with store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO story_features VALUES (?, ?, ?, ?)",
            [(aid, mark, json.dumps(words), json.dumps(names))
             for aid, (words, names) in made.items()],
        )


def similarity_to(found: Sequence[Features], rows: Sequence[int]) -> np.ndarray:
    """How alike the articles at `rows` are to every article (len(rows) x len(found)), with
    the TF-IDF of story_vectors.vectorize fitted on all of them: the same values as those
    rows of vectorize(...).similarity()."""
    words = _cosines([f[0] for f in found], rows)
    names = _cosines([f[1] for f in found], rows)
    return (1.0 - NAMES_SHARE) * words + NAMES_SHARE * names


def _cosines(counts: Sequence[Bag], rows: Sequence[int]) -> np.ndarray:
    """Cosines of story_vectors.tfidf rows: `rows` against all. Only terms of those rows
    need a column; every term still counts in each row's length."""
    terms: dict[str, int] = {}
    term_ids = np.fromiter((terms.setdefault(t, len(terms)) for bag in counts for t in bag),
                           dtype=np.int64)
    values = np.fromiter((c for bag in counts for c in bag.values()), dtype=np.float64,
                         count=len(term_ids))
    row_of = np.repeat(np.arange(len(counts)), [len(bag) for bag in counts])
    df = np.bincount(term_ids, minlength=len(terms))
    idf = np.log((1 + len(counts)) / (1 + df) + 1.0)
    real = values >= 1.0
    weights = np.where(real, (1.0 + np.log(np.maximum(values, 1.0))) * idf[term_ids], 0.0)
    norms = np.sqrt(np.bincount(row_of, weights**2, minlength=len(counts)))
    asked = np.zeros(len(terms), dtype=bool)
    asked[term_ids[np.isin(row_of, rows)]] = True
    column = np.full(len(terms), -1, dtype=np.int64)
    wanted = asked & (df > 1)
    column[wanted] = np.arange(int(wanted.sum()))
    keep = real & (column[term_ids] >= 0)
    cells = (row_of[keep], column[term_ids[keep]],
             (weights[keep] / norms[row_of[keep]]).astype(np.float32))
    return _product(cells, len(counts), int(wanted.sum()), rows)


def _product(cells: tuple[np.ndarray, np.ndarray, np.ndarray], n: int, width: int,
             rows: Sequence[int]) -> np.ndarray:
    """rows x all dot products of the sparse matrix given as (row, column, value) cells,
    made dense a block of rows at a time so memory stays small."""
    row, col, value = cells
    order = np.argsort(row, kind="stable")
    row, col, value = row[order], col[order], value[order]
    bounds = np.searchsorted(row, np.arange(0, n + CHUNK, CHUNK))
    left = np.zeros((len(rows), width), dtype=np.float32)
    for k, r in enumerate(rows):
        start, end = np.searchsorted(row, [r, r + 1])
        left[k, col[start:end]] = value[start:end]
    out = np.zeros((len(rows), n), dtype=np.float32)
    for block, start in enumerate(range(0, n, CHUNK)):
        dense = np.zeros((min(CHUNK, n - start), width), dtype=np.float32)
        lo, hi = bounds[block], bounds[block + 1]
        dense[row[lo:hi] - start, col[lo:hi]] = value[lo:hi]
        out[:, start : start + len(dense)] = left @ dense.T
    return out
