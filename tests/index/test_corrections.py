"""Correcting and deleting articles: the store, the index and exports all follow."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from index.errors import NewsdeskError, NotFoundError
from index.feeds import FeedStore
from index.library import Library
from tests.index.samples import BORDER, BORDER_ELSEWHERE, GRAIN, write


def add_one(library: Library, folder: Path, name: str, text: str) -> str:
    [result] = library.add([str(write(folder, name, text))])
    assert result.status in ("added", "duplicate")
    return result.id


def titles_found(library: Library, query: str) -> list[str]:
    return [h.article.title for h in library.search(query).hits]


def test_edit_changes_the_record_and_search(library: Library, tmp_path: Path) -> None:
    aid = add_one(library, tmp_path, "grain.txt", GRAIN)
    edited = library.edit(aid[:6], title="Harvest quotas settled at dawn", outlet="Levant Wire",
                          author="Sam Roe", published="2024-03-27")
    assert (edited.title, edited.outlet, edited.author) == (
        "Harvest quotas settled at dawn", "Levant Wire", "Sam Roe")
    assert edited.published_label == "2024-03-27"
    assert titles_found(library, "title:dawn") == ["Harvest quotas settled at dawn"]
    assert titles_found(library, 'outlet:"levant wire"') == ["Harvest quotas settled at dawn"]
    assert titles_found(library, "author:roe") == ["Harvest quotas settled at dawn"]


def test_edit_keeps_what_the_date_says(library: Library, tmp_path: Path) -> None:
    aid = add_one(library, tmp_path, "grain.txt", GRAIN)
    assert library.edit(aid, published="2024-03-27 12:45").published_label == "2024-03-27 12:45"
    zoned = library.edit(aid, published="2024-03-27T12:45+03:00")
    assert zoned.published_label == "2024-03-27 12:45 UTC+03:00"
    unknown = library.edit(aid, published="")
    assert unknown.published is None and unknown.published_label == "date unknown"


def test_edit_refuses_nonsense(library: Library, tmp_path: Path) -> None:
    aid = add_one(library, tmp_path, "grain.txt", GRAIN)
    with pytest.raises(NewsdeskError, match="cannot read the date"):
        library.edit(aid, published="next Tuesday-ish")
    with pytest.raises(NewsdeskError, match="empty"):
        library.edit(aid, title="   ")
    with pytest.raises(NewsdeskError, match="nothing to change"):
        library.edit(aid)
    with pytest.raises(NotFoundError):
        library.edit("ffffffffffff", title="x")


def test_delete_leaves_nothing_behind(library: Library, tmp_path: Path) -> None:
    aid = add_one(library, tmp_path, "grain.txt", GRAIN)
    library.tag(aid, ["harvest"])
    FeedStore(library.store).add("https://example.test/rss", name="wire")
    FeedStore(library.store).record_fetch(FeedStore(library.store).get("wire"), [("item-1", aid)])
    assert library.delete([aid[:8]]) == [aid]
    with pytest.raises(NotFoundError):
        library.get(aid)
    assert library.search("grain").total == 0
    assert library.store.original(aid) == b""
    db = library.store.db
    for table in ("tags", "bands", "index_outbox", "originals"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert db.execute("SELECT article_id FROM feed_items").fetchall() == [(None,)]
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if "article_id" in columns and table != "feed_items":
            found = db.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (aid,))
            assert found.fetchone()[0] == 0, table
    # The same file added again comes back as new.
    assert add_one(library, tmp_path, "grain.txt", GRAIN) == aid


def test_deleting_a_first_copy_promotes_the_next(library: Library, tmp_path: Path) -> None:
    first = add_one(library, tmp_path / "a", "border.txt", BORDER)
    copy = add_one(library, tmp_path / "b", "border-elsewhere.txt", BORDER_ELSEWHERE)
    assert library.get(copy).duplicate_of == first
    library.delete([first])
    promoted = library.get(copy)
    assert promoted.duplicate_of is None
    assert [h.article.id for h in library.search("explosions").hits] == [copy]


def test_export_import_keeps_edits(library: Library, tmp_path: Path) -> None:
    aid = add_one(library, tmp_path, "grain.txt", GRAIN)
    library.edit(aid, title="Edited headline", published="2024-03-27 12:45", outlet="Wire")
    out = io.StringIO()
    library.export(out)
    with Library(tmp_path / "other") as other:
        assert [r.status for r in other.import_jsonl(out.getvalue().splitlines(), "x")] == [
            "added"]
        back = other.get(aid)
    assert (back.title, back.outlet, back.published_label) == (
        "Edited headline", "Wire", "2024-03-27 12:45")


def test_add_outlet_names_the_outlet_of_a_batch(library: Library, tmp_path: Path) -> None:
    write(tmp_path / "in", "grain.txt", GRAIN)
    write(tmp_path / "in", "border.txt", BORDER)
    results = list(library.add([str(tmp_path / "in")], outlet=" Levant   Wire "))
    assert {library.get(r.id).outlet for r in results} == {"Levant Wire"}
