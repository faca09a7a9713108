"""A bulk add cleans in worker processes: they never outlive the add, a small add starts
none, and a fault cleaning one file fails that file only."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from index import cleaning
from index.cleaning import prepare_batch
from index.ingest import expand
from index.library import Library
from index.sources import TEXT
from tests.index.samples import corpus
from tests.index.test_crash_and_concurrency import CLI, assert_healthy, stored


def children() -> dict[int, int]:
    """Every running process's parent, by pid (zombies count as gone)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rpartition(")")[2].split()[:2]
        if state != "Z":
            parents[int(entry.name)] = int(ppid)
    return parents


def descendants(pid: int) -> set[int]:
    parents = children()
    found: set[int] = set()
    grown = True
    while grown:
        more = {p for p, parent in parents.items() if parent in found | {pid}} - found
        grown = bool(more)
        found |= more
    return found


def still_running(pids: set[int]) -> set[int]:
    return pids & set(children())


def wait_gone(pids: set[int]) -> set[int]:
    """The pids still running once they all ended or a generous minute passed."""
    deadline = time.monotonic() + 60  # a limit for a failing run, not a timing check
    while still_running(pids) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling pace
    return still_running(pids)


def add_in_session(home: Path, folder: Path) -> subprocess.Popen[str]:
    """`newsdesk add` in its own session, as a terminal runs it (Ctrl+C reaches the group)."""
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([*CLI, "add", str(folder), "--json"], env=env, text=True,
                            stdout=open(home.parent / "add.out.log", "w"),
                            stderr=open(home.parent / "add.err.log", "w"),
                            start_new_session=True, preexec_fn=default_sigint)


def default_sigint() -> None:
    # A shell's background job (`make test &`) ignores SIGINT, and so would the add; the
    # terminal's foreground job that Ctrl+C reaches does not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def busy_cleaning(proc: subprocess.Popen[str], home: Path) -> set[int]:
    """Wait until the add stored its first batch with its cleaners at work; their pids."""
    while stored(home) < 1 or not descendants(proc.pid):
        assert proc.poll() is None, "the add finished before the cleaners were seen"
        time.sleep(0.01)  # polling pace
    return descendants(proc.pid)


@pytest.mark.parametrize("how", ["kill -9", "Ctrl+C"])
def test_no_cleaner_outlives_an_interrupted_add(tmp_path: Path, how: str) -> None:
    home = tmp_path / "lib"
    corpus(tmp_path / "in", 3000)
    proc = add_in_session(home, tmp_path / "in")
    helpers = busy_cleaning(proc, home)
    if how == "kill -9":
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
    else:
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait() == 130
        errors = (tmp_path / "add.err.log").read_text()
        assert "interrupted" in errors and "Traceback" not in errors
    assert wait_gone(helpers) == set()
    with assert_healthy(home) as library:
        assert 0 < library.store.count() < 3000


def test_a_small_add_starts_no_cleaners(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        pytest.fail("a pool of cleaners was started for five files")

    monkeypatch.setattr(cleaning, "ProcessPoolExecutor", no_pool)
    with Library(tmp_path / "lib") as library:
        results = list(library.add([str(p) for p in corpus(tmp_path / "in", 5)]))
    assert [r.status for r in results] == ["added"] * 5


def test_a_fault_cleaning_one_file_fails_that_file_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = corpus(tmp_path / "in", 3)
    real = cleaning.extract

    def extract(source: cleaning.Source) -> object:
        if source.origin == str(files[1]):
            raise ValueError("an odd page")
        return real(source)

    monkeypatch.setattr(cleaning, "extract", extract)
    prepared = prepare_batch([(str(f), TEXT) for f in files], ())
    failed = prepared[1]
    assert isinstance(failed, cleaning.AddResult) and failed.status == "error"
    assert failed.error == f"{files[1]}: could not be cleaned (ValueError: an odd page)"
    assert not isinstance(prepared[0], cleaning.AddResult)
    assert not isinstance(prepared[2], cleaning.AddResult)


def test_a_bulk_add_through_the_cleaners_adds_everything(tmp_path: Path) -> None:
    corpus(tmp_path / "in", 1200)
    with Library(tmp_path / "lib") as library:
        results = list(library.add([str(tmp_path / "in")]))
        assert [r.status for r in results] == ["added"] * 1200
        assert library.index.doc_count() == 1200
        # the cleaners counted the words the index holds: it ranks as one rebuilt from the
        # articles' text does
        queries = ["convoy", "militia border", "drought harvest river", "title:summit"]
        ranked = {q: _ranking(library, q) for q in queries}
        library.reindex()
        assert {q: _ranking(library, q) for q in queries} == ranked


def _ranking(library: Library, query: str) -> list[tuple[float, str]]:
    # every hit's score; equal scores come in index order, which a rebuild changes
    return sorted((-round(hit.score, 5), hit.article.id)
                  for hit in library.search(query, limit=None, snippets=False).hits)


def test_a_killed_cleaner_is_told_once_and_the_rest_is_cleaned_here(tmp_path: Path) -> None:
    corpus(tmp_path / "in", 60)
    inputs = list(expand([str(tmp_path / "in")]))
    batches = [inputs[start:start + 6] for start in range(0, 60, 6)]  # more than run ahead
    told: list[str] = []
    cleaned: list[object] = []
    for number, prepared in enumerate(cleaning.prepared_batches(
            iter(batches), (), "", workers=1, on_notice=told.append)):
        cleaned += prepared
        if number == 0:  # the kernel's OOM killer, say: the pool's workers die mid-add
            parents = children()
            servers = {pid for pid, parent in parents.items() if parent == os.getpid()}
            for worker in {pid for pid, parent in parents.items() if parent in servers}:
                os.kill(worker, signal.SIGKILL)
    assert told == [cleaning.CLEANER_LOST]
    assert "nothing is lost" in told[0]
    assert len(cleaned) == 60
    assert not any(isinstance(item, cleaning.AddResult) for item in cleaned)
