"""Terminal escape injection: no control character from an article reaches a terminal."""

from __future__ import annotations

import json
from pathlib import Path

from index.library import Library
from index.textsafe import clean, clean_line, to_json, visible
from tests.hostile.helpers import (
    HOSTILE_BODY,
    HOSTILE_TITLE,
    OSC52,
    cli,
    poison_store,
    raw_controls,
)


def test_the_text_functions() -> None:
    assert clean("a\x1b[2Jb\r\nc\x9bd\ud800e\tf") == "a[2Jb\nc" + "d\ufffde\tf"
    assert clean_line(" one\ntwo\tthree\x1b ") == "one two three"
    assert visible("a\x1b[31mb\x9b\x7f\ud800\n\t") == "a\u241b[31mb<9b>\u2421\ufffd\n\t"
    assert json.loads(to_json({"t": "\x1b\x9b\ud800é"})) == {"t": "\x1b\x9b\ud800é"}
    assert not raw_controls(to_json({"t": "\x1b\x9b\ud800é"}))
    # bidi overrides and isolates reorder a line: dropped, shown, escaped; marks stay
    assert clean("a\u202eb\u2066c\u2069\u200fd") == "abc\u200fd"
    assert visible("a\u202eb") == "a<202e>b"
    assert to_json("\u202e") == '"\\u202e"' and not raw_controls(to_json("\u2067"))


def hostile_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cranes\x1b]0;title\x07.txt"
    path.write_text(f"{HOSTILE_TITLE}\n\nBy Ann Ode\x1b[5m\n\n{HOSTILE_BODY}\n",
                    encoding="utf-8")
    return path


def test_add_stores_no_control_characters(tmp_path: Path, library_home: Path) -> None:
    result = cli("add", str(hostile_file(tmp_path / "in")), "--json")
    assert result.exit_code == 0, result.output
    assert not raw_controls(result.stdout) and not raw_controls(result.stderr)
    with Library(library_home) as library:
        article = library.get(json.loads(result.stdout)["id"])
        for text in (article.title, article.body, article.origin, article.author):
            assert not raw_controls(text), text
        assert "cranes" in article.title and "night shift" in article.body


def test_every_command_prints_no_control_characters(tmp_path: Path) -> None:
    added = cli("add", str(hostile_file(tmp_path / "in")), "--tag", "port\x1b[2J")
    assert not raw_controls(added.output)
    aid = json.loads(cli("search", "cranes", "--json").stdout)[0]["id"]
    for args in (["search", "cranes"], ["search", "cranes", "--json"], ["show", aid],
                 ["show", aid, "--json"], ["stats"], ["stats", "--json"], ["tag", aid],
                 ["mark", aid, "--star"], ["export"], ["search", "\x1b]52;c;eA==\x07"],
                 ["show", "\x1b[2J"], ["search", "x", "--save", "a\x1bb"],
                 ["stories", "--since", "3650d"], ["stories", "--since", "3650d", "--json"],
                 ["brief", "--since", "3650d", "--markdown", str(tmp_path / "b.md")]):
        result = cli(*args)
        assert not raw_controls(result.stdout), (args, result.stdout)
        assert not raw_controls(result.stderr), (args, result.stderr)
        assert "Traceback" not in result.output
    briefing = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "cranes" in briefing and not raw_controls(briefing)


def test_an_old_library_with_raw_controls_prints_none(tmp_path: Path,
                                                      library_home: Path) -> None:
    cli("add", str(hostile_file(tmp_path / "in")))
    aid = json.loads(cli("search", "cranes", "--json").stdout)[0]["id"]
    # What a library written before ingest cleaned text may hold.
    poison_store(library_home, aid, title=HOSTILE_TITLE, body=HOSTILE_BODY,
                 outlet=f"Gazette{OSC52}", url="http://x.example/\x1b[2J", origin="a\x9bb")
    for args in (["search", "cranes"], ["search", "cranes", "--json"], ["show", aid],
                 ["show", aid, "--json"], ["stats"], ["export"]):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert not raw_controls(result.stdout), (args, result.stdout)
        assert "cranes" in result.stdout or args == ["stats"]


def test_feed_names_and_addresses_with_controls_are_refused() -> None:
    bad_name = cli("feed", "add", "http://127.0.0.1:9/feed.xml", "--name", "a\x1b[2Jb")
    bad_url = cli("feed", "add", "http://127.0.0.1:9/\x1b]0;x\x07feed.xml")
    for result in (bad_name, bad_url):
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert not raw_controls(result.output)
