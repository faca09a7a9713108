"""Stories as a user meets them: events kept apart, copies and follow-ups kept together."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from index.stories import Story
from index.story_peek import unsummarized
from index.story_store import Summary
from tests.index.story_samples import (
    HIT_FOLLOW_UP,
    HIT_STRIKE,
    HIT_STRIKE_OTHER_OUTLET,
    TODAY,
    lines,
)


def load(library: Library, *articles: dict[str, object]) -> list[str]:
    results = list(library.import_jsonl(lines(*articles), "test"))
    assert all(r.status in ("added", "duplicate") for r in results), results
    return [r.id for r in results]


def story_of(stories: list[Story], article_id: str) -> Story:
    [found] = [s for s in stories if article_id in s.article_ids]
    return found


def test_two_strikes_in_one_province_are_two_stories(library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    hit, rutba = story_of(stories, "hit-levant"), story_of(stories, "rutba-levant")
    assert hit.id != rutba.id
    assert set(hit.article_ids) == {"hit-levant", "hit-tigris", "hit-copy"}
    assert set(rutba.article_ids) == {"rutba-levant", "rutba-euphrates"}
    assert story_of(stories, "derby").article_ids == ("derby",)
    assert len(stories) == 3


def test_copy_is_listed_with_its_story_and_its_outlet_counted(library: Library) -> None:
    load(library, *TODAY)
    assert library.get("hit-copy").duplicate_of == "hit-levant"
    # asking for the copy alone brings its whole story
    [story] = library.stories(["hit-copy"])
    assert story.article_ids[0] == "hit-levant"
    assert set(story.outlets) == {"Levant Wire", "Anbar Today"}


def test_story_fields(library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    hit = story_of(stories, "hit-levant")
    assert hit.title in (HIT_STRIKE["title"], HIT_STRIKE_OTHER_OUTLET["title"])
    assert hit.outlets[0] in ("Levant Wire", "Tigris Daily", "Anbar Today")
    assert set(hit.outlets) == {"Levant Wire", "Tigris Daily", "Anbar Today"}
    assert hit.first.isoformat() == HIT_STRIKE["published"]
    assert hit.last.isoformat() == HIT_STRIKE_OTHER_OUTLET["published"]
    assert hit.new and not hit.updated
    # one outlet, one article: the football is last
    assert stories[-1].article_ids == ("derby",)


def test_follow_up_joins_its_story(library: Library) -> None:
    load(library, *TODAY)
    load(library, HIT_FOLLOW_UP)
    stories = library.stories([str(a["id"]) for a in (*TODAY, HIT_FOLLOW_UP)])
    assert "hit-funeral" in story_of(stories, "hit-levant").article_ids
    assert "hit-funeral" not in story_of(stories, "rutba-levant").article_ids


def test_no_articles_no_stories(library: Library) -> None:
    assert library.stories([]) == []
    assert library.stories(["not-there"]) == []



def test_tomorrows_follow_up_joins_yesterdays_stored_story(library: Library) -> None:
    first = library.stories(load(library, *TODAY))
    hit = story_of(first, "hit-levant")
    # a new day: only the follow-up is selected, and it joins the stored story
    [later] = library.stories(load(library, HIT_FOLLOW_UP))
    assert later.id == hit.id
    assert later.article_ids == ("hit-funeral",)
    again = library.stories([str(a["id"]) for a in (*TODAY, HIT_FOLLOW_UP)])
    assert story_of(again, "hit-funeral").id == hit.id
    assert {s.id for s in again} == {s.id for s in first}


def test_story_ids_last_across_library_reopen(library_home: Path) -> None:
    with Library(library_home) as lib:
        ids = {s.id for s in lib.stories(load(lib, *TODAY))}
    with Library(library_home) as lib:
        assert {s.id for s in lib.stories([str(a["id"]) for a in TODAY])} == ids


def test_briefed_stories_are_not_new_and_updates_are_marked(library: Library) -> None:
    today = library.stories(load(library, *TODAY))
    assert all(s.new and not s.updated for s in today)
    library.record_briefing(today)
    load(library, HIT_FOLLOW_UP)
    everything = [str(a["id"]) for a in (*TODAY, HIT_FOLLOW_UP)]
    again = library.stories(everything)
    assert not any(s.new for s in again)
    assert [s.updated for s in again if "hit-funeral" in s.article_ids] == [True]
    [update] = library.stories(everything, only_new=True)
    assert update.article_ids == ("hit-funeral",) and update.updated
    library.record_briefing([update])
    assert library.stories(everything, only_new=True) == []


def test_a_deleted_article_leaves_its_story(library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    rutba = story_of(stories, "rutba-levant")
    library.delete(["rutba-euphrates"])
    again = library.stories([str(a["id"]) for a in TODAY])
    assert story_of(again, "rutba-levant").article_ids == ("rutba-levant",)
    assert story_of(again, "rutba-levant").id == rutba.id


def test_user_signals_raise_a_story(library: Library) -> None:
    ids = load(library, *TODAY)
    plain = library.stories(ids)
    assert plain[-1].article_ids == ("derby",)
    library.mark("derby", starred=True, in_basket=True)
    library.tag("derby", add=["football"])
    marked = library.stories(ids, tags=["football"])
    derby = story_of(marked, "derby")
    assert derby.score > story_of(plain, "derby").score
    assert marked.index(derby) < plain.index(story_of(plain, "derby"))


def test_story_companions_name_the_other_reports(library: Library) -> None:
    load(library, *TODAY)
    assert [a.id for a in library.story_companions("hit-levant")] == ["hit-tigris"]
    assert [a.id for a in library.story_companions("hit-copy")] == ["hit-tigris"]
    assert library.story_companions("derby") == []


def test_deleting_a_first_report_keeps_its_copy_in_the_story(library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    hit = story_of(stories, "hit-levant")
    library.delete(["hit-levant"])
    again = library.stories([str(a["id"]) for a in TODAY if a["id"] != "hit-levant"])
    story = story_of(again, "hit-copy")
    assert set(story.article_ids) == {"hit-copy", "hit-tigris"}
    assert story.id == hit.id


def test_deleting_an_article_drops_its_storys_kept_summary(library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    hit, rutba = story_of(stories, "hit-levant"), story_of(stories, "rutba-levant")
    kept = Summary("mark", 3, ("A drone strike killed three men at the market in Hit.",))
    library.keep_story_summaries({hit.id: kept, rutba.id: kept})
    assert library.story_summaries({hit.id: "mark"}) == {hit.id: kept}
    assert library.story_summaries({hit.id: "another mark"}) == {}
    library.delete(["hit-tigris"])
    assert library.story_summaries({hit.id: "mark", rutba.id: "mark"}) == {rutba.id: kept}


def test_which_stories_have_a_kept_summary_is_known_before_reading_their_articles(
        library: Library) -> None:
    stories = library.stories(load(library, *TODAY))
    hit, rutba = story_of(stories, "hit-levant"), story_of(stories, "rutba-levant")
    library.keep_story_summaries({hit.id: Summary("mark", 1, ("A drone strike in Hit.",)),
                                  rutba.id: Summary("mark", 3, ("A raid near Rutba.",))})
    ids = [s.id for s in stories]
    assert library.summarized_stories(ids, 1) == {hit.id, rutba.id}
    assert library.summarized_stories(ids, 3) == {rutba.id}  # one sentence is not three


def test_how_many_stories_lack_a_summary_is_seen_before_the_library_opens(
        library: Library, tmp_path: Path) -> None:
    database = library.root / "library.db"
    ids = load(library, *TODAY)
    assert unsummarized(database, 1) == len(TODAY)  # no story made yet: each may be one
    stories = library.stories(ids)
    assert unsummarized(database, 1) == len(stories) == 3
    hit, rutba = story_of(stories, "hit-levant"), story_of(stories, "rutba-levant")
    library.keep_story_summaries({hit.id: Summary("mark", 1, ("A drone strike in Hit.",)),
                                  rutba.id: Summary("mark", 3, ("A raid near Rutba.",))})
    assert unsummarized(database, 1) == 1
    assert unsummarized(database, 3) == 2  # one sentence is not three
    assert unsummarized(tmp_path / "no library" / "library.db", 1) == 0
