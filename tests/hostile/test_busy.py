"""Busy libraries: a user's tag, mark and search never wait for another process's writer."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from index.library import CATCH_UP_NOTICE, Library
from index.search import SearchIndex
from tests.hostile.helpers import cli
from tests.index.samples import corpus

ROOT = Path(__file__).parents[2]


def newsdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process. The timeout only ends a hung test: were a command to
    wait for the writer the test holds, it would wait forever."""
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", "from tui.cli import main; main()", *args],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_tag_mark_and_search_do_not_wait_for_the_index_writer(tmp_path: Path,
                                                              library_home: Path) -> None:
    with Library(library_home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 30)]))
        aid = library.store.ids(limit=1)[0]
    # As a bulk import does for minutes: hold the index writer.
    with SearchIndex(library_home / "index").write_lock():
        tagged = newsdesk(library_home, "tag", aid, "+urgent")
        marked = newsdesk(library_home, "mark", aid, "--star")
        found = newsdesk(library_home, "search", "ministry OR officials", "--json")
        for done in (tagged, marked, found):
            assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        assert "urgent" in tagged.stdout and "starred" in marked.stdout
        assert json.loads(found.stdout)
    # Stored at once; indexed by the writer's holder, or here by the next command.
    result = cli("search", "tag:urgent", "--json")
    assert [h["id"] for h in json.loads(result.stdout)] == [aid]


def test_the_first_command_after_a_kill_says_it_is_catching_up(tmp_path: Path,
                                                               library_home: Path) -> None:
    count = CATCH_UP_NOTICE + 50
    with Library(library_home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", count)]))
    # What a kill between storing and indexing leaves: every article queued, none indexed.
    with sqlite3.connect(library_home / "library.db") as db:
        db.execute("INSERT OR IGNORE INTO index_outbox SELECT id FROM articles")
    result = cli("stats", "--json")
    assert result.exit_code == 0
    assert f"catching the search index up with articles stored but not indexed yet " \
           f"({count} articles)" in result.stderr
    assert f"indexed {count} of {count}" in result.stderr
    assert json.loads(result.stdout)["pending_index"] == 0
