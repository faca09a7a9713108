"""Broken disks and files: read-only and full disks, lost or damaged databases, odd inputs.

The read-only and full disks are small tmpfs file systems mounted for the test; where the
machine does not allow mounting (no root), those tests are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.library import Library
from tests.hostile.helpers import cli
from tests.index.samples import corpus


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs at tmp_path/disk, unmounted after the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def stocked(home: Path, tmp_path: Path, count: int = 12) -> None:
    with Library(home) as library:
        list(library.add([str(p) for p in corpus(tmp_path / "in", count)], tags=["kept"]))


def test_a_read_only_library_serves_reads(small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "lib"
    stocked(home, tmp_path)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    os.environ["NEWSDESK_HOME"] = str(home)
    found = cli("search", "tag:kept", "--json")
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert len(hits) == 12
    for args in (["show", hits[0]["id"]], ["stats"], ["export"]):
        result = cli(*args)
        assert result.exit_code == 0 and "Traceback" not in result.output, (args, result.output)
    tagged = cli("tag", hits[0]["id"], "+more")
    assert tagged.exit_code == 1 and "Traceback" not in tagged.output
    assert "read-only" in tagged.stderr


def test_a_full_disk_gives_a_clear_error_and_leaves_reads_working(
        small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "lib"
    stocked(home, tmp_path)
    os.environ["NEWSDESK_HOME"] = str(home)
    filler = small_disk / "filler"
    with open(filler, "wb") as fh:  # fill the disk to the last block
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    before = sorted(p.relative_to(home) for p in home.rglob("*"))
    export = small_disk / "lib-export.jsonl"
    exported = cli("export", "--output", str(export))
    corpus(tmp_path / "more", 40, start=500)
    added = cli("add", str(tmp_path / "more"))
    for result in (exported, added):
        assert result.exit_code != 0 and "Traceback" not in result.output, result.output
        assert "disk is full" in result.stderr, result.stderr
    assert not list(small_disk.glob("*.part"))
    found = cli("search", "tag:kept", "--json")
    assert found.exit_code == 0 and len(json.loads(found.stdout)) == 12
    filler.unlink()
    after = {p.relative_to(home) for p in home.rglob("*")}
    stray = {p for p in after - set(before) if not p.name.startswith("library.db")}
    assert not stray, stray


def test_a_truncated_database_says_it_is_damaged(tmp_path: Path, library_home: Path) -> None:
    stocked(library_home, tmp_path, 40)
    db = library_home / "library.db"
    db.write_bytes(db.read_bytes()[:8192])
    result = cli("search", "ministry")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "is damaged" in result.stderr


def test_an_empty_database_never_becomes_a_new_library(tmp_path: Path,
                                                       library_home: Path) -> None:
    stocked(library_home, tmp_path)
    (library_home / "library.db").write_bytes(b"")
    for name in ("library.db-wal", "library.db-shm"):
        (library_home / name).unlink(missing_ok=True)
    result = cli("stats")
    assert result.exit_code == 1 and "is empty (0 bytes)" in result.stderr
    assert (library_home / "library.db").stat().st_size == 0  # nothing created over it


NOBODY = 65534  # the unprivileged user the test runs `add` as when it runs as root


def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    # Root reads every folder, so as root `add` runs as nobody, on files nobody owns, in a
    # folder under /tmp that nobody can reach (pytest's tmp_path is root's alone).
    base = Path(tempfile.mkdtemp(prefix="newsdesk-unreadable-")) if os.geteuid() == 0 \
        else tmp_path
    try:
        folder = base / "clips"
        corpus(folder, 2)
        corpus(folder / "locked", 1)
        result = add_as_unprivileged(base, folder)
    finally:
        (folder / "locked").chmod(0o755)
        if base != tmp_path:
            shutil.rmtree(base)
    assert "Traceback" not in result.stderr
    assert f"{folder / 'locked'}: cannot read this folder (Permission denied)" in result.stderr
    assert "2 added, 1 error" in result.stderr and result.returncode == 0  # partly added


def add_as_unprivileged(base: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """`newsdesk add FOLDER` in its own process, its `locked` sub-folder unreadable to it."""
    command = [sys.executable, "-c", "from tui.cli import main; main()", "add", str(folder)]
    if os.geteuid() == 0:
        for path in (base, *base.rglob("*")):
            os.chown(path, NOBODY, NOBODY)
        base.chmod(0o755)
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                   *command]
        if shutil.which("setpriv") is None or subprocess.run(
                [*command[:4], "true"], capture_output=True).returncode != 0:
            pytest.skip("cannot run a command as an unprivileged user here (setpriv)")
    (folder / "locked").chmod(0)
    env = {**os.environ, "NEWSDESK_HOME": str(base / "library")}
    return subprocess.run(command, env=env, cwd=Path(__file__).parents[2],
                          capture_output=True, text=True, timeout=300)


def test_deep_opml_nesting_is_an_error(tmp_path: Path) -> None:
    depth = 5000
    opml = tmp_path / "deep.opml"
    opml.write_text('<opml version="2.0"><body>' + '<outline text="f">' * depth
                    + '<outline xmlUrl="http://127.0.0.1:9/feed.xml"/>'
                    + "</outline>" * depth + "</body></opml>")
    result = cli("feed", "import", str(opml))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "nests folders more than" in result.stderr


def test_a_deeply_nested_page_error_names_its_file(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + "<p>Text.</p>" + "</div>" * 100_000
                    + "</body></html>")
    result = cli("add", str(page))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "nested.html" in result.stderr
