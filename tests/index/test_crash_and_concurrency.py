"""A kill -9 at any moment, or two processes at once, never loses or corrupts anything."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from index.filters import Filter
from index.library import Library
from tests.index.samples import corpus

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


def run_cli(home: Path, *args: str) -> subprocess.Popen[str]:
    """The CLI in its own process; output goes to files (a full pipe would stall it)."""
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    home.mkdir(parents=True, exist_ok=True)
    logs = home.parent / f"{home.name}-{len(list(home.parent.glob('*.log')))}"
    return subprocess.Popen([*CLI, *args], env=env, text=True,
                            stdout=open(f"{logs}.out.log", "w"),
                            stderr=open(f"{logs}.err.log", "w"))


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool]) -> None:
    """SIGKILL the process as soon as `ready()` turns true; it must still be busy then.

    `ready` looks at what the process itself reports (rows it committed, folders it made),
    never at the clock: a loaded machine only makes the moment come later.
    """
    while not ready():
        assert proc.poll() is None, "the process finished before the moment to kill it"
        time.sleep(0.01)  # polling pace, not a wait for anything
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the process finished before the kill"


def stored(home: Path) -> int:
    """Articles committed so far, read the way another process would."""
    try:
        with sqlite3.connect(f"file:{home / 'library.db'}?mode=ro", uri=True) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def assert_healthy(home: Path) -> Library:
    """The library opens, its index agrees with the store, and searches answer."""
    library = Library(home)
    stories = library.count(Filter(duplicates=False))
    assert library.store.outbox_size() == 0
    assert library.index.doc_count() == stories
    if stories:
        assert library.search("ministry OR officials OR convoy", limit=5).total > 0
    return library


# Moments: before anything is stored, right after the first commit (its batch is being
# indexed), after the first full batch, mid-way on. Each leaves >= 500 inputs to go.
@pytest.mark.parametrize("after", [0, 1, 500, 1000])
def test_kill_during_add_leaves_a_working_library(tmp_path: Path, after: int) -> None:
    home = tmp_path / "lib"
    corpus(tmp_path / "in", 1500)
    proc = run_cli(home, "add", str(tmp_path / "in"), "--json")
    kill_when(proc, lambda: (home / "library.db").exists() and stored(home) >= after)
    with assert_healthy(home) as library:
        before = library.store.count()
        assert before < 1500
        # Adding again finishes the job: nothing stored twice, nothing lost.
        results = list(library.add([str(tmp_path / "in")]))
        assert sum(r.status == "added" for r in results) == 1500 - before
        assert library.store.count() == 1500
        assert library.index.doc_count() == 1500


def test_kill_during_tagging_keeps_every_confirmed_tag(tmp_path: Path) -> None:
    home = tmp_path / "lib"
    with Library(home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 150)]))
        ids = library.store.ids()
    script = (
        "import sys\nfrom index.library import Library\n"
        f"lib = Library(__import__('pathlib').Path({str(home)!r}))\n"
        "for i in sys.argv[1:]:\n"
        "    lib.tag(i, add=['confirmed'])\n"
        "    lib.mark(i, read=True)\n"
        "    print(i, flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, *ids], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).parents[2])
    assert proc.stdout is not None
    # Kill right after the child confirms its 20th article: a moment it reports, however
    # slowly the machine imports the library or writes.
    seen = [proc.stdout.readline() for _ in range(20)]
    proc.send_signal(signal.SIGKILL)
    out = "".join(seen) + proc.stdout.read()
    assert proc.wait() == -signal.SIGKILL, "the tagging process finished before the kill"
    confirmed = out.split()
    assert confirmed, "the tagging process confirmed nothing before the kill"
    with assert_healthy(home) as library:
        for article_id in confirmed:
            article = library.get(article_id)
            assert "confirmed" in article.tags and article.read
        tagged = {h.article.id for h in library.search("tag:confirmed", limit=None).hits}
        assert set(confirmed) <= tagged


REINDEX = (
    "import sys\nfrom pathlib import Path\nfrom index.library import Library\n"
    "def pause(done):\n"
    "    print(done, flush=True)\n"
    "    sys.stdin.readline()  # the test kills us here\n"
    "Library(Path(sys.argv[1])).reindex(progress=pause)\n"
)


def test_kill_while_a_reindex_starts_keeps_the_old_index_serving(tmp_path: Path) -> None:
    home = tmp_path / "lib"
    with Library(home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 1500)]))
    before = {p.name for p in (home / "index").iterdir()}

    def building() -> bool:  # the new generation's folder has appeared
        return any(p.name not in before for p in (home / "index").glob("gen-*"))

    kill_when(run_cli(home, "reindex"), building)
    with assert_healthy(home) as library:
        assert library.search("ministry").total > 0
        assert library.reindex() == 1500


@pytest.mark.parametrize("reported", [1000, 1500])
def test_kill_mid_reindex_keeps_the_old_index_serving(tmp_path: Path, reported: int) -> None:
    home = tmp_path / "lib"
    with Library(home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", 1500)]))
    proc = subprocess.Popen([sys.executable, "-c", REINDEX, str(home)], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            cwd=Path(__file__).parents[2])
    assert proc.stdout is not None
    # The child stops after reporting each batch it wrote: killed there, half a
    # generation (or a whole, uncommitted one) is on disk.
    while int(proc.stdout.readline() or reported) < reported:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    with assert_healthy(home) as library:
        assert library.search("ministry").total > 0
        assert library.reindex() == 1500


def test_two_adds_at_once_and_a_reader_do_not_fail(tmp_path: Path) -> None:
    home = tmp_path / "lib"
    corpus(tmp_path / "a", 200, start=0)
    corpus(tmp_path / "b", 200, start=1000)
    first = run_cli(home, "add", str(tmp_path / "a"), "--tag", "a")
    second = run_cli(home, "add", str(tmp_path / "b"), "--tag", "b")
    while stored(home) == 0 and (first.poll() is None or second.poll() is None):
        time.sleep(0.01)  # until the library exists and has something in it
    with Library(home) as reader:  # the reader open while cron adds
        while first.poll() is None or second.poll() is None:
            reader.search("ministry OR council", limit=10)
    for proc in (first, second):
        assert proc.wait() == 0
    errors = "".join(p.read_text() for p in tmp_path.glob("*.err.log"))
    assert "locked" not in errors.lower() and "Traceback" not in errors
    with assert_healthy(home) as library:
        assert library.store.count() == 400
        assert library.search("tag:a", limit=None).total == 200
        assert library.search("tag:b", limit=None).total == 200
