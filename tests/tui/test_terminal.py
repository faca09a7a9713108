"""`o` in a real terminal: a terminal browser gets the terminal (the reader steps aside and
comes back), and with no browser the link reaches the terminal's clipboard (OSC 52)."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.library import Library
from tests.tui.conftest import SAMPLES
from tests.tui.terminal import Terminal

URL = "https://borderwire.example/qaim-convoy"
# Stands in for lynx or w3m: records the terminal's mode and a line typed to it, then quits.
BROWSER = """#!/bin/sh
stty -a > "$RECORD.stty"
printf 'BROWSER READY\\n'
read -r line
printf '%s\\n%s\\n' "$1" "$line" > "$RECORD.tmp"
mv "$RECORD.tmp" "$RECORD"
"""


@pytest.fixture
def one_link(library_home: Path) -> Path:
    """A library of one article, with a link."""
    first = json.loads(SAMPLES.read_text(encoding="utf-8").splitlines()[0])
    first.update(starred=False, in_basket=False)
    assert first["url"] == URL
    with Library(library_home) as library:
        assert [r.status for r in library.import_jsonl([json.dumps(first)], "t")] == ["added"]
    return library_home


def reader_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "TMUX")}
    return {**env, "NEWSDESK_HOME": str(home), "TERM": "xterm-256color", **extra}


@pytest.fixture
def run_reader() -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.close()


def test_a_terminal_browser_gets_the_terminal_and_the_keys(
        one_link: Path, tmp_path: Path, run_reader: list[Terminal]) -> None:
    browser = tmp_path / "browser.sh"
    browser.write_text(BROWSER)
    browser.chmod(0o755)
    record = tmp_path / "record"
    term = Terminal(reader_env(one_link, BROWSER=str(browser), RECORD=str(record)))
    run_reader.append(term)
    term.wait_for(b"Convoy of pickups")  # the first row is drawn
    term.type("o")
    term.wait_for(b"BROWSER READY")
    # Keys the reader would act on (star, basket, quit): they must reach the browser alone.
    typed_at = len(term.output)
    term.type("sbq\r")
    term.wait_for(b"Convoy of pickups", after=typed_at)  # back: the reader draws itself again
    assert record.read_text().splitlines() == [URL, "sbq"]
    mode = (tmp_path / "record.stty").read_text().split()
    assert "icanon" in mode and "echo" in mode  # the terminal as the browser expects it
    with Library(one_link) as library:
        article = library.get("a001")
    assert not article.starred and not article.in_basket
    term.type("q")
    assert term.wait_exit() == 0


def test_with_no_browser_o_copies_the_link_to_the_terminal(
        one_link: Path, run_reader: list[Terminal]) -> None:
    # No $BROWSER, no display, no terminal browser on the PATH: nothing can open the link.
    term = Terminal(reader_env(one_link, PATH=""))
    run_reader.append(term)
    term.wait_for(b"Convoy of pickups")
    term.type("o")
    osc52 = b"\x1b]52;c;" + base64.b64encode(URL.encode())
    term.wait_for(osc52)
    term.wait_for(b"Link copied")  # and says so
    term.type("q")
    assert term.wait_exit() == 0
