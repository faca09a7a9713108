"""Source types: a new kind of input is one registry line (index/sources.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import sources
from index.ingest import Source, expand
from index.library import Library
from index.models import Extracted


def read_wire_note(text: str, source: Source) -> Extracted:
    """A made-up format for the test: the first line is the headline, the rest the story."""
    title, _, body = text.partition("\n")
    return Extracted(title=title.strip(), body=body.strip(), outlet="Wire Notes")


def test_a_new_source_type_is_one_registry_line(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sources.SOURCES, "wire-note",
                        sources.SourceType(frozenset({".wire"}),
                                           "tests.index.test_sources:read_wire_note"))
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "ferry.wire").write_text(
        "Ferry resumes on the river\nThe ferry between the two towns ran again on Monday "
        "after a month of repairs to its landing stage, officials said.\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    wire_note = sources.SOURCES["wire-note"]
    assert list(expand([str(folder)])) == [(str(folder / "ferry.wire"), wire_note),
                                           (str(folder / "photo.jpg"), None)]
    added = [r for r in library.add([str(folder)]) if r.status == "added"]
    article = library.get(added[0].id)
    assert (article.title, article.outlet) == ("Ferry resumes on the river", "Wire Notes")


def test_suffixes_name_the_built_in_types() -> None:
    assert sources.kind_of(Path("a.HTM")) == sources.HTML
    assert sources.kind_of(Path("notes.md.gz")) == sources.TEXT
    assert sources.kind_of(Path("scan.pdf")) is None
    assert list(expand(["https://example.org/a"])) == [("https://example.org/a", sources.URL)]
