"""Busy libraries: a user's tag, mark and search never wait for another process's writer."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index.library import CATCH_UP_NOTICE, Library
from index.search import SearchIndex
from tests.hostile.helpers import cli
from tests.index.samples import corpus

ROOT = Path(__file__).parents[2]
PROC_LOCKS = Path("/proc/locks")
# A user's write in another process, holding its turn until its stdin closes or it is killed.
HOLD_TURN = """
import sys
from pathlib import Path
from index.turns import Turns
with Turns(Path(sys.argv[1])).first():
    print("held", flush=True)
    sys.stdin.readline()
"""


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
    # What an import in flight leaves queued: many articles stored, not indexed yet.
    with sqlite3.connect(library_home / "library.db") as db:
        db.executemany("INSERT INTO index_outbox VALUES (?)",
                       [(f"{n:012x}",) for n in range(CATCH_UP_NOTICE)])
    # As a bulk import does for minutes: hold the index writer.
    with SearchIndex(library_home / "index").write_lock():
        tagged = newsdesk(library_home, "tag", aid, "+urgent")
        marked = newsdesk(library_home, "mark", aid, "--star")
        found = newsdesk(library_home, "search", "ministry OR officials", "--json")
        for done in (tagged, marked, found):
            assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
            assert "catching" not in done.stderr  # the import indexes them, not this command
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


def lines_file(path: Path, count: int) -> Path:
    body = ("The council's budget meeting number {n} approved new spending on buses and parks, "
            "item {n} on a list of {m} decisions taken on Thursday evening.")
    path.write_text("".join(
        json.dumps({"title": f"Council meeting {n}", "body": body.format(n=n, m=n + 40)}) + "\n"
        for n in range(count)))
    return path


def stored(home: Path) -> int:
    with sqlite3.connect(home / "library.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def wait_until_blocked_on(path: Path, process: subprocess.Popen[str]) -> None:
    """Until /proc/locks shows a process waiting for a lock on this file (an event the
    kernel reports; the loop's pause only spares the CPU)."""
    inode = f":{path.stat().st_ino} "
    while not any("->" in line and inode in line for line in PROC_LOCKS.read_text().splitlines()):
        assert process.poll() is None, process.communicate()
        subprocess.run(["sleep", "0.05"], check=True)


@pytest.mark.skipif(not PROC_LOCKS.exists(), reason="needs /proc/locks to see a waiting lock")
def test_an_import_waits_for_a_users_write_and_kills_lose_nothing(tmp_path: Path,
                                                                 library_home: Path) -> None:
    Library(library_home).close()
    source = lines_file(tmp_path / "in.jsonl", 12)
    database = library_home / "library.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_TURN, str(database)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    env = {**os.environ, "NEWSDESK_HOME": str(library_home)}
    command = [sys.executable, "-c", "from tui.cli import main; main()", "import", str(source)]
    first = subprocess.Popen(command, env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    # The import's next step waits while the user's write holds its turn: nothing stored.
    wait_until_blocked_on(database.with_name("library.db-turn"), first)
    assert stored(library_home) == 0
    first.kill()  # kill -9 while it waits: nothing half-stored
    first.communicate()
    second = subprocess.Popen(command, env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    wait_until_blocked_on(database.with_name("library.db-turn"), second)
    holder.kill()  # a user's command killed while holding its turn blocks no one
    holder.communicate()
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0 and "Traceback" not in err, err
    assert stored(library_home) == 12
    result = cli("search", "council", "--json")
    assert len(json.loads(result.stdout)) == 12


def test_edit_and_delete_do_not_wait_for_an_import_and_say_so(tmp_path: Path,
                                                               library_home: Path) -> None:
    with Library(library_home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 3)]))
        edited, deleted = library.store.ids(limit=2)
        gone_title = library.get(deleted).title
    # As a bulk import holds it for minutes: the index writer, taken in another process.
    with SearchIndex(library_home / "index").write_lock():
        for args in (("edit", edited, "--title", "Corrected headline"),
                     ("delete", deleted, "--yes")):
            done = newsdesk(library_home, *args)
            assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
            assert "saved; another newsdesk command (an import" in done.stderr
            assert "searches find the change once it is done" in done.stderr
        assert "Corrected headline" in newsdesk(library_home, "show", edited).stdout
    # The writer's holder indexes what was queued, or here the next command does.
    found = json.loads(cli("search", "title:corrected", "--json").stdout)
    assert [h["id"] for h in found] == [edited]
    hits = json.loads(cli("search", f'"{gone_title}"', "--json").stdout)
    assert deleted not in {h["id"] for h in hits}
    assert cli("show", deleted).exit_code != 0
