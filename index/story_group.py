"""Average-link grouping of articles into stories, around stories that already exist.

Groups merge while the average similarity between their articles is at least THRESHOLD, and
two groups that each hold together stay apart when they are much less alike than their own
members are (COHESION): two events of one kind (two strikes in one province, two patches of
one browser) share the vocabulary of their kind, but each event's reports share more.
Stories already stored are groups that may take in new articles but never merge with each
other: yesterday's story keeps its members and today's follow-up joins it, by the same rules
that grouped a whole selection at once.

How tight a group is counts only pairs of different reports: two copies of one report (the
same wire story run twice, or a report and its reworded repeat) are alike because they are
one text, and a group of copies would hold every follow-up to its near-identity.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

THRESHOLD = 0.175  # average similarity (story_vectors.Vectors.similarity) to share a story
# Two groups of two or more articles merge only if they are alike at least this share of the
# mean similarity inside the less tight of them.
COHESION = 0.65
COPY = 0.9  # two articles this alike are copies of one report: their pair is no measure of
# how tight their group is


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
    inner = np.array([_inner(full, g, g) for g in groups])  # [sum, pairs] of different reports
    sims[np.ix_(old, old)] = -np.inf
    np.fill_diagonal(sims, -np.inf)
    sizes = np.array([len(g) for g in groups], dtype=np.float64)
    while len(groups) > 1:
        flat = int(np.argmax(sims))
        a, b = divmod(flat, len(groups))
        alike = sims[a, b]
        if alike < threshold:
            break
        if not _cohesive(alike, inner[a], inner[b]):
            sims[a, b] = sims[b, a] = -np.inf  # two events of one kind: never together
            continue
        if old[b] and not old[a]:
            a, b = b, a
        inner[a] += inner[b] + _inner(full, groups[a], groups[b])
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


def _cohesive(alike: float, one: np.ndarray, other: np.ndarray) -> bool:
    """Whether two groups this alike may merge (`one`, `other`: the sum and count of the
    similarities of their pairs of different reports): unless both have such pairs and they
    are much less alike than the members of the looser one."""
    if not one[1] or not other[1]:
        return True
    return bool(alike >= COHESION * min(one[0] / one[1], other[0] / other[1]))


def _inner(similarity: np.ndarray, group: list[int], other: list[int]) -> np.ndarray:
    """The sum and the count of the similarities between the articles of two groups (within
    one group: of each pair once) that are different reports, not copies of one."""
    block = similarity[np.ix_(group, other)]
    distinct = block < COPY
    if group is other:
        distinct = np.triu(distinct, k=1)
    return np.array([float(block[distinct].sum()), float(distinct.sum())])


def _group_similarity(similarity: np.ndarray, groups: list[list[int]]) -> np.ndarray:
    """The mean article similarity between every pair of groups."""
    member = np.zeros((len(groups), len(similarity)), dtype=np.float64)
    for k, group in enumerate(groups):
        member[k, group] = 1.0 / len(group)
    return member @ similarity @ member.T
