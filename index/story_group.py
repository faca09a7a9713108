"""Average-link grouping of articles into stories, around stories that already exist.

Groups merge while the average similarity between their articles is at least THRESHOLD, and
two groups that each hold together stay apart when they are much less alike than their own
members are (COHESION): two events of one kind (two strikes in one province, two patches of
one browser) share the vocabulary of their kind, but each event's reports share more.
Stories already stored are groups that may take in new articles but never merge with each
other: yesterday's story keeps its members and today's follow-up joins it, by the same rules
that grouped a whole selection at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

THRESHOLD = 0.175  # average similarity (story_vectors.Vectors.similarity) to share a story
# Two groups of two or more articles merge only if they are alike at least this share of the
# mean similarity inside the less tight of them.
COHESION = 0.6


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
    full = similarity.astype(np.float64)
    sims = _group_similarity(full, groups)
    inner = np.array([_inner(full, g) for g in groups])
    sims[np.ix_(old, old)] = -np.inf
    np.fill_diagonal(sims, -np.inf)
    sizes = np.array([len(g) for g in groups], dtype=np.float64)
    while len(groups) > 1:
        flat = int(np.argmax(sims))
        a, b = divmod(flat, len(groups))
        alike = sims[a, b]
        if alike < threshold:
            break
        if not _cohesive(alike, inner[[a, b]], sizes[[a, b]]):
            sims[a, b] = sims[b, a] = -np.inf  # two events of one kind: never together
            continue
        if old[b] and not old[a]:
            a, b = b, a
        inner[a] += inner[b] + alike * sizes[a] * sizes[b]
        # Lance-Williams for average link: the merged group's mean is the size-weighted mean
        # (a group kept apart from either part stays apart: -inf stays -inf)
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


def _cohesive(alike: float, inner: np.ndarray, sizes: np.ndarray) -> bool:
    """Whether two groups this alike may merge: unless both have two or more members and
    they are much less alike than the members of the looser one."""
    if min(sizes) < 2:
        return True
    within = inner / (sizes * (sizes - 1) / 2)
    return bool(alike >= COHESION * min(within))


def _inner(similarity: np.ndarray, group: list[int]) -> float:
    """The sum of the similarities of every pair of a group's articles."""
    block = similarity[np.ix_(group, group)]
    return float((block.sum() - np.trace(block)) / 2)


def _group_similarity(similarity: np.ndarray, groups: list[list[int]]) -> np.ndarray:
    """The mean article similarity between every pair of groups."""
    member = np.zeros((len(groups), len(similarity)), dtype=np.float64)
    for k, group in enumerate(groups):
        member[k, group] = 1.0 / len(group)
    return member @ similarity @ member.T
