"""`newsdesk stories` and `brief --new` as a user runs them, on a real library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefing import summarizers
from briefing.summarizers import Picked
from tests.index.story_samples import (
    DERBY,
    HIT_FOLLOW_UP,
    HIT_STRIKE,
    HIT_STRIKE_OTHER_OUTLET,
    RUTBA_STRIKE,
    RUTBA_STRIKE_OTHER_OUTLET,
    TODAY,
    lines,
)
from tui.cli import main


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.stdout


def load(tmp_path: Path, *articles: dict[str, object]) -> None:
    source = tmp_path / f"import-{len(list(tmp_path.glob('import-*')))}.jsonl"
    source.write_text("\n".join(lines(*articles)) + "\n", encoding="utf-8")
    run("import", str(source))


def test_stories_json_shape(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    found = json.loads(run("stories", "--since", "2026-11-01", "--json"))
    assert isinstance(found, list) and len(found) == 3
    for story in found:
        assert {"title", "articles", "outlets", "first", "last", "key_point", "summary",
                "new"} <= set(story)
        assert story["new"] is True
        assert isinstance(story["summary"], list)
        assert story["key_point"] not in story["summary"]
    hit = next(s for s in found if "hit-levant" in s["articles"])
    assert set(hit["articles"]) == {"hit-levant", "hit-tigris", "hit-copy"}
    assert set(hit["outlets"]) == {"Levant Wire", "Tigris Daily", "Anbar Today"}
    assert "market" in hit["key_point"]
    assert found[-1]["articles"] == ["derby"]


def test_stories_text_lists_titles_outlets_counts(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    text = run("stories", "--tag", "iraq-syria")
    assert "1. Drone strike kills three at livestock market in Hit (new)" in text
    # only the first report carries the tag; its copy comes with it
    assert "Levant Wire, Anbar Today · 2 articles · 20 November 2026" in text


def test_stories_give_dates_as_the_pages_did(tmp_path: Path) -> None:
    # one report gives only its day: no invented midnight; a story over two days says so
    load(tmp_path, {**HIT_STRIKE, "published": "2026-11-20"}, HIT_FOLLOW_UP)
    [story] = json.loads(run("stories", "--since", "2026-11-01", "--json"))
    assert (story["first"], story["last"]) == ("2026-11-20", "2026-11-21T09:00:00+00:00")
    text = run("stories", "--since", "2026-11-01")
    assert "2 articles · 20\u201321 November 2026" in text


def test_an_undated_report_lends_the_story_no_date(tmp_path: Path) -> None:
    # a follow-up saved without its date: the day it was added is not a day of the story
    undated = {k: v for k, v in HIT_FOLLOW_UP.items() if k != "published"}
    load(tmp_path, {**HIT_STRIKE, "published": "2026-11-20"}, undated)
    [story] = json.loads(run("stories", "--ids", "hit-levant,hit-funeral", "--json"))
    assert set(story["articles"]) == {"hit-levant", "hit-funeral"}
    assert (story["first"], story["last"]) == ("2026-11-20", "2026-11-20")
    text = run("stories", "--ids", "hit-levant,hit-funeral")
    assert "2 articles · 20 November 2026\n" in text


def undated(article: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in article.items() if k != "published"}


def test_a_note_added_today_does_not_make_an_old_story_recent(tmp_path: Path) -> None:
    # two outlets reported the strike ten days before the derby; a follow-up saved today
    # without its date must not lift the old story above yesterday's derby
    load(tmp_path, {**HIT_STRIKE, "published": "2026-11-10T08:10:00+00:00"},
         {**HIT_STRIKE_OTHER_OUTLET, "published": "2026-11-10T11:30:00+00:00"},
         undated(HIT_FOLLOW_UP), DERBY)
    found = json.loads(run("stories", "--ids", "hit-levant,hit-tigris,hit-funeral,derby",
                           "--json"))
    assert [s["articles"][0] for s in found] == ["derby", "hit-levant"]
    assert (found[1]["first"], found[1]["last"]) == (
        "2026-11-10T08:10:00+00:00", "2026-11-10T11:30:00+00:00")


def test_a_story_with_no_dated_article_has_no_dates_and_ranks_between(tmp_path: Path) -> None:
    # the same weight of coverage undated (the strike), ten days old (Rutba) and fresh (derby)
    load(tmp_path, undated(HIT_STRIKE), undated(HIT_STRIKE_OTHER_OUTLET),
         {**RUTBA_STRIKE, "published": "2026-11-11T07:45:00+00:00"},
         {**RUTBA_STRIKE_OTHER_OUTLET, "published": "2026-11-11T10:20:00+00:00"}, DERBY)
    selection = "hit-levant,hit-tigris,rutba-levant,rutba-euphrates,derby"
    found = json.loads(run("stories", "--ids", selection, "--json"))
    assert [s["articles"][0] for s in found] == ["derby", "hit-levant", "rutba-levant"]
    assert (found[1]["first"], found[1]["last"]) == (None, None)
    assert "2 articles · date unknown\n" in run("stories", "--ids", selection)


def test_stories_without_a_selection_says_how_to_give_one(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    result = CliRunner().invoke(main, ["stories"])
    assert result.exit_code != 0 and result.exception is not None
    assert "no articles were selected" in result.output and "brief" not in result.output
    assert "--since" in result.output


def test_stories_help_says_how_they_are_ordered() -> None:
    text = run("stories", "--help")
    assert "distinct outlet" in text and "starred" in text and "halves" in text


def test_brief_new_does_not_repeat_yesterdays_briefing(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    first = tmp_path / "first.md"
    run("brief", "--since", "2026-11-01", "--new", "--markdown", str(first))
    assert "Rutba" in first.read_text(encoding="utf-8")
    load(tmp_path, HIT_FOLLOW_UP)
    second = tmp_path / "second.md"
    run("brief", "--since", "2026-11-01", "--new", "--markdown", str(second))
    text = second.read_text(encoding="utf-8")
    assert "Hundreds of mourners" in text or "buries three men" in text
    assert "Rutba" not in text and "derby" not in text.lower()
    found = json.loads(run("stories", "--since", "2026-11-01", "--new", "--json"))
    assert found == []
    result = CliRunner().invoke(main, ["brief", "--since", "2026-11-01", "--new",
                                       "--markdown", str(tmp_path / "third.md")])
    assert result.exit_code != 0
    assert "nothing new since the last briefing" in result.output
    assert not (tmp_path / "third.md").exists()


def test_stories_new_marks_updates(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    run("brief", "--since", "2026-11-01", "--markdown", str(tmp_path / "b.md"))
    load(tmp_path, HIT_FOLLOW_UP)
    [update] = json.loads(run("stories", "--since", "2026-11-01", "--new", "--json"))
    assert update["articles"] == ["hit-funeral"]
    assert update["new"] is False and update["updated"] is True
    assert "(updated)" in run("stories", "--since", "2026-11-01", "--new")


def test_stories_are_summarized_once_until_their_articles_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(tmp_path, *TODAY)
    summarized: list[list[str]] = []
    real = summarizers.summarize_story

    def counting(articles: list[tuple[str, str]], **options: Any) -> list[Picked]:
        summarized.append([title for title, _ in articles])
        return real(articles, **options)

    monkeypatch.setattr(summarizers, "summarize_story", counting)
    first = json.loads(run("stories", "--since", "2026-11-01", "--json"))
    assert len(summarized) == 3
    summarized.clear()
    # the same stories again: the kept key points and summaries, nothing summarized
    assert json.loads(run("stories", "--since", "2026-11-01", "--json")) == first
    assert "market" in run("stories", "--since", "2026-11-01")
    assert summarized == []
    # a corrected headline: that story alone is summarized again, with the new headline
    run("edit", "hit-tigris", "--title", "Three killed by drone in Hit market, police say")
    again = json.loads(run("stories", "--since", "2026-11-01", "--json"))
    assert summarized == [[HIT_STRIKE["title"], "Three killed by drone in Hit market, police say"]]
    assert [s["articles"] for s in again] == [s["articles"] for s in first]


def test_the_list_asks_only_for_key_points(tmp_path: Path) -> None:
    load(tmp_path, *TODAY)
    listed = run("stories", "--since", "2026-11-01")
    found = json.loads(run("stories", "--since", "2026-11-01", "--json"))
    # the JSON, asked after the list, still has the summaries (made afresh, then kept)
    assert any(story["summary"] for story in found)
    for story in found:
        assert story["key_point"] in listed
