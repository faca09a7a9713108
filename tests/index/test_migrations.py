"""Schema migrations: a new library, one made by the schema-2 release, added and killed steps."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import migrations
from index.errors import NewsdeskError
from index.feeds import FeedStore
from index.library import Library
from index.store import Store
from tests.conftest import OLD_LIBRARY
from tui.cli import main

ROOT = Path(__file__).parents[2]
FIXTURE = OLD_LIBRARY


def schema_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_library_runs_every_migration(library_home: Path) -> None:
    with Library(library_home) as library:
        assert library.stats()["articles"] == 0
    db = library_home / "library.db"
    assert schema_version(db) == len(migrations.MIGRATIONS)
    assert {"articles", "tags", "searches", "feeds", "feed_items"} <= tables(db)


def test_the_schema_2_fixture_is_what_it_says() -> None:
    assert schema_version(FIXTURE) == 2


def test_a_schema_2_library_opens_with_everything_kept(old_library: Path) -> None:
    with Library(old_library) as library:
        stats = library.stats()
        assert (stats["articles"], stats["duplicates"], stats["unread"]) == (7, 1, 5)
        assert (stats["starred"], stats["in_basket"], stats["tags"]) == (1, 1, 4)
        strike = library.get("43ce2f52ee84")
        assert strike.tags == ("border", "iraq-syria", "strikes")
        assert (strike.read, strike.starred, strike.in_basket) == (True, True, False)
        assert library.get("58b19570a864").in_basket
        assert library.get("5e87a494abf6").duplicate_of == "e67bf0a839e1"
        assert library.store.searches() == [("borders", "border OR fence")]
        [feed] = FeedStore(library.store).all()
        assert (feed.name, feed.tags) == ("fixture-wire", ("wire",))
        assert FeedStore(library.store).seen_keys("fixture-wire") == {"http://127.0.0.1:39255/fixture-1"}
        # The index was not part of the fixture: it is rebuilt from the store on open.
        found = {h.article.id for h in library.search("@borders").hits}
        assert {"43ce2f52ee84", "58b19570a864", "db625c4a39a1"} <= found
        assert [h.article.id for h in library.search("tag:strikes").hits] == ["43ce2f52ee84"]
    assert schema_version(old_library / "library.db") == len(migrations.MIGRATIONS)


def test_a_migration_added_later_runs_once(
    library_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library(library_home).close()
    runs: list[int] = []

    def m_add_notes(db: sqlite3.Connection) -> None:
        runs.append(1)
        db.execute("ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m_add_notes])
    for _ in range(2):
        Store(library_home / "library.db").close()
    assert runs == [1]
    assert schema_version(library_home / "library.db") == len(migrations.MIGRATIONS)


def test_a_failing_migration_leaves_the_previous_version(
    library_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library(library_home).close()
    before = schema_version(library_home / "library.db")

    def m_broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m_broken])
    with pytest.raises(NewsdeskError):
        Store(library_home / "library.db")
    assert schema_version(library_home / "library.db") == before
    assert "half_done" not in tables(library_home / "library.db")


KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
from index import migrations
from index.store import Store

def m_killed(db):
    db.execute("CREATE TABLE half_done (x)")
    db.execute("INSERT INTO half_done VALUES (1)")
    os.kill(os.getpid(), signal.SIGKILL)

migrations.MIGRATIONS.append(m_killed)
Store(Path(sys.argv[1]))
"""


def test_a_kill_mid_migration_leaves_the_previous_version(library_home: Path) -> None:
    with Library(library_home) as library:
        list(library.add([str(ROOT / "examples" / "articles" / "01-abu-kamal-strike.txt")]))
    db = library_home / "library.db"
    before = schema_version(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(db)], env=env, check=False)
    assert proc.returncode == -9
    with Library(library_home) as library:
        assert library.stats()["articles"] == 1
    assert schema_version(db) == before
    assert "half_done" not in tables(db)


def test_a_library_from_a_newer_newsdesk_is_refused(library_home: Path) -> None:
    Library(library_home).close()
    with sqlite3.connect(library_home / "library.db") as db:
        db.execute(f"PRAGMA user_version = {len(migrations.MIGRATIONS) + 1}")
    with pytest.raises(NewsdeskError, match="newer newsdesk"):
        Store(library_home / "library.db")
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code != 0
    assert "newer newsdesk" in result.output
    assert "Traceback" not in result.output
