"""The index-format mark: an index made by another version is rebuilt on open, with word."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from index.search import FORMAT_FILE, FORMAT_VERSION
from tests.index.search_samples import ids, stock


def age_the_index(home: Path, mark: str | None) -> None:
    """Make the live index look like one from an older newsdesk."""
    live = home / "index" / (home / "index" / "CURRENT").read_text().strip()
    if mark is None:
        (live / FORMAT_FILE).unlink()  # made before formats were marked
    else:
        (live / FORMAT_FILE).write_text(mark)


def test_a_new_index_carries_the_format(library: Library) -> None:
    stock(library)
    assert library.index.format() == FORMAT_VERSION
    assert not library.index.outdated()


def test_an_older_index_is_rebuilt_with_a_reason_and_progress(library_home: Path) -> None:
    with Library(library_home) as library:
        stock(library)
    age_the_index(library_home, None)
    reports: list[tuple[str, int, int]] = []
    with Library(library_home, on_rebuild=lambda *r: reports.append(r)) as library:
        assert library.index.format() == FORMAT_VERSION
        assert ids(library, "IS OR cup")  # the rebuilt index answers
    assert reports[0][1:] == (0, 4) and "another version" in reports[0][0]
    assert reports[-1][1:] == (4, 4)


def test_an_index_of_the_current_format_is_not_rebuilt(library_home: Path) -> None:
    with Library(library_home) as library:
        stock(library)
    reports: list[tuple[str, int, int]] = []
    with Library(library_home, on_rebuild=lambda *r: reports.append(r)):
        pass
    assert reports == []
