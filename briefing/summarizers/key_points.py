"""Key points across many articles: the best sentences of each, without repeats, each cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefing.summarizers._document import (
    STEMMER,
    STOP_WORDS,
    TOKENIZER,
    build_document,
    verbatim,
)
from briefing.summarizers.news import NewsSummarizer

CANDIDATES_PER_ARTICLE = 4
# Above this cosine similarity two sentences say the same thing; keep only the first pick.
DUPLICATE_SIMILARITY = 0.5
# Maximal Marginal Relevance trade-off: 1.0 ignores redundancy, 0.0 ignores relevance.
RELEVANCE_WEIGHT = 0.7


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: str
    article_id: str
    score: float
    terms: Counter[str]


def key_points(
    articles: Sequence[tuple[str, str, str]], *, sentences: int = 8
) -> list[tuple[str, str]]:
    """(sentence, article_id) pairs summarizing `articles` = (article_id, title, body) triples,
    most important first, near-duplicates removed."""
    candidates = [c for a in articles for c in _candidates(*a)]
    if not candidates or sentences <= 0:
        return []
    vectors = _vectors(candidates)
    relevance = _relevance(candidates, vectors)
    picked = _mmr(relevance, vectors @ vectors.T, sentences)
    bodies = {article_id: body for article_id, _, body in articles}
    return [
        (
            verbatim(bodies[candidates[i].article_id], candidates[i].sentence),
            candidates[i].article_id,
        )
        for i in picked
    ]


def _candidates(article_id: str, title: str, body: str) -> list[_Candidate]:
    document = build_document(body, title)
    summarizer = NewsSummarizer(STEMMER, stop_words=STOP_WORDS)
    rated = sorted(
        zip(summarizer.rate(document), document.sentences, strict=True), key=lambda pair: -pair[0]
    )[:CANDIDATES_PER_ARTICLE]
    best = rated[0][0] if rated else 1.0
    return [
        _Candidate(str(s), article_id, score / best if best > 0 else 0.0, _terms(str(s)))
        for score, s in rated
    ]


def _terms(sentence: str) -> Counter[str]:
    words = (w.lower() for w in TOKENIZER.to_words(sentence))
    return Counter(STEMMER(w) for w in words if w not in STOP_WORDS)


def _vectors(candidates: list[_Candidate]) -> np.ndarray:
    vocabulary = {t: i for i, t in enumerate({t for c in candidates for t in c.terms})}
    matrix = np.zeros((len(candidates), max(len(vocabulary), 1)))
    for row, candidate in enumerate(candidates):
        for term, count in candidate.terms.items():
            matrix[row, vocabulary[term]] = count
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _relevance(candidates: list[_Candidate], vectors: np.ndarray) -> np.ndarray:
    """Half the sentence's standing in its article, half how central it is to the whole batch:
    a story several articles tell is a key point."""
    own = np.array([c.score for c in candidates])
    centroid = vectors.sum(axis=0)
    central = vectors @ centroid / max(float(np.linalg.norm(centroid)), 1e-9)
    central /= max(float(central.max()), 1e-9)
    return 0.5 * own + 0.5 * central


def _mmr(relevance: np.ndarray, similarity: np.ndarray, count: int) -> list[int]:
    picked: list[int] = []
    available = set(range(len(relevance)))
    while available and len(picked) < count:

        def gain(i: int) -> float:
            redundancy = max((similarity[i, j] for j in picked), default=0.0)
            return RELEVANCE_WEIGHT * relevance[i] - (1 - RELEVANCE_WEIGHT) * redundancy

        best = max(sorted(available), key=gain)
        picked.append(best)
        available -= {i for i in available if similarity[best, i] > DUPLICATE_SIMILARITY}
        available.discard(best)
    return picked
