"""What a story summary covers: the articles' shared concepts, and how much of every sentence."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np


class Coverage:
    """The summary's worth, one pick at a time: the weights of the concepts it covers, plus
    how well it stands for every candidate sentence (Lin and Bilmes' coverage: the TF-IDF
    cosines of each sentence to the picks, summed and capped at `saturation` times that
    sentence's cosines to all candidates, so no sentence is "covered" twice over). Both parts
    only gain less as picks are added, which the lazy greedy relies on."""

    def __init__(
        self,
        concepts: dict[int, frozenset[str]],
        weights: dict[str, float],
        terms: dict[int, list[str]],
        *,
        saturation: float,
        share: float,
    ) -> None:
        self._concepts = concepts
        self._weights = weights
        self._covered: set[str] = set()
        self._row = {i: row for row, i in enumerate(terms)}
        self._similar = _cosines(list(terms.values()))
        self._cap = saturation * self._similar.sum(axis=1)
        self._sum = np.zeros(len(self._row))
        # The similarity part in concept-weight units: `share` of the concepts' total weight.
        total = float(self._cap.sum())
        self._scale = share * sum(weights.values()) / total if total > 0 else 0.0

    def gain(self, i: int) -> float:
        """What picking sentence `i` now would add."""
        gain = sum(self._weights[c] for c in self._concepts[i] - self._covered)
        if self._scale:
            column = self._similar[:, self._row[i]]
            now = np.minimum(self._sum, self._cap)
            gain += self._scale * float((np.minimum(self._sum + column, self._cap) - now).sum())
        return gain

    def take(self, i: int) -> None:
        """Count sentence `i` as picked."""
        self._covered |= self._concepts[i]
        self._sum += self._similar[:, self._row[i]]


def _cosines(terms: list[list[str]]) -> np.ndarray:
    """The TF-IDF cosine (smoothed idf over these sentences) of every pair of sentences. A term
    only one sentence uses adds to that sentence's own entry only, so the sum runs over the
    shared terms (a few in ten) and the diagonal is 1. Summed as one count of weighted pairs
    (terms used by equally many sentences in one block) rather than as a matrix product:
    OpenBLAS would start threads for that, and on a busy machine they spin for longer than the
    whole sum takes on one core."""
    frequency = Counter(t for sentence in terms for t in set(sentence))
    rows: dict[str, list[int]] = {}
    values: dict[str, list[float]] = {}
    for row, sentence in enumerate(terms):
        weight = {t: c * (math.log((1 + len(terms)) / (1 + frequency[t])) + 1)
                  for t, c in Counter(sentence).items()}
        norm = math.sqrt(sum(w * w for w in weight.values())) or 1.0
        for t, w in weight.items():
            if frequency[t] > 1:
                rows.setdefault(t, []).append(row)
                values.setdefault(t, []).append(w / norm)
    size = len(terms)
    pairs, products = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for users in sorted({len(found) for found in rows.values()}):
        shared = [t for t, found in rows.items() if len(found) == users]
        at = np.array([rows[t] for t in shared], dtype=np.int64)  # terms x users
        value = np.array([values[t] for t in shared])
        pairs.append((at[:, :, None] * size + at[:, None, :]).ravel())
        products.append((value[:, :, None] * value[:, None, :]).ravel())
    similar = np.bincount(np.concatenate(pairs), weights=np.concatenate(products),
                          minlength=size * size).reshape(size, size)
    np.fill_diagonal(similar, [1.0 if sentence else 0.0 for sentence in terms])
    return similar
