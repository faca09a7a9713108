"""Article text as TF-IDF vectors for story grouping: title and lead, weighted, L2-normalized."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.analysis import NEWS_STOP_WORDS
from index.models import Article

WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*", re.UNICODE)
LEAD_WORDS = 160  # what happened is in the first paragraphs; the rest is background
TITLE_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class Vectors:
    """One L2-normalized row per article over the shared vocabulary (terms in 2+ articles)."""

    matrix: np.ndarray  # float32, articles x terms

    def similarity(self) -> np.ndarray:
        """Cosine similarity of every pair of articles."""
        return self.matrix @ self.matrix.T


def terms(text: str) -> list[str]:
    """Lowercase content words (no stop words, no one-letter tokens)."""
    return [
        w for w in (m.lower() for m in WORD.findall(text))
        if len(w) > 1 and w not in NEWS_STOP_WORDS
    ]


def weighted_terms(article: Article) -> Counter[str]:
    """Term counts of the title (weighted up) and the lead of the body."""
    counts: Counter[str] = Counter()
    for word in terms(article.title):
        counts[word] += TITLE_WEIGHT
    counts.update(terms(" ".join(article.body.split()[:LEAD_WORDS])))
    return counts


def vectorize(articles: Sequence[Article]) -> Vectors:
    """TF-IDF rows (sublinear tf) for these articles, normalized to unit length."""
    bags = [weighted_terms(a) for a in articles]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    vocab = {t: i for i, t in enumerate(t for t, c in df.items() if c > 1)}
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, bag in enumerate(bags):
        norm = 0.0
        for term, count in bag.items():
            weight = (1.0 + math.log(count)) * math.log((1 + n) / (1 + df[term]) + 1.0)
            norm += weight * weight
            if (col := vocab.get(term)) is not None:
                matrix[row, col] = weight
        if norm:
            # terms only this article has still count in its length: they make it less alike
            matrix[row] /= math.sqrt(norm)
    return Vectors(matrix)
