"""`newsdesk search` as a user types it: query mistakes are usage errors (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from index.library import Library
from tests.index.search_samples import stock
from tests.index.test_index_format import age_the_index
from tui.cli import main


@pytest.fixture
def runner(library: Library) -> CliRunner:
    stock(library)
    library.close()
    return CliRunner()


@pytest.mark.parametrize(("query", "says"), [
    ("foo:bar", "unknown field 'foo' at character 1"),
    ("published:[2026-13-45 to today]", "'2026-13-45' is not a date"),
    ("(border AND", "'(' is never closed at character 1"),
    ('"world cup', "quote is never closed"),
    ("border)", "')' closes nothing at character 7"),
    ("published:notadate", "cannot read the date 'notadate'"),
    ("the", "nothing searchable"),
])
def test_query_mistakes_exit_2_with_message(runner: CliRunner, query: str, says: str) -> None:
    result = runner.invoke(main, ["search", query])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and says in result.stderr
    assert "hint: " in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_unknown_field_lists_the_known_ones(runner: CliRunner) -> None:
    result = runner.invoke(main, ["search", "foo:bar"])
    assert "title, body, tag, outlet, author, published, added" in result.stderr


def test_filter_narrows_on_the_command_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["search", 'tag:sport "world cup"', "--json"])
    assert result.exit_code == 0
    assert '"cup1"' in result.stdout and '"cup2"' not in result.stdout


def test_the_command_line_says_it_is_rebuilding(library_home: Path) -> None:
    with Library(library_home) as library:
        stock(library)
    age_the_index(library_home, "1")
    result = CliRunner().invoke(main, ["search", "cup", "--json"])
    assert result.exit_code == 0
    assert "rebuilding it from the library (4 articles)" in result.stderr
    assert '"cup1"' in result.stdout
    again = CliRunner().invoke(main, ["search", "cup"])
    assert "rebuilding" not in again.stderr


def test_alias_commands(runner: CliRunner) -> None:
    added = runner.invoke(main, ["alias", "add", "world cup", "mundial"])
    assert added.exit_code == 0
    listed = runner.invoke(main, ["alias", "list"])
    assert "mundial\tworld cup\t(yours)" in listed.stdout
    found = runner.invoke(main, ["search", "mundial", "--json"])
    assert '"cup1"' in found.stdout and "mundial also searched as world cup" in found.stderr
    assert runner.invoke(main, ["alias", "remove", "world cup"]).exit_code == 0
    assert runner.invoke(main, ["alias", "list", "--json"]).stdout.strip() == "[]"
    missing = runner.invoke(main, ["alias", "remove", "nothing"])
    assert missing.exit_code == 1 and "no aliases of 'nothing'" in missing.stderr
    lonely = runner.invoke(main, ["alias", "add", "x", "x"])
    assert lonely.exit_code == 1 and "Traceback" not in lonely.output
