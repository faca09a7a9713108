"""The library commands as a user types them (click's CliRunner, a real library on disk)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.index.samples import BORDER, BORDER_ELSEWHERE, GRAIN, WATER, write
from tui.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def clips(tmp_path: Path) -> Path:
    folder = tmp_path / "clips"
    write(folder, "border.txt", BORDER)
    write(folder / "more", "grain.md", GRAIN)
    write(folder / "more", "water.txt", WATER)
    return folder


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_json_reports_each_input(runner: CliRunner, clips: Path) -> None:
    write(clips, "empty.txt", "")
    code, out, _ = invoke(runner, "add", str(clips), "--json", "--tag", "Iraq Syria")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert {line["status"] for line in lines} == {"added", "error"}
    assert set(lines[0]) == {"origin", "id", "status", "title", "error"}
    error = next(line for line in lines if line["status"] == "error")
    assert error["origin"].endswith("empty.txt") and "empty" in error["error"]
    code, out, _ = invoke(runner, "add", str(clips / "border.txt"), "--json")
    assert json.loads(out)["status"] == "duplicate"


def test_add_summary_and_exit_code(runner: CliRunner, clips: Path, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "add", str(clips))
    assert code == 0 and "3 added" in err
    code, _, err = invoke(runner, "add", str(tmp_path / "missing.txt"))
    assert code == 1 and "no such file" in err


def test_search_show_tag_mark_flow(runner: CliRunner, clips: Path) -> None:
    invoke(runner, "add", str(clips))
    code, out, _ = invoke(runner, "search", "explosions", "--json")
    [hit] = json.loads(out)
    assert set(hit) == {"id", "title", "outlet", "published", "tags", "score", "snippet"}
    assert hit["published"].startswith("2022-03-27")
    assert "**explosions**" in hit["snippet"]
    short = hit["id"][:6]
    assert invoke(runner, "tag", short, "+Conflict", "+border")[1].split() == [
        "border", "conflict"]
    assert invoke(runner, "tag", short, "-border")[1].split() == ["conflict"]
    # A bare word adds (the reader's tag dialog reads words the same way); others stay.
    assert invoke(runner, "tag", short, "Iraq Syria")[1].split() == ["conflict", "iraq-syria"]
    assert invoke(runner, "tag", short, "-iraq-syria")[1].split() == ["conflict"]
    assert invoke(runner, "mark", short, "--read", "--star")[0] == 0
    code, out, _ = invoke(runner, "show", short, "--json")
    assert code == 0
    shown = json.loads(out)
    assert set(shown) >= {"id", "title", "outlet", "author", "published", "added", "url",
                          "origin", "tags", "read", "starred", "body", "duplicate_of"}
    assert shown["tags"] == ["conflict"] and shown["read"] and shown["starred"]
    assert shown["author"] == "Jane Doe"
    _, out, _ = invoke(runner, "show", short)
    assert "Militia convoy struck" in out and "Jane Doe" in out


def test_near_duplicate_shows_as_linked(runner: CliRunner, clips: Path, tmp_path: Path
                                        ) -> None:
    invoke(runner, "add", str(clips))
    copy = write(tmp_path, "elsewhere.txt", BORDER_ELSEWHERE)
    _, out, _ = invoke(runner, "add", str(copy), "--json")
    line = json.loads(out)
    assert line["status"] == "duplicate"
    shown = json.loads(invoke(runner, "show", line["id"], "--json")[1])
    assert shown["duplicate_of"]
    _, out, _ = invoke(runner, "show", shown["duplicate_of"])
    assert "also reported by" in out and "Desert Courier" in out


def test_saved_searches(runner: CliRunner, clips: Path) -> None:
    invoke(runner, "add", str(clips))
    code, _, err = invoke(runner, "search", "river OR grain", "--save", "food-water")
    assert code == 0 and "@food-water" in err
    code, out, _ = invoke(runner, "searches", "--json")
    assert json.loads(out) == [{"name": "food-water", "query": "river OR grain"}]
    code, out, _ = invoke(runner, "search", "@food-water", "--json", "--sort", "newest")
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize("args", [
    ["show", "zzzz"], ["tag", "zzzz", "+x"], ["mark", "zzzz", "--read"], ["search", "@nope"],
])
def test_mistakes_get_a_message_not_a_traceback(runner: CliRunner, clips: Path,
                                                args: list[str]) -> None:
    invoke(runner, "add", str(clips))
    code, out, err = invoke(runner, *args)
    assert code == 1
    assert err.startswith("error: ")
    assert "Traceback" not in out + err


def test_export_import_round_trip(runner: CliRunner, clips: Path, tmp_path: Path) -> None:
    invoke(runner, "add", str(clips))
    dump = tmp_path / "all.jsonl"
    assert invoke(runner, "export", "--output", str(dump))[0] == 0
    assert len(dump.read_text().splitlines()) == 3
    other = tmp_path / "other"
    code, _, err = invoke(runner, "--library", str(other), "import", str(dump))
    assert code == 0 and "3 added" in err
    _, out, _ = invoke(runner, "--library", str(other), "stats", "--json")
    assert json.loads(out)["articles"] == 3


def test_counts_in_messages_agree_with_their_noun(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "one", "border.txt", BORDER)
    invoke(runner, "add", str(tmp_path / "one"))
    code, _, err = invoke(runner, "export", "--output", str(tmp_path / "one.jsonl"))
    assert code == 0 and "exported 1 article\n" in err  # not "1 articles"
    code, _, err = invoke(runner, "reindex")
    assert code == 0 and "indexed 1 article\n" in err


def test_stats_and_reindex(runner: CliRunner, clips: Path) -> None:
    invoke(runner, "add", str(clips), "--tag", "desk")
    assert invoke(runner, "reindex")[0] == 0
    figures = json.loads(invoke(runner, "stats", "--json")[1])
    assert figures["articles"] == 3 and figures["indexed"] == 3
    assert figures["unread"] == 3 and figures["tags"] == 1
    assert figures["pending_index"] == 0


def test_help_teaches(runner: CliRunner) -> None:
    _, out, _ = invoke(runner, "search", "--help")
    assert "published:[" in out and "@NAME" in out
    _, out, _ = invoke(runner, "--help")
    for command in ("add", "search", "show", "tag", "mark", "export", "import", "stats"):
        assert command in out


def test_every_option_says_what_it_does() -> None:
    main.list_commands(click.Context(main))  # adds the optional command families
    commands = [(name, c) for name, c in main.commands.items()]
    commands += [(f"{name} {sub}", c) for name, g in main.commands.items()
                 if isinstance(g, click.Group) for sub, c in g.commands.items()]
    unexplained = [(name, p.opts[0]) for name, c in commands for p in c.params
                   if isinstance(p, click.Option) and not p.help]
    assert unexplained == []


@pytest.mark.parametrize("command", ["show", "delete", "mark", "import", "export", "reindex",
                                     "stats", "searches", "search", "fetch"])
def test_help_shows_an_example(runner: CliRunner, command: str) -> None:
    _, out, _ = invoke(runner, command, "--help")
    assert f"\n    newsdesk {command} " in out or f"\n    newsdesk {command}\n" in out


def test_edit_and_delete_from_the_command_line(runner: CliRunner, clips: Path) -> None:
    invoke(runner, "add", str(clips / "more" / "grain.md"))
    _, out, _ = invoke(runner, "search", "grain", "--json")
    aid = json.loads(out)[0]["id"]
    code, out, _ = invoke(runner, "edit", aid, "--title", "Quotas agreed", "--outlet", "Wire",
                          "--published", "2024-03-27 12:45")
    assert code == 0 and "Quotas agreed · Wire · 2024-03-27 12:45" in out
    _, out, _ = invoke(runner, "show", aid)
    assert "Quotas agreed" in out and "2024-03-27 12:45" in out
    code, _, err = invoke(runner, "edit", aid, "--published", "soon")
    assert code == 1 and "cannot read the date" in err
    code, _, err = invoke(runner, "delete", aid)
    assert code == 1 and "--yes" in err  # not a terminal: never deletes without --yes
    code, _, err = invoke(runner, "delete", aid[:6], "--yes")
    assert code == 0 and "deleted 1" in err
    code, _, err = invoke(runner, "show", aid)
    assert code == 1 and "no article" in err
    _, out, _ = invoke(runner, "search", "grain", "--json")
    assert json.loads(out) == []


def test_show_gives_the_parts_and_raw_what_was_dropped(runner: CliRunner, tmp_path: Path
                                                       ) -> None:
    from tests.index.test_extract_parts import PAGE

    write(tmp_path, "levy.txt", PAGE)
    _, out, _ = invoke(runner, "add", str(tmp_path / "levy.txt"), "--json")
    aid = json.loads(out)["id"]
    _, out, _ = invoke(runner, "show", aid)
    assert "Fishing crews say" in out and "Captions" in out and "herring" in out
    assert "Left out by cleanup" not in out
    assert "2026-03-26" in out and "2026-03-26 00:00" not in out
    _, out, _ = invoke(runner, "show", aid, "--raw")
    assert "Left out by cleanup" in out and "Share this article" in out
    _, out, _ = invoke(runner, "show", aid, "--json", "--raw")
    data = json.loads(out)
    assert data["standfirst"].startswith("Fishing") and "Most read" in data["dropped"]
