"""Average-link grouping of articles into stories, around stories that already exist.

Groups merge while the average similarity between their articles is at least THRESHOLD.
Stories already stored are groups that may take in new articles but never merge with each
other: yesterday's story keeps its members and today's follow-up joins it, by the same rule
and threshold that grouped a whole selection at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

THRESHOLD = 0.2  # average similarity (story_vectors.Vectors.similarity) to share a story


def average_link(
    similarity: np.ndarray, fixed: Sequence[Sequence[int]] = (), threshold: float = THRESHOLD
) -> list[list[int]]:
    """Row indexes grouped: the `fixed` groups first (grown, never merged with each other),
    then the new groups, each in index order."""
    n = len(similarity)
    placed = {i for group in fixed for i in group}
    groups = [list(g) for g in fixed if g]
    old = np.arange(len(groups) + n - len(placed)) < len(groups)
    groups += [[i] for i in range(n) if i not in placed]
    sims = _group_similarity(similarity.astype(np.float64), groups)
    sims[np.ix_(old, old)] = -np.inf
    np.fill_diagonal(sims, -np.inf)
    sizes = np.array([len(g) for g in groups], dtype=np.float64)
    while len(groups) > 1:
        flat = int(np.argmax(sims))
        a, b = divmod(flat, len(groups))
        if sims[a, b] < threshold:
            break
        if old[b] and not old[a]:
            a, b = b, a
        # Lance-Williams for average link: the merged group's mean is the size-weighted mean
        merged = (sims[a] * sizes[a] + sims[b] * sizes[b]) / (sizes[a] + sizes[b])
        sims[a], sims[:, a] = merged, merged
        if old[a]:
            sims[a, old] = sims[old, a] = -np.inf
        sims[a, a] = -np.inf
        sims[b], sims[:, b] = -np.inf, -np.inf
        sizes[a] += sizes[b]
        groups[a] += groups[b]
        groups[b] = []
    return [sorted(g) for g in groups if g]


def _group_similarity(similarity: np.ndarray, groups: list[list[int]]) -> np.ndarray:
    """The mean article similarity between every pair of groups."""
    member = np.zeros((len(groups), len(similarity)), dtype=np.float64)
    for k, group in enumerate(groups):
        member[k, group] = 1.0 / len(group)
    return member @ similarity @ member.T
