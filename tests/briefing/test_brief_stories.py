"""Briefings by story, as a reader gets them: real Markdown and a real PDF (WeasyPrint, pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefing.select import Selection, select_stories
from briefing.summarizers._quality import normalized
from index.library import Library
from tests.briefing.samples import build_sample_library, import_article
from tests.briefing.story_samples import CAPTIONS, write_story
from tui.cli import main

CITATION = re.compile(r"\\\[([\d, ]+)\\\]")


@pytest.fixture
def briefed(library: Library, tmp_path: Path) -> tuple[str, Path]:
    """A briefing of the caption-laden fire story, the sample library and an article with
    no headline, outlet or date: its Markdown text and its PDF."""
    build_sample_library(library, tmp_path / "src")
    runner = CliRunner()
    result = runner.invoke(main, ["add", *map(str, write_story(tmp_path / "fire")),
                                  "--tag", "energy"])
    assert result.exit_code == 0, result.output
    import_article(library, tmp_path, title="", outlet="", tags=["energy"],
                   body="Engineers restored power to 12 villages near Qasr on Friday after a "
                        "transformer fire, the district electricity office said.")
    md, pdf = tmp_path / "b.md", tmp_path / "b.pdf"
    result = runner.invoke(main, ["brief", "--tag", "energy", "--tag", "security",
                                  "--markdown", str(md), "--output", str(pdf)])
    assert result.exit_code == 0, result.output
    return md.read_text(encoding="utf-8"), pdf


def _quoted(markdown: str) -> list[str]:
    """Every sentence the briefing quotes: key points and story summaries."""
    lines = [line[2:] for line in markdown.splitlines() if line.startswith(("- ", "> "))]
    lines = [line for line in lines if not line.startswith("**")]  # the criteria lines
    return [s.strip() for line in lines for s in CITATION.split(line)[::2] if s.strip()]


def test_no_sentence_twice_and_no_caption(briefed: tuple[str, Path]) -> None:
    text, _ = briefed
    quoted = _quoted(text)
    assert len(quoted) >= 10
    keys = [normalized(s) for s in quoted]
    assert len(keys) == len(set(keys))
    for caption in CAPTIONS:
        assert normalized(caption) not in {normalized(s) for s in quoted}
    assert "Getty" not in text and "[CTS]" not in text and "FILE -" not in text


def test_key_points_follow_story_importance_and_cite_the_reports_that_print_them(
    library: Library, briefed: tuple[str, Path]
) -> None:
    text, _ = briefed
    stories = library.stories([a.id for a in library.articles()])
    energy = [s for s in stories if any("energy" in library.get(i).tags for i in s.article_ids)]
    points = text.split("## Key points")[1].split("\n## ")[0].splitlines()
    points = [p for p in points if p.startswith("- ")]
    fire = next(p for p in points if "Harran" in p)
    refs = [int(n) for n in CITATION.findall(fire)[-1].split(",")]
    sources = _sources(text)
    fire_story = next(s for s in stories if "Harran" in s.title)
    # cited to the reports of the fire that print the key point, not to all three
    printing = {Path(a.origin).name for a in map(library.get, fire_story.article_ids)
                if normalized(CITATION.split(fire[2:])[0]) in normalized(a.body)}
    assert len(fire_story.article_ids) == 3 and refs
    assert {sources[r] for r in refs} == printing
    # the fire, told by three outlets, outranks every one-article story and leads
    assert fire_story.score == max(s.score for s in energy)
    assert "Harran" in points[0]


def _sources(text: str) -> dict[int, str]:
    """Reference number -> the link or file name its source line ends with."""
    block = text.split("\n## Sources\n")[1]
    found = {}
    for line in block.strip().splitlines():
        number, _, rest = line.partition(". ")
        found[int(number)] = rest.rsplit(" \u00b7 ", 1)[1].strip("<>")
    return found


def test_markdown_citations_resolve_to_sources(briefed: tuple[str, Path]) -> None:
    text, _ = briefed
    sources = _sources(text)
    cited = {int(n) for group in CITATION.findall(text) for n in group.split(",")}
    assert cited and cited <= set(sources)
    assert set(sources) == set(range(1, len(sources) + 1))
    for target in sources.values():
        assert target.startswith("http") or re.search(r"\.(txt|md|html|jsonl)(:\d+)?$", target)
    assert "](#" not in text  # no anchors that only the HTML has


def test_no_placeholders_and_unknown_dates_labelled(briefed: tuple[str, Path]) -> None:
    text, _ = briefed
    assert "Unknown outlet" not in text and "(untitled)" not in text
    line = next(s for s in text.splitlines() if "date unknown, added" in s)
    assert line.endswith("import.jsonl:1") and " \u2014 " not in line  # no title, no outlet
    assert "### Engineers restored power to 12 villages" in text  # a headline from its text


def test_pdf_pages_are_full_and_hold_the_briefing(briefed: tuple[str, Path]) -> None:
    text, pdf = briefed
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) <= 4
    for number, page in enumerate(pages[:-1], 1):
        assert len(page.split()) > 250, f"page {number} is nearly empty"
    last = " ".join(pages[-1].split())
    assert "Sources" in last and len(last.split("Sources")[0].split()) > 40  # not alone
    flat = " ".join(" ".join(pages).split())
    assert "Fire destroys fuel depot at Harran bridge" in flat
    first_point = _quoted(text.split("## Key points")[1])[0]
    assert " ".join(first_point.split()[:8]) in flat


def test_stories_below_the_top_get_one_cited_line_each(library: Library, tmp_path: Path) -> None:
    build_sample_library(library, tmp_path / "src")
    md = tmp_path / "b.md"
    tags = ("energy", "security", "iraq-syria", "diplomacy")
    result = CliRunner().invoke(main, ["brief", *(f"--tag={t}" for t in tags),
                                       "--top", "2", "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    stories = select_stories(library, Selection(tags=tags))
    assert len(stories) > 3
    assert text.count("\n### ") == 2  # only the top two are told in full
    lines = [line for line in text.splitlines() if line.startswith("- **")]
    lines = [line for line in lines if not line.startswith(("- **Tags:", "- **Period:"))]
    assert len(lines) == len(stories) - 2
    for line in lines:  # headline, then its citations: no summary sentence
        assert CITATION.search(line), line
    sources = _sources(text)
    cited = {int(n) for group in CITATION.findall(text) for n in group.split(",")}
    assert cited == set(sources)  # every article of every story is still cited
    assert len(sources) == len({i for s in stories for i in s.article_ids})
