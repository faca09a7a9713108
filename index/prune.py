"""Top-k for ORed words without scoring every document: MaxScore-style pruning.

A ranked query is mostly an OR of words, each a term per field. Every term has a score
ceiling (its idf at its highest frequency in the shortest field). Terms are read from the
highest ceiling down (rare words first: short posting lists); once the k-th best score
found so far beats what all the unread terms together could add to a document that has
none of the read ones, no new document can enter the top k. The unread (common, long)
terms are then only looked up for the documents that still could, block by block. Scores
of the documents returned are exact; the number of matches becomes an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from whoosh import query

from index.postings import postings


@dataclass(slots=True)
class Flat:
    """A query as an ORed group of terms plus parts that only decide which documents count."""

    terms: list[query.Term]
    scale: float  # the OR group's coordination bonus (0: none)
    required: list[query.Query] = field(default_factory=list)  # ANDed, scored in full
    narrowing: list[query.Query] = field(default_factory=list)  # ANDed, not scored
    excluded: list[query.Query] = field(default_factory=list)  # AND NOT


def flatten(q: query.Query, is_narrowing: Any) -> Flat | None:
    """The query as a Flat, or None when it has another shape (AND of words, nesting)."""
    if isinstance(q, query.AndNot):
        inner = flatten(q.a, is_narrowing)
        if inner is not None:
            inner.excluded.append(q.b)
        return inner
    if isinstance(q, query.And):
        narrowing = [s for s in q.subqueries if is_narrowing(s)]
        scored = [s for s in q.subqueries if not is_narrowing(s)]
        groups = [s for s in scored if not _is_filter_term(s)]
        if len(groups) != 1:
            return None
        inner = flatten(groups[0], is_narrowing)
        if inner is not None:
            inner.required += [s for s in scored if s is not groups[0]]
            inner.narrowing += narrowing
        return inner
    terms = _or_terms(q)
    if terms is None:
        return None
    return Flat(terms, float(q.scale or 0.0) if isinstance(q, query.Or) else 0.0)


def _is_filter_term(q: query.Query) -> bool:
    return isinstance(q, query.Term) and q.fieldname not in ("title", "body")


def _or_terms(q: query.Query) -> list[query.Term] | None:
    """The terms of an OR group (OR groups without a bonus inside it add up the same)."""
    if isinstance(q, query.Term):
        return [q]
    if not isinstance(q, query.Or):
        return None
    found: list[query.Term] = []
    for sub in q.subqueries:
        if isinstance(sub, query.Or) and sub.scale:
            return None
        inner = _or_terms(sub)
        if inner is None:
            return None
        found += inner
    return found


@dataclass(slots=True)
class Ranked:
    """One segment's surviving documents with exact scores, and its match count."""

    docs: np.ndarray
    scores: np.ndarray
    total: float
    exact: bool


class Pruner:
    """Scores a Flat query over one segment, given the k-th best score of earlier ones."""

    def __init__(self, scorer: Any, flat: Flat, allowed: np.ndarray, extra: np.ndarray) -> None:
        self.scorer, self.flat = scorer, flat
        self.allowed, self.extra = allowed, extra  # documents that count; required scores
        reader = scorer.reader
        self.terms = [t for t in flat.terms if (t.fieldname, t.text) in reader]
        self.count = len(self.terms)
        self.ceilings = [self._ceiling(t) for t in self.terms]

    def run(self, k: int | None, theta: float) -> Ranked:
        size = self.scorer.size
        acc, hits = np.zeros(size), np.zeros(size, np.int32)
        order = sorted(range(self.count), key=lambda i: -self.ceilings[i])
        done = 0
        top_extra = float(self.extra[self.allowed].max()) if self.allowed.any() else 0.0
        while done < self.count:
            rest = order[done:]
            if k and theta > 0 and self._bound(self._sum(rest), len(rest)) + top_extra < theta:
                break
            ids, scores = self._read(self.terms[order[done]])
            acc[ids] += scores
            hits[ids] += 1
            done += 1
            if k:
                theta = max(theta, self._kth(acc, hits, k))
        seen = np.flatnonzero((hits > 0) & self.allowed)
        if done == self.count:
            return Ranked(seen, self._final(acc[seen], hits[seen]) + self.extra[seen],
                          len(seen), True)
        return self._probe(order[done:], acc, hits, seen, theta)

    def _probe(self, rest: list[int], acc: np.ndarray, hits: np.ndarray, seen: np.ndarray,
               theta: float) -> Ranked:
        """Add the unread terms to the documents that can still reach the top k."""
        ceiling, more = self._sum(rest), len(rest)
        upper = self._bound(acc[seen] + ceiling, hits[seen] + more) + self.extra[seen]
        candidates = seen[upper >= theta]
        dfs = []
        for i in rest:
            term = self.terms[i]
            dfs.append(self.scorer.reader.doc_frequency(term.fieldname, term.text))
            if len(candidates):
                ids, scores = self._read(term, candidates)
                acc[ids] += scores
                hits[ids] += 1
        scores = self._final(acc[candidates], hits[candidates]) + self.extra[candidates]
        return Ranked(candidates, scores, self._estimate(len(seen), dfs), False)

    def _estimate(self, seen: int, dfs: list[int]) -> float:
        """Matches in the segment, guessed: the unread terms' documents spread as chance
        spreads them over the documents that count."""
        share = float(self.allowed.mean()) if self.scorer.size else 0.0
        size = self.scorer.size * share
        missed = 1.0
        for df in dfs:
            missed *= 1.0 - min(1.0, df * share / max(size, 1.0))
        return seen + max(0.0, size - seen) * (1.0 - missed)

    def _read(self, term: query.Term, want: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
        ids, weights = postings(self.scorer.reader.postings(term.fieldname, term.text), want)
        return ids, self.scorer.term_scores(term, ids, weights)

    def _ceiling(self, term: query.Term) -> float:
        info = self.scorer.reader.term_info(term.fieldname, term.text)
        weight = np.array([max(info.max_weight(), 1.0)])
        return float(self.scorer.term_scores(term, None, weight)[0])

    def _sum(self, indexes: list[int]) -> float:
        return sum(self.ceilings[i] for i in indexes)

    def _kth(self, acc: np.ndarray, hits: np.ndarray, k: int) -> float:
        docs = np.flatnonzero((hits > 0) & self.allowed)
        if len(docs) < k:
            return 0.0
        lower = self._final(acc[docs], hits[docs]) + self.extra[docs]
        return float(np.partition(lower, len(lower) - k)[len(lower) - k])

    def _final(self, scores: np.ndarray, hits: np.ndarray) -> np.ndarray:
        """Whoosh's CoordMatcher bonus for documents matching more of the group's terms."""
        if not self.flat.scale or not self.count:
            return scores
        return coordination(scores, hits, self.count, self.flat.scale)

    def _bound(self, score: Any, hits: Any) -> Any:
        return self._final(np.asarray(score, np.float64), np.asarray(hits))


def coordination(scores: np.ndarray, counts: np.ndarray, terms: int, scale: float
                 ) -> np.ndarray:
    """Whoosh's CoordMatcher bonus ("SQR" from V-Twin) for documents matching more terms."""
    if terms == scale:
        return np.zeros_like(scores)
    return (scores + (counts - 1) / (terms - scale) ** 2) * ((terms - 1) / terms)
