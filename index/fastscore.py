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
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from index import prune
from index.postings import postings

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


def top(searcher: Any, q: query.Query, weighting: Any, limit: int | None, *,
        exact: bool = False) -> tuple[list[tuple[int, float]], int, bool]:
    """(docnum, score) of the best documents, best first, the number matched, and whether
    that number is exact. Unless ``exact``, an ORed group of words is pruned (index.prune):
    the same best documents and scores, and an estimated total."""
    flat = None if exact or limit is None else prune.flatten(q, _is_narrowing)
    all_scores, all_docs = [], []
    total, counted, theta = 0.0, True, 0.0
    for leaf, offset in searcher.leaf_searchers():
        scorer = _Scorer(leaf, weighting)
        if flat is not None:
            ranked = scorer.pruned(flat, limit, theta)
            docs, scores = ranked.docs, ranked.scores
            total += ranked.total
            counted = counted and ranked.exact
        else:
            part = scorer.part(q)
            docs = np.flatnonzero(part.mask & _live(leaf))
            scores = part.scores[docs]
            total += len(docs)
        all_docs.append(docs + offset)
        all_scores.append(scores)
        if flat is not None and limit:
            theta = _kth(all_scores, limit, theta)
    docs = np.concatenate(all_docs) if all_docs else np.empty(0, np.int64)
    scores = np.concatenate(all_scores) if all_scores else np.empty(0)
    if limit is not None and len(docs) > limit:
        keep = np.argpartition(-scores, limit - 1)[:limit]
        cut = scores[keep].min()
        keep = np.flatnonzero(scores >= cut)  # ties at the cut: the lower docnums win
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))
    if limit is not None:
        order = order[:limit]
    best = [(int(docs[i]), float(scores[i])) for i in order]
    return best, max(round(total), len(best)), counted


def _kth(scores: list[np.ndarray], k: int, floor: float) -> float:
    """The k-th best score so far (a bar later segments' documents must reach)."""
    joined = np.concatenate(scores)
    if len(joined) < k:
        return floor
    return max(floor, float(np.partition(joined, len(joined) - k)[len(joined) - k]))


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
        if (q.fieldname, q.text) not in self.reader:
            return part
        ids, weights = postings(self.reader.postings(q.fieldname, q.text))
        part.scores[ids] = self.term_scores(q, ids, weights)
        part.mask[ids] = True
        part.counts[ids] = 1
        part.terms = 1
        return part

    def term_scores(self, q: query.Term, ids: np.ndarray | None, weights: np.ndarray
                    ) -> np.ndarray:
        """A term's scores for these documents (None: its ceiling, in the shortest field)."""
        scorer = self.weighting.scorer(self.leaf, q.fieldname, q.text)
        if not hasattr(scorer, "avgfl"):  # an unscorable field: Whoosh's WeightScorer
            return weights * q.boost
        lengths = self._lengths(q.fieldname)
        fl = lengths[ids] if ids is not None else self._shortest(q.fieldname)
        return _bm25(scorer.idf, weights, fl, scorer.avgfl, scorer.B, scorer.K1) * q.boost

    def pruned(self, flat: prune.Flat, k: int | None, theta: float) -> prune.Ranked:
        """The segment's documents that may rank in the top k, scored (index.prune)."""
        allowed = _live(self.leaf).copy()
        extra = np.zeros(self.size)
        for part in (self.part(r) for r in flat.required):
            allowed &= part.mask
            extra += part.scores
        for narrowing in flat.narrowing:
            allowed &= self._docs(narrowing)
        for excluded in flat.excluded:
            allowed &= ~self._docs(excluded)
        return prune.Pruner(self, flat, allowed, extra).run(k, theta)

    def _shortest(self, field: str) -> float:
        lengths = self._lengths(field)
        present = lengths[lengths > 0]
        return float(present.min()) if len(present) else 1.0

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
            result.scores = prune.coordination(result.scores, result.counts, result.terms, q.scale)
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


def _bm25(idf: float, tf: np.ndarray, fl: np.ndarray | float, avgfl: float, b: float, k1: float
          ) -> np.ndarray:
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))
