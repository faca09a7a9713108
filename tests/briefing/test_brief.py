"""Briefing selection and structure: what is picked, how it is grouped, cited and summarized."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.build import BriefingFiles, Selection, parse_since, write_briefing
from briefing.compose import Briefing, Options, StoryEntry, compose
from briefing.select import search_members, select_articles, select_stories, story_articles
from index.errors import NewsdeskError
from index.library import Library
from tests.briefing.samples import ARTICLES, CAPTION, build_sample_library, import_article

FERRY = ("The river ferry at Qasr carried 40 passengers on Monday, its first crossing since "
         "the flood, the port authority said. Tickets cost 2 dinars.")
WAGES = ("Teachers in Mosul received three months of unpaid salaries on Sunday, the "
         "education ministry announced. The payments reached 9,000 staff.")

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def sample(library: Library, tmp_path: Path) -> dict[str, str]:
    """The sample library: file name -> article id."""
    return build_sample_library(library, tmp_path / "src")


def _compose(library: Library, selection: Selection, sections: str = "tags") -> Briefing:
    stories = select_stories(library, selection)
    articles = story_articles(library, stories)
    members = search_members(library, selection.searches) if sections == "searches" else {}
    return compose(stories, articles, selection, members=members, today=NOW,
                   options=Options(sections=sections))


def _story_of(briefing: Briefing, ref: int) -> StoryEntry:
    return next(e for s in briefing.sections for e in s.stories if ref in e.refs)


def _brief(library: Library, tmp_path: Path, selection: Selection, **kw: object) -> str:
    files = write_briefing(library, selection, outputs={"markdown": tmp_path / "b.md"}, **kw)
    assert "markdown" in files.paths
    return files.paths["markdown"].read_text(encoding="utf-8")


def test_parse_since() -> None:
    assert parse_since("24h", NOW) == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert parse_since("7d", NOW) == datetime(2026, 11, 14, 9, 0, tzinfo=UTC)
    assert parse_since("2w", NOW) == datetime(2026, 11, 7, 9, 0, tzinfo=UTC)
    assert parse_since("yesterday", NOW) == datetime(2026, 11, 20, tzinfo=UTC)
    assert parse_since("2024-03-27", NOW) == datetime(2024, 3, 27, tzinfo=UTC)
    with pytest.raises(NewsdeskError):
        parse_since("last tuesday-ish", NOW)


def test_criteria_intersect_and_values_unite(library: Library, sample: dict[str, str]) -> None:
    def ids(selection: Selection) -> set[str]:
        return {a.id for a in select_articles(library, selection)}

    energy_or_diplomacy = ids(Selection(tags=("energy", "diplomacy")))
    assert energy_or_diplomacy == {sample[n] for n in ("pipeline.txt", "grid.txt", "wells.txt",
                                                        "talks.txt", "aid.txt")}
    since = datetime(2026, 11, 15, tzinfo=UTC)
    assert ids(Selection(tags=("energy", "diplomacy"), since=since)) == {
        sample["pipeline.txt"], sample["grid.txt"], sample["talks.txt"]}
    assert ids(Selection(query="convoy")) == {sample["convoy.txt"]}
    assert ids(Selection(query="convoy", tags=("energy",))) == set()
    assert ids(Selection(ids=(sample["schools.txt"][:6],))) == {sample["schools.txt"]}
    library.mark(sample["market.txt"], in_basket=True)
    assert ids(Selection(basket=True)) == {sample["market.txt"]}
    with pytest.raises(NewsdeskError):
        select_articles(library, Selection())


def test_heading_counts_key_points_and_sections(library: Library, sample: dict[str, str]) -> None:
    briefing = _compose(library, Selection(since=datetime(2026, 11, 1, tzinfo=UTC)))
    assert briefing.title == "Briefing \u2014 21 November 2026"
    assert briefing.article_count == len(ARTICLES) + 1  # the convoy copy is a source too
    # Border Monitor, Frontier Daily, Gulf Energy Wire, Capital Herald, and the copy's outlet
    assert briefing.outlet_count == 5
    assert ("Period", "since 2026-11-01 00:00 UTC") in briefing.criteria
    refs = {s.ref: s for s in briefing.sources}
    assert sorted(refs) == list(range(1, len(ARTICLES) + 2))
    assert briefing.key_points
    for point in briefing.key_points:
        story = _story_of(briefing, point.refs[0])
        assert set(point.refs) <= set(story.refs)
        # cited only to the articles that print it
        assert all(point.text in " ".join(library.get(refs[r].id).body.split())
                   for r in point.refs)
    titles = [s.title for s in briefing.sections]
    assert "Other" not in titles[:-1] and set(titles) <= {"Diplomacy", "Energy", "Iraq-Syria",
                                                      "Security", "Other"}
    for section in briefing.sections:  # a story goes under a tag one of its articles has
        for story in section.stories:
            tags = {t for r in story.refs for t in library.get(refs[r].id).tags}
            assert (not tags) if section.title == "Other" else section.title.lower() in tags
    shown = [r for s in briefing.sections for e in s.stories for r in e.refs]
    assert sorted(shown) == sorted(refs)  # every article in exactly one story


def test_period_says_the_days_briefed_not_a_limit_that_left_nothing_out(
    library: Library, sample: dict[str, str], tmp_path: Path
) -> None:
    # "--since 36500d", the hint's "every article", once printed "Period: since 1926-12-17"
    everything = _brief(library, tmp_path, Selection(since=parse_since("36500d")))
    assert "1926" not in everything
    assert "**Period:** 10\u201320 November 2026" in everything
    by_tag = _compose(library, Selection(tags=("security",)))
    assert ("Period", "11\u201320 November 2026") in by_tag.criteria
    cut = _brief(library, tmp_path, Selection(since=datetime(2026, 11, 15, tzinfo=UTC)))
    assert "**Period:** since 2026-11-15 00:00 UTC" in cut


def test_requested_tags_order_the_sections(library: Library, sample: dict[str, str]) -> None:
    briefing = _compose(library, Selection(tags=("iraq-syria", "energy")))
    assert [s.title for s in briefing.sections] == ["Iraq-Syria", "Energy"]
    iraq = {src.id for src in briefing.sources
            if any(src.ref in e.refs for e in briefing.sections[0].stories)}
    assert sample["wells.txt"] in iraq  # asked-for tag order wins over alphabetical order


def test_sections_by_saved_search(library: Library, sample: dict[str, str]) -> None:
    library.save_search("power", "power OR pipeline")
    library.save_search("crossing", "crossing")
    briefing = _compose(library, Selection(searches=("crossing", "power")), "searches")
    titles = [s.title for s in briefing.sections]
    assert titles[:2] == ["@crossing", "@power"]
    refs = {src.ref: src.id for src in briefing.sources}
    found = {name: {h.article.id for h in library.search(f"@{name}", limit=None).hits}
             for name in ("crossing", "power")}
    for section in briefing.sections[:2]:  # each story under a search that finds one of it
        for story in section.stories:
            assert found[section.title[1:]] & {refs[r] for r in story.refs}
    shown = {refs[r] for section in briefing.sections[:2] for e in section.stories for r in e.refs}
    assert {sample["pipeline.txt"], sample["grid.txt"]} <= shown
    assert ("Saved searches", "@crossing, @power") in briefing.criteria


def test_stories_carry_metadata_and_verbatim_summaries(
    library: Library, sample: dict[str, str]
) -> None:
    briefing = _compose(library, Selection(tags=("security",)))
    drones = next(s for s in briefing.sources if s.id == sample["drones.txt"])
    assert drones.date == "2026-11-18 21:40"  # the page gave no zone
    assert drones.outlet == "Frontier Daily" and drones.file == "drones.txt"
    story = _story_of(briefing, drones.ref)
    assert story.title == "Drone sightings prompt curfew in border town"
    assert story.outlets == ("Frontier Daily",) and story.dates == "18 November 2026"
    body = library.get(drones.id).body
    assert 1 <= len(story.summary) <= 3
    for sentence in story.summary:
        assert sentence.text in body and sentence.refs == (drones.ref,)
        assert sentence.text != story.title and "Pictured" not in sentence.text
    assert CAPTION not in body  # the caption is cleanup's to drop, and never summarized


def test_dates_say_no_more_than_the_page_did(library: Library, tmp_path: Path) -> None:
    day_only = import_article(library, tmp_path, title="Ferry resumes", tags=["t"],
                              published="2026-11-17", body=FERRY)
    undated = import_article(library, tmp_path, title="Teachers paid", tags=["t"],
                             body=WAGES)
    briefing = _compose(library, Selection(tags=("t",)))
    dates = {s.id: s.date for s in briefing.sources}
    assert dates[day_only] == "2026-11-17"  # no invented 00:00
    assert dates[undated].startswith("date unknown, added ")
    entries = {e.title: e.dates for s in briefing.sections for e in s.stories}
    assert entries["Teachers paid"] == "date unknown"
    assert entries["Ferry resumes"] == "17 November 2026"


def test_near_duplicate_is_one_story_citing_both_outlets(
    library: Library, sample: dict[str, str], tmp_path: Path
) -> None:
    copy = library.get(sample["convoy-copy.txt"])
    assert copy.duplicate_of == sample["convoy.txt"]
    text = _brief(library, tmp_path, Selection(ids=(copy.id,)))  # only the copy was asked for
    assert text.count("### Convoy halted at northern crossing") == 1
    assert "Border Monitor, Valley Times" in text or "Valley Times, Border Monitor" in text
    assert "2 articles \\[1, 2\\]" in text
    # the heading's counts agree: one id asked for, two articles cited, and it says why
    assert "from 2 articles" in text
    assert "1 article by id (2 with their linked copies)" in text


def test_markdown_is_deterministic(library: Library, sample: dict[str, str],
                                   tmp_path: Path) -> None:
    selection = Selection(tags=("iraq-syria", "security", "energy"))
    first = _brief(library, tmp_path, selection)
    second = _brief(library, tmp_path, selection)

    def undated(text: str) -> list[str]:  # without the heading and the day's date line
        return [line for line in text.splitlines()
                if not line.startswith("# ") and not re.match(r"\*\*\d+ ", line)]

    assert undated(first) == undated(second)
    assert re.search(r"^# Briefing \u2014 \d+ \w+ \d{4}$", first, re.MULTILINE)
    assert "**Tags:** iraq-syria, security, energy" in first


def test_empty_selection_writes_nothing(library: Library, sample: dict[str, str],
                                        tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError, match="no articles match"):
        write_briefing(library, Selection(tags=("no-such-tag",)),
                       outputs={"pdf": tmp_path / "b.pdf", "markdown": tmp_path / "b.md"})
    assert list(tmp_path.glob("b.*")) == []


def test_every_algorithm_briefs(library: Library, sample: dict[str, str], tmp_path: Path) -> None:
    from briefing.summarizers import ALGORITHMS

    for name in ALGORITHMS:
        text = _brief(library, tmp_path, Selection(tags=("energy",)), algorithm=name,
                      sentences=1)
        quoted = [line[2:] for line in text.splitlines() if line.startswith("> ")]
        assert len(quoted) == 3, name


def test_progress_and_result(library: Library, sample: dict[str, str], tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    files = write_briefing(library, Selection(tags=("energy",)),
                           outputs={"markdown": tmp_path / "e.md"},
                           progress=lambda *a: seen.append(a))
    assert files == BriefingFiles({"markdown": tmp_path / "e.md"}, 3)
    assert any(stage == "summarizing" and done == total for stage, done, total in seen)
    assert not list(tmp_path.glob(".*.part"))
