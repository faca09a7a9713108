"""Whoosh queries of words scored a block at a time with numpy, as Whoosh itself scores them.

Whoosh's matchers walk postings one document at a time in Python: a common word at 100k
articles is ~50,000 method calls per field. Here the same postings (Whoosh's own blocks,
read through its posting reader) become arrays, and BM25F, Whoosh's OR coordination bonus
and AND/NOT are computed on whole arrays: the same scores and the same order, with an exact
total. Queries with other parts (phrases, ranges inside a ranked group) go to Whoosh as
before; a date range that only narrows is applied as a set of documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTH = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query this module does not score; Whoosh does."""


@dataclass(slots=True)
class _Part:
    """A query part over one segment: scores, which documents match, matched-term counts."""

    scores: np.ndarray
    mask: np.ndarray
    counts: np.ndarray
    terms: int  # terms with postings in this segment (Whoosh's CoordMatcher count)


def supported(q: query.Query) -> bool:
    """Whether every part of the query is scored here (words, OR, AND, NOT, filters)."""
    if isinstance(q, query.Term):
        return True
    if isinstance(q, query.AndNot):
        return supported(q.a)
    if isinstance(q, query.And):
        return all(supported(s) or _is_narrowing(s) for s in q.subqueries)
    if isinstance(q, query.Or):
        return all(supported(s) for s in q.subqueries)
    return False


def _is_narrowing(q: query.Query) -> bool:
    return isinstance(q, query.NumericRange | query.Every)


def top(searcher: Any, q: query.Query, weighting: Any, limit: int | None
        ) -> tuple[list[tuple[int, float]], int]:
    """(docnum, score) of the best documents, best first, and the number matched."""
    all_scores, all_docs = [], []
    for leaf, offset in searcher.leaf_searchers():
        part = _Scorer(leaf, weighting).part(q)
        mask = part.mask & _live(leaf)
        docs = np.flatnonzero(mask)
        all_docs.append(docs + offset)
        all_scores.append(part.scores[docs])
    docs = np.concatenate(all_docs) if all_docs else np.empty(0, np.int64)
    scores = np.concatenate(all_scores) if all_scores else np.empty(0)
    total = len(docs)
    if limit is not None and total > limit:
        keep = np.argpartition(-scores, limit - 1)[:limit]
        cut = scores[keep].min()
        keep = np.flatnonzero(scores >= cut)  # ties at the cut: the lower docnums win
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))
    if limit is not None:
        order = order[:limit]
    return [(int(docs[i]), float(scores[i])) for i in order], total


def _live(leaf: Any) -> np.ndarray:
    """The segment's documents that are not deleted (kept while its searcher lives)."""
    cache = leaf.__dict__
    if "_newsdesk_live" not in cache:
        reader = leaf.reader()
        live = np.ones(reader.doc_count_all(), bool)
        if reader.has_deletions():
            deleted = list(reader.deleted_docs_set)  # a cached property
            live[np.array(deleted, np.int64)] = False
        cache["_newsdesk_live"] = live
    return cache["_newsdesk_live"]


class _Scorer:
    """Scores query parts over one segment's postings."""

    def __init__(self, leaf: Any, weighting: Any) -> None:
        self.leaf, self.weighting = leaf, weighting
        self.reader = leaf.reader()
        self.size = self.reader.doc_count_all()

    def part(self, q: query.Query) -> _Part:
        if isinstance(q, query.Term):
            return self._term(q)
        if isinstance(q, query.AndNot):
            positive = self.part(q.a)
            positive.mask &= ~self._docs(q.b)
            return positive
        if isinstance(q, query.And):
            return self._and(q)
        if isinstance(q, query.Or):
            return self._or(q)
        raise Unsupported(type(q).__name__)

    def _empty(self) -> _Part:
        return _Part(np.zeros(self.size), np.zeros(self.size, bool),
                     np.zeros(self.size, np.int32), 0)

    def _term(self, q: query.Term) -> _Part:
        part = self._empty()
        field, text = q.fieldname, q.text
        if (field, text) not in self.reader:
            return part
        ids, weights = _postings(self.reader.postings(field, text))
        scorer = self.weighting.scorer(self.leaf, field, text)
        if hasattr(scorer, "avgfl"):
            lengths = self._lengths(field)[ids]
            scores = _bm25(scorer.idf, weights, lengths, scorer.avgfl, scorer.B, scorer.K1)
        else:  # an unscorable field: Whoosh's WeightScorer
            scores = weights
        part.scores[ids] = scores * q.boost
        part.mask[ids] = True
        part.counts[ids] = 1
        part.terms = 1
        return part

    def _and(self, q: query.And) -> _Part:
        parts = [self.part(s) for s in q.subqueries if not _is_narrowing(s)]
        result = parts[0] if parts else self._all()
        for other in parts[1:]:
            result.scores += other.scores
            result.mask &= other.mask
            result.counts += other.counts
            result.terms += other.terms
        for narrowing in (s for s in q.subqueries if _is_narrowing(s)):
            result.mask &= self._docs(narrowing)
        result.scores[~result.mask] = 0.0
        return result

    def _or(self, q: query.Or) -> _Part:
        parts = [self.part(s) for s in q.subqueries]
        result = parts[0] if parts else self._empty()
        for other in parts[1:]:
            result.scores += other.scores
            result.mask |= other.mask
            result.counts += other.counts
            result.terms += other.terms
        if q.scale and result.terms:
            result.scores = _coordination(result.scores, result.counts, result.terms, q.scale)
        return result

    def _all(self) -> _Part:
        part = self._empty()
        part.mask[:] = True
        return part

    def _docs(self, q: query.Query) -> np.ndarray:
        mask = np.zeros(self.size, bool)
        ids = list(q.docs(self.leaf))
        if ids:
            mask[np.fromiter(ids, np.int64, len(ids))] = True
        return mask

    def _lengths(self, field: str) -> np.ndarray:
        cache = self.leaf.__dict__.setdefault("_newsdesk_lengths", {})
        if field not in cache:
            # the lengths Whoosh's own scorer reads (doc_field_length), all at once
            column = self.reader._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
            raw = np.fromiter(column, np.uint8, self.size) if column is not None else None
            cache[field] = (_BYTE_LENGTH[raw] if raw is not None
                            else np.ones(self.size))
        return cache[field]


def _postings(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """All (docnum, weight) of a term in a segment, read block by block."""
    if not isinstance(matcher, W3LeafMatcher):
        ids = list(matcher.all_ids())
        matcher.reset()
        weights = []
        while matcher.is_active():
            weights.append(matcher.weight())
            matcher.next()
        return np.array(ids, np.int64), np.array(weights, np.float64)
    id_blocks, weight_blocks = [], []
    while True:
        if matcher._data is None:
            matcher._read_data()
        deltas, weights = matcher._data[0], matcher._data[1]
        count = matcher._blocklength
        id_blocks.append(np.cumsum(np.fromiter(deltas, np.int64, count)))
        if weights is None:
            weight_blocks.append(np.ones(count))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights))
        else:
            weight_blocks.append(np.fromiter(weights, np.float64, count))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def _bm25(idf: float, tf: np.ndarray, fl: np.ndarray, avgfl: float, b: float, k1: float
          ) -> np.ndarray:
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))


def _coordination(scores: np.ndarray, counts: np.ndarray, terms: int, scale: float
                  ) -> np.ndarray:
    """Whoosh's CoordMatcher bonus ("SQR" from V-Twin) for documents matching more terms."""
    if terms == scale:
        return np.zeros_like(scores)
    return (scores + (counts - 1) / (terms - scale) ** 2) * ((terms - 1) / terms)
