"""The `+tag -tag` syntax: one parser and one meaning for `newsdesk tag` and the reader."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from index.tags import TagChange, parse_changes, parse_typed
from tests.conftest import write_article


def test_a_sign_or_none_adds_and_a_minus_removes() -> None:
    assert parse_changes(["+a", "b", "-c"]) == TagChange(add=("a", "b"), remove=("c",))


def test_each_word_is_one_tag_and_lone_signs_are_nothing() -> None:
    assert parse_changes(["+Iraq Syria", "+", "-", ""]) == TagChange(add=("Iraq Syria",))
    assert not parse_changes(["+", "-"])


def test_typed_words_split_on_spaces_and_commas() -> None:
    assert parse_typed("+a, b  -c,d") == TagChange(add=("a", "b", "d"), remove=("c",))
    assert not parse_typed("  ")


def test_tags_not_named_stay(library: Library, tmp_path: Path) -> None:
    path = write_article(tmp_path, "ferry.txt", "Ferry crews join the harbour strike",
                         "Crews of the river ferry voted on Monday to join the strike at the "
                         "harbour, the union said, halting crossings until Friday.")
    [added] = library.add([str(path)], tags=["harbour", "unsorted"])
    change = parse_typed("strike -unsorted")
    article = library.tag(added.id, change.add, change.remove)
    assert article.tags == ("harbour", "strike")
