"""A damaged search index is found and rebuilt from the store; `reindex` works on any."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from index.library import Library
from tests.hostile.helpers import cli
from tests.index.samples import corpus


def live_generation(home: Path) -> Path:
    return home / "index" / (home / "index" / "CURRENT").read_text().strip()


def garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 20)


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


# Each way an index folder gets broken: a file lost, emptied, overwritten or cut short.
DAMAGE: dict[str, Callable[[Path], None]] = {
    "segment deleted": lambda gen: [p.unlink() for p in gen.glob("*.seg")] and None,
    "toc emptied": lambda gen: [p.write_bytes(b"") for p in gen.glob("*.toc")] and None,
    "toc garbage": lambda gen: [garbage(p) for p in gen.glob("*.toc")] and None,
    "segment garbage": lambda gen: [garbage(p) for p in gen.glob("*.seg")] and None,
    "segment truncated": lambda gen: [truncate(p) for p in gen.glob("*.seg")] and None,
    "generation deleted": lambda gen: [p.unlink() for p in gen.iterdir()] and None,
    "pointer garbage": lambda gen: (gen.parent / "CURRENT").write_text("../../etc\n"),
}


@pytest.fixture
def home(tmp_path: Path, library_home: Path) -> Path:
    with Library(library_home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 40)]))
    return library_home


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_index_is_rebuilt_with_a_message(home: Path, kind: str) -> None:
    DAMAGE[kind](live_generation(home))
    result = cli("search", "ministry OR officials OR convoy", "--json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "rebuilding it from the library (40 articles)" in result.stderr
    assert "indexed 40 of 40" in result.stderr  # progress
    assert json.loads(result.stdout)
    again = cli("stats", "--json")  # repaired once, quiet after
    assert json.loads(again.stdout)["indexed"] == 40 and "rebuilding" not in again.stderr


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_reindex_works_on_any_index_state(home: Path, kind: str) -> None:
    DAMAGE[kind](live_generation(home))
    result = cli("reindex")
    assert result.exit_code == 0, result.output
    assert "indexed 40 articles" in result.stderr and "Traceback" not in result.output
    with Library(home) as library:
        assert library.index.doc_count() == 40 and not library.index.damage()


def test_damage_while_open_is_repaired_on_the_next_search(home: Path) -> None:
    reasons: list[str] = []
    with Library(home, on_rebuild=lambda why, done, total: reasons.append(why)) as library:
        assert library.search("ministry").total > 0
        library.index.close()
        DAMAGE["segment deleted"](live_generation(home))
        assert library.search("ministry").total > 0
        assert library.stats()["indexed"] == 40
    assert reasons and "damaged" in reasons[0]


def test_a_file_where_the_index_folder_was(home: Path) -> None:
    index = home / "index"
    for child in sorted(index.rglob("*"), reverse=True):
        child.rmdir() if child.is_dir() else child.unlink()
    index.rmdir()
    index.write_text("not a folder")
    result = cli("search", "ministry")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "missing" in result.stderr


def test_a_new_library_builds_its_index_silently(library_home: Path) -> None:
    result = cli("stats")
    assert result.exit_code == 0 and "rebuild" not in result.stderr
    assert os.path.isdir(library_home / "index")
