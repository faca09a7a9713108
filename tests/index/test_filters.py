"""The typed filter and the Library's read side, on the library made by the schema-2 release."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.filters import Filter
from index.library import Library
from index.reading import Count, highlighted

ROOT = Path(__file__).parents[2]
NEWEST_FIRST = ["c66717d27e40", "e67bf0a839e1", "5e87a494abf6", "e12457516639",
                "43ce2f52ee84", "db625c4a39a1", "58b19570a864"]


@pytest.fixture
def old(old_library: Path) -> Iterator[Library]:
    with Library(old_library) as library:
        yield library


@pytest.mark.parametrize(("where", "expected"), [
    (Filter(), NEWEST_FIRST),
    (Filter(read=False), ["c66717d27e40", "e67bf0a839e1", "5e87a494abf6", "e12457516639",
                          "58b19570a864"]),
    (Filter(starred=True), ["43ce2f52ee84"]),
    (Filter(in_basket=True), ["58b19570a864"]),
    (Filter(tags=("strikes",)), ["43ce2f52ee84"]),
    (Filter(tags=("strikes", "wire")), ["c66717d27e40", "43ce2f52ee84"]),
    (Filter(tags=("border",), read=True), ["43ce2f52ee84"]),
    (Filter(outlet="Example News"), ["e12457516639", "db625c4a39a1"]),
    (Filter(since=datetime(2026, 11, 21, tzinfo=UTC)), NEWEST_FIRST[:4]),
    (Filter(until=datetime(2026, 11, 20, tzinfo=UTC)), ["db625c4a39a1", "58b19570a864"]),
    (Filter(ids=("58b19570a864", "43ce2f52ee84", "nope")), ["43ce2f52ee84", "58b19570a864"]),
    (Filter(ids=()), []),
    (Filter(duplicates=True), ["5e87a494abf6"]),
    (Filter(duplicates=False, starred=False, read=False),
     ["c66717d27e40", "e67bf0a839e1", "e12457516639", "58b19570a864"]),
])
def test_each_filter_field_narrows(old: Library, where: Filter, expected: list[str]) -> None:
    assert old.ids(where) == expected
    assert old.count(where) == len(expected)
    assert [a.id for a in old.listing(where)] == expected
    assert [a.id for a in old.articles(where)] == expected


def test_mark_all_marks_what_a_filter_matches_and_says_which_changed(old: Library) -> None:
    changed = old.mark_all(Filter(query="convoy"), read=True)
    assert changed == ["e67bf0a839e1"]  # the other match was read already
    assert old.count(Filter(query="convoy", read=False)) == 0
    assert old.count(Filter(read=False)) == 4
    old.mark_many(changed, read=False)  # undo
    assert old.ids(Filter(query="convoy", read=False)) == ["e67bf0a839e1"]
    assert old.mark_all(Filter(starred=True), starred=True) == []


def test_a_query_narrows_with_the_other_fields(old: Library) -> None:
    # The index holds no linked copies, so a query never finds one.
    assert set(old.ids(Filter(query="convoy"))) == {"e67bf0a839e1", "43ce2f52ee84"}
    assert old.ids(Filter(query="convoy", read=True)) == ["43ce2f52ee84"]
    assert old.ids(Filter(query="@borders", in_basket=True)) == ["58b19570a864"]
    assert old.count(Filter(query="convoy OR fence")) == 3
    assert [a.id for a in old.listing(Filter(query="convoy OR fence"), limit=1, offset=1)] == [
        "43ce2f52ee84"]


def test_listing_pages_without_bodies(old: Library) -> None:
    page = old.listing(limit=3, offset=2)
    assert [a.id for a in page] == NEWEST_FIRST[2:5]
    assert all(a.body == "" for a in page)
    assert old.articles(limit=1)[0].body.startswith("The ferry")


def test_view_counts_give_the_sidebar_its_figures(old: Library) -> None:
    views = old.view_counts()
    assert views.searches == [("borders", "border OR fence")]
    assert views.tags == [Count("border", 2, 1), Count("iraq-syria", 2, 1),
                          Count("strikes", 1, 0), Count("wire", 1, 1)]
    assert Count("Example News", 2, 1) in views.outlets
    assert old.tag_counts() == views.tags


def test_the_original_input_and_the_feeds_are_there(old: Library) -> None:
    assert b"Abu Kamal" in old.original("43ce2f52ee84")
    assert [f.name for f in old.feeds.all()] == ["fixture-wire"]


def test_highlighted_marks_words_whose_stem_is_a_term() -> None:
    pieces = highlighted("Convoys struck; the convoy's route.", frozenset({"convoy"}))
    assert "".join(p for p, _ in pieces) == "Convoys struck; the convoy's route."
    assert [p for p, hit in pieces if hit] == ["Convoys", "convoy"]
    assert not any(hit for _, hit in highlighted("Convoys", frozenset()))


def _store_uses(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and (
                node.attr in ("store", "db")
                or (node.attr == "index" and isinstance(node.value, ast.Name)
                    and node.value.id in ("library", "lib"))
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}"


def test_nothing_outside_index_reaches_into_the_store_or_the_search_index() -> None:
    # import-linter keeps sqlite3, whoosh and index.store out of tui/ and briefing/
    # (pyproject.toml); this catches reaching through an open Library instead.
    assert [use for name in ("tui", "briefing") for use in _store_uses(ROOT / name)] == []
