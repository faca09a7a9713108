"""Shared fixtures: every test gets its own library folder, never the user's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.library import Library

SAMPLES = Path(__file__).parent / "data"
OLD_LIBRARY = SAMPLES / "library-v2" / "library.db"


@pytest.fixture(autouse=True)
def library_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NEWSDESK_HOME at a fresh temp folder for every test."""
    home = tmp_path / "library"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    return home


@pytest.fixture
def library(library_home: Path) -> Iterator[Library]:
    """An open, empty library in the test's temp folder."""
    with Library(library_home) as lib:
        yield lib


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    """A copy of the library made by the schema-2 release (tests/data/library-v2)."""
    root = tmp_path / "old"
    root.mkdir()
    shutil.copy(OLD_LIBRARY, root / "library.db")
    return root


def write_article(folder: Path, name: str, title: str, *paragraphs: str,
                  header: str = "", footer: str = "") -> Path:
    """Write a small scraped-style article file and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    parts = [header, title, *paragraphs, footer]
    path.write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
    return path
