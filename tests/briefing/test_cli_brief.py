"""The brief and summarize commands, driven through click's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from index.library import Library
from tests.briefing.samples import ARTICLES, article_path, build_sample_library
from tui.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_brief_writes_default_files(library: Library, tmp_path: Path, runner: CliRunner,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    build_sample_library(library, tmp_path / "src")
    library.save_search("border", "border OR crossing")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    result = runner.invoke(main, ["brief", "--search", "border", "--since", "2026-11-01"])
    assert result.exit_code == 0, result.output
    # The day from the name written (not the clock now: the test may straddle midnight).
    day = result.stdout.split("briefing-", 1)[-1][:10]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", day)
    assert result.stdout.splitlines() == [f"briefing-{day}.pdf", f"briefing-{day}.md"]
    assert "summarizing" in result.stderr and "rendering PDF" in result.stderr
    assert PdfReader(out / f"briefing-{day}.pdf").pages
    text = (out / f"briefing-{day}.md").read_text()
    assert "**Saved searches:** @border" in text
    assert sorted(p.name for p in out.iterdir()) == [f"briefing-{day}.md", f"briefing-{day}.pdf"]


def test_brief_named_outputs_and_sections(library: Library, tmp_path: Path,
                                          runner: CliRunner) -> None:
    build_sample_library(library, tmp_path / "src")
    library.save_search("water", "river OR wells")
    md = tmp_path / "w.md"
    result = runner.invoke(main, ["brief", "--tag", "energy", "--tag", "iraq-syria",
                                  "--sections", "searches", "--search", "water",
                                  "--markdown", str(md), "--title", "Water watch", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(md)]
    text = md.read_text()
    assert text.startswith("# Water watch\n") and "## @water" in text
    assert not (tmp_path / "w.pdf").exists()


def test_brief_nothing_matched(library: Library, tmp_path: Path, runner: CliRunner,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    build_sample_library(library, tmp_path / "src", copy=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["brief", "--tag", "nothing-here"])
    assert result.exit_code == 1
    assert "no articles match" in result.stderr and result.stdout == ""
    assert not list(tmp_path.glob("briefing-*"))
    result = runner.invoke(main, ["brief", "--since", "fortnight-ish"])
    assert result.exit_code == 1 and "cannot read the period" in result.stderr


def test_brief_basket_and_ids(library: Library, tmp_path: Path, runner: CliRunner) -> None:
    ids = build_sample_library(library, tmp_path / "src", copy=False)
    runner.invoke(main, ["mark", ids["talks.txt"], "--basket"])
    md = tmp_path / "b.md"
    result = runner.invoke(main, ["brief", "--basket", "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    assert "Envoys meet to discuss crossing agreement" in md.read_text()
    assert "1 article briefed" in result.stderr  # not "1 articles"
    result = runner.invoke(main, ["brief", "--ids", f"{ids['grid.txt']},{ids['wells.txt'][:5]}",
                                  "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    assert "from 2 articles" in md.read_text()


def test_summarize_text_json_and_bad_file(tmp_path: Path, runner: CliRunner,
                                          library_home: Path) -> None:
    first = article_path(tmp_path, ARTICLES[3])
    second = article_path(tmp_path, ARTICLES[4])
    result = runner.invoke(main, ["summarize", str(first), "-n", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Oil exports through the northern pipeline")
    assert all(line in first.read_text().replace("\n", " ") for line in lines)

    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["summarize", str(first), str(missing), str(second), "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in rows] == [ARTICLES[3][2], ARTICLES[4][2]]
    assert all(len(r["sentences"]) == 3 and r["origin"] for r in rows)
    assert "missing.txt: no such file" in result.stderr

    result = runner.invoke(main, ["summarize", str(first), str(second), "--algorithm", "lexrank"])
    assert f"== {ARTICLES[3][2]} (pipeline.txt)" in result.stdout
    with Library(library_home) as lib:
        assert lib.store.count() == 0  # summarize never adds to the library
    result = runner.invoke(main, ["summarize", str(first), "--algorithm", "nope"])
    assert result.exit_code == 1 and "unknown summary algorithm" in result.stderr
