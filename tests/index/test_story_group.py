"""The grouping rule itself, on similarities made by hand: threshold and cohesion."""

from __future__ import annotations

import numpy as np

from index.story_group import average_link


def _similarity(pairs: dict[tuple[int, int], float], n: int) -> np.ndarray:
    matrix = np.eye(n, dtype=np.float32)
    for (i, j), value in pairs.items():
        matrix[i, j] = matrix[j, i] = value
    return matrix


# Articles 0-1 report one strike, 2-3 another in the same province: each pair is close, and
# the two pairs share the vocabulary of their kind (cross similarity above the threshold).
TWO_EVENTS = {(0, 1): 0.6, (2, 3): 0.55, (0, 2): 0.25, (0, 3): 0.25, (1, 2): 0.25,
              (1, 3): 0.25}


def test_two_events_of_one_kind_stay_apart() -> None:
    assert average_link(_similarity(TWO_EVENTS, 4)) == [[0, 1], [2, 3]]


def test_a_follow_up_joins_its_story_though_less_alike_than_the_first_reports() -> None:
    # article 2 is a follow-up: less like each first report than they are to each other
    similarity = _similarity({(0, 1): 0.6, (0, 2): 0.3, (1, 2): 0.3}, 3)
    assert average_link(similarity) == [[0, 1, 2]]


def test_loose_groups_merge_when_as_alike_as_their_own_members() -> None:
    # one event's reports, each pair only loosely alike: no pair of groups looks tighter
    loose = {(i, j): 0.3 for i in range(4) for j in range(i + 1, 4)}
    assert average_link(_similarity(loose, 4)) == [[0, 1, 2, 3]]


def test_a_stored_story_keeps_apart_from_another_event_of_its_kind() -> None:
    # the first event is stored; the second event's two reports arrive: same rule, same result
    assert average_link(_similarity(TWO_EVENTS, 4), fixed=[[0, 1]]) == [[0, 1], [2, 3]]


def test_copies_do_not_hold_a_story_tight() -> None:
    # 0-1: one report and its copy (the same wire story twice); 2-3: two later reports of the
    # same story, less alike to the first than the copies are to each other
    copies = {(0, 1): 0.97, (2, 3): 0.5, (0, 2): 0.3, (0, 3): 0.3, (1, 2): 0.3, (1, 3): 0.3}
    assert average_link(_similarity(copies, 4)) == [[0, 1, 2, 3]]
    assert average_link(_similarity(copies, 4), fixed=[[0, 1]]) == [[0, 1, 2, 3]]


def test_two_events_of_one_kind_stay_apart_when_one_has_copies() -> None:
    # 0-1 copies, 4 another report of their event; 2-3 another event of the same kind
    pairs = {**TWO_EVENTS, (0, 1): 0.97, (0, 4): 0.6, (1, 4): 0.6, (2, 4): 0.25, (3, 4): 0.25}
    assert average_link(_similarity(pairs, 5)) == [[0, 1, 4], [2, 3]]
