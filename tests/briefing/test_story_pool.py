"""Many stories summarized in worker processes read exactly as summarized one by one."""

from __future__ import annotations

from briefing.story_pool import MIN_STORIES, summarize_stories, summarize_texts
from tests.briefing.story_samples import STORY

TOWNS = ("Harran", "Qasr", "Dover", "Tilbury", "Ormond", "Kessel", "Varna", "Lund", "Oban",
         "Perth", "Arles", "Bonn", "Cork", "Derry", "Ely", "Fife", "Gent", "Hull", "Iona",
         "Jena", "Kiel", "Lyon", "Metz", "Nice", "Oslo", "Pisa")


def _story(town: str) -> list[tuple[str, str]]:
    return [(title.replace("Harran", town), "\n\n".join(lines).replace("Harran", town))
            for title, _, _, lines in STORY.values()]


def test_a_pool_of_workers_gives_the_same_summaries_in_the_same_order() -> None:
    stories = [_story(town) for town in TOWNS]
    assert len(stories) >= MIN_STORIES
    one_by_one = [summarize_texts(texts, 3) for texts in stories]
    assert summarize_stories(stories, 3) == one_by_one
    assert all(town in " ".join(summary) for town, summary in zip(TOWNS, one_by_one, strict=True))
