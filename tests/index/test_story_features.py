"""Kept story features: a new article is placed by reading its neighbours' kept features, with
the same result as grouping from their text, and an edited article's features are made again."""

from __future__ import annotations

import numpy as np

from index import story_features
from index.library import Library
from index.stories import group, similarity
from index.story_facts import facts
from index.story_vectors import bags
from tests.index.story_samples import (
    DERBY,
    HIT_FOLLOW_UP,
    HIT_STRIKE,
    HIT_STRIKE_OTHER_OUTLET,
    RUTBA_STRIKE,
    RUTBA_STRIKE_OTHER_OUTLET,
    TODAY,
)
from tests.index.test_stories import load, story_of

ALL = [HIT_STRIKE, HIT_STRIKE_OTHER_OUTLET, DERBY, HIT_FOLLOW_UP, RUTBA_STRIKE,
       RUTBA_STRIKE_OTHER_OUTLET]


def kept(library: Library) -> set[str]:
    return {r[0] for r in library.store.db.execute("SELECT article_id FROM story_features")}


def test_similarity_of_new_articles_is_the_groupings(library: Library) -> None:
    ids = load(library, *TODAY, HIT_FOLLOW_UP)
    articles = library.store.get_many(ids)
    rows = [0, len(articles) - 1]
    made = story_features.in_memory((*bags(a), facts(a)) for a in articles)
    found = story_features.similarity_to(made, rows)
    whole = similarity(articles)[rows]
    assert np.allclose(found, whole, atol=1e-5)


def test_placing_keeps_features_and_a_follow_up_joins_with_them(library: Library) -> None:
    first = library.stories(load(library, *TODAY))
    assert kept(library) == {s for story in first for s in story.article_ids} - {"hit-copy"}
    [later] = library.stories(load(library, HIT_FOLLOW_UP))
    assert later.id == story_of(first, "hit-levant").id
    assert "hit-funeral" in kept(library)


def test_a_follow_up_finds_its_story_among_many_others(library: Library) -> None:
    others = [
        {"id": f"other-{n}", "outlet": "Elsewhere Post", "published": TODAY[0]["published"],
         "title": f"Council {n} votes on the harbour{n} budget",
         "body": f"The council of town{n} voted on Friday on the harbour{n} budget, its "
                 f"mayor Anna Weg{n} said. The budget of {n}0 million pays for cranes{n}."}
        for n in range(30)
    ]
    first = library.stories(load(library, *TODAY, *others))
    [later] = library.stories(load(library, HIT_FOLLOW_UP))
    assert later.id == story_of(first, "hit-levant").id


def test_an_edited_article_gets_its_features_made_again(library: Library) -> None:
    library.stories(load(library, *TODAY))
    library.edit("derby", title="Derby ends level after late penalty")
    assert "derby" not in kept(library)
    library.delete(["rutba-euphrates"])
    assert "rutba-euphrates" not in kept(library)


def test_new_articles_arriving_together_are_placed_as_a_whole_grouping_would(
    library: Library,
) -> None:
    # Stored: the Hit strike (two reports). Arriving together: its follow-up and the two
    # reports of the Rutba strike, another event of the same kind in the same province.
    first = library.stories(load(library, HIT_STRIKE, HIT_STRIKE_OTHER_OUTLET, DERBY))
    hit = story_of(first, "hit-levant")
    later = library.stories(load(library, HIT_FOLLOW_UP, RUTBA_STRIKE,
                                 RUTBA_STRIKE_OTHER_OUTLET))
    assert story_of(later, "hit-funeral").id == hit.id
    placed = {frozenset(s.article_ids) for s in library.stories(
        [str(a["id"]) for a in ALL])}
    articles = library.store.get_many([str(a["id"]) for a in ALL])
    whole = {frozenset(articles[i].id for i in g) for g in group(articles)}
    assert placed == whole
    assert frozenset({"rutba-levant", "rutba-euphrates"}) in placed
