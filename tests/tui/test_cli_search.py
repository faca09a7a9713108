"""`newsdesk search` as a user types it: query mistakes are usage errors (exit code 2)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from index.library import Library
from tests.index.search_samples import stock
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
