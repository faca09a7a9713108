"""Phrases work though the index keeps no word positions: confirmed in each article's text."""

from __future__ import annotations

import pytest

from index.library import Library
from tests.index.search_samples import ids, stock

ARTICLES = [
    {"id": "adjacent", "title": "Final tonight", "tags": ["sport"],
     "body": "Fans will watch the world cup final in the square."},
    {"id": "apart", "title": "A cup for the world", "tags": ["sport"],
     "body": "The cup travelled the world before the final."},
    {"id": "title", "title": "World cup draw made", "tags": ["business"],
     "body": "The draw was made in a hotel ballroom."},
    {"id": "stop", "title": "Bank notes", "tags": ["business"],
     "body": "The Bank of England raised rates; the bank said more may follow."},
    {"id": "other", "title": "Grain prices", "tags": ["business"],
     "body": "Grain prices rose at the port as ships waited."},
]


@pytest.fixture
def lib(library: Library) -> Library:
    return stock(library, ARTICLES)


@pytest.mark.parametrize(("text", "expected"), [
    ('"world cup"', ["adjacent", "title"]),              # words apart do not make the phrase
    ('"final cup"', []),                                  # order counts
    ('"world cup" tag:sport', ["adjacent"]),              # the tag still narrows
    ('cup -"world cup"', ["apart"]),                      # a NOT phrase excludes only it
    ('"world cup" OR grain', ["adjacent", "other", "title"]),
    ('title:"world cup"', ["title"]),                     # in the title only
    ('"Bank of England"', ["stop"]),                      # stop words as the index skips them
    ('"grain prices" added:[2000 to now]', ["other"]),
])
def test_phrases_find_only_the_phrase(lib: Library, text: str, expected: list[str]) -> None:
    assert ids(lib, text) == expected


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_phrase_totals_and_limits(lib: Library, sort: str) -> None:
    found = lib.search('"world cup"', limit=1, sort=sort)
    assert len(found.hits) == 1 and found.hits[0].article.id in {"adjacent", "title"}
    assert lib.search('"world cup"', limit=None, sort=sort).total == 2
