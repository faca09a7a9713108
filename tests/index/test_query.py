"""The query language: filters narrow, dates in every advertised form, clear errors."""

from __future__ import annotations

import pytest

from index.errors import QueryError
from index.library import Library
from tests.index.search_samples import ids, stock


@pytest.fixture
def sampled(library: Library) -> Library:
    return stock(library)


@pytest.mark.parametrize(("query", "found"), [
    ('"world cup"', ["cup1", "cup2"]),
    ('tag:sport "world cup"', ["cup1"]),                     # the tag narrows the phrase
    ('"world cup" tag:sport', ["cup1"]),
    ("outlet:market border", ["border1"]),                   # not race1, which says border
    ("author:reed border", ["race1"]),
    ('tag:sport "world cup" published:[last week to now]', ["cup1"]),
    ("border published:[2025-01-01 to 2025-12-31]", ["border1"]),
    ("tag:sport -tag:business", ["cup1", "race1"]),
    ("cup NOT tag:sport", ["cup2"]),
    ("(tag:sport OR tag:business) cup", ["cup1", "cup2"]),
    ("tag:sport", ["cup1", "race1"]),
])
def test_filters_narrow_the_other_terms(sampled: Library, query: str, found: list[str]) -> None:
    assert ids(sampled, query) == found


@pytest.mark.parametrize(("query", "found"), [
    ("published:[last week to now]", ["cup1", "race1"]),
    ("published:[last month to now]", ["cup1", "race1"]),
    ("published:[last year to now]", ["cup1", "cup2", "race1"]),
    ("published:yesterday", ["cup1"]),
    ("published:[2025-03 to 2025-03]", ["border1"]),
    ("published:2025-03-02", ["border1"]),
    ("published:2025", ["border1"]),
    ("published:[to 2025-12-31]", ["border1"]),
    ("published:[7d to now]", ["cup1", "race1"]),
    ("published:48h", ["cup1"]),
    ('published:"2 days ago"', ["cup1"]),
    ("added:today", ["border1", "cup1", "cup2", "race1"]),
    ("added:[yesterday to today]", ["border1", "cup1", "cup2", "race1"]),
    ("added:yesterday", []),
    ("-published:[last week to now] cup", ["cup2"]),
])
def test_every_date_form_works(sampled: Library, query: str, found: list[str]) -> None:
    assert ids(sampled, query) == found


@pytest.mark.parametrize(("query", "position", "words"), [
    ("foo:bar", 0, ["unknown field 'foo'", "title, body, tag, outlet, author, published"]),
    ("border cheese:cake", 7, ["unknown field 'cheese'"]),
    ("published:[2026-13-45 to today]", 0, ["'2026-13-45' is not a date"]),
    ("added:2026-02-30", 0, ["is not a date"]),
    ("(border AND", 0, ["'(' is never closed"]),
    ("border)", 6, ["')' closes nothing"]),
    ('"world cup', 0, ["quote is never closed"]),
    ("x published:[garbage to now]", 2, ["cannot read the date 'garbage'"]),
    ("published:[today to yesterday]", 0, ["ends before it starts"]),
    ("published:[2026-01-01 2026-02-01]", 0, ["[START to END]"]),
])
def test_mistakes_say_what_and_where(sampled: Library, query: str, position: int,
                                     words: list[str]) -> None:
    with pytest.raises(QueryError) as info:
        sampled.search(query)
    error = info.value
    assert error.position == position
    assert f"at character {position + 1}" in error.message
    for word in words:
        assert word in error.message + error.hint


@pytest.mark.parametrize(("query", "found"), [
    ("AND border", ["border1", "race1"]),    # a stray operator is a word, not an error
    ("Note: border", ["border1", "race1"]),  # an unknown field name is a word too
    ("border -", ["border1", "race1"]),
    ("*", ["border1", "cup1", "cup2", "race1"]),
    ('"note: border"', []),                  # a phrase no article holds
    ("Al-Qaim", []),
])
def test_odd_but_valid_queries_still_search(sampled: Library, query: str,
                                            found: list[str]) -> None:
    assert ids(sampled, query) == found
