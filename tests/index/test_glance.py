"""The reader's first look at a library: the store read as it is, or nothing."""

from __future__ import annotations

from pathlib import Path

from index.filters import Filter
from index.glance import first_page
from index.library import Library


def test_the_first_page_and_count_match_the_library(library: Library) -> None:
    lines = [f'{{"id": "g{n}", "title": "Tide table {n}", "body": "The tide turned at {n} '
             f'o\'clock by the harbour wall.", "published": "2024-05-{n + 1:02d}", '
             f'"read": {"true" if n % 2 else "false"}}}' for n in range(5)]
    assert all(r.status == "added" for r in library.import_jsonl(lines, "t"))
    articles, total = first_page(library.root, Filter(read=False), 2) or ([], 0)
    assert [a.id for a in articles] == ["g4", "g2"] and total == 3
    assert [a.id for a in articles] == [a.id for a in library.listing(Filter(read=False),
                                                                       limit=2)]


def test_nothing_for_a_missing_or_outdated_library(tmp_path: Path, old_library: Path) -> None:
    assert first_page(tmp_path / "none", Filter(), 10) is None
    assert not (tmp_path / "none").exists()  # a glance creates nothing
    assert first_page(old_library, Filter(), 10) is None  # Library.open migrates it first
