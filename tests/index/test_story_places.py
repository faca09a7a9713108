"""Stories and places: two events in one town are two stories, and reports that name nothing
but the place of their event still find each other. Every outlet, person and place here is
invented."""

from __future__ import annotations

from index.library import Library
from index.models import Article
from index.story_vectors import bags
from tests.index.test_stories import load, story_of

WALL = {
    "id": "wall", "outlet": "Plains Herald", "published": "2026-11-19T10:00:00+00:00",
    "title": "Engineers finish new border wall and towers west of Karbaj",
    "body": (
        "Army engineers have finished about 25 kilometres of concrete wall and watchtowers "
        "along the border west of Karbaj, Colonel Tariq Munir said on Wednesday, part of a "
        "project to close smuggling routes into the Dawra province.\n\n"
        "Munir said the towers carry thermal cameras and are linked to a command post. "
        "Shepherds from villages near Karbaj say the wall cuts them off from their grazing "
        "land. A council member, Rasha Abed, said nobody had asked residents about the route."
    ),
}

CLASH = {
    "id": "clash", "outlet": "River Post", "published": "2026-11-18T21:00:00+00:00",
    "title": "Two dead as gunfire breaks out at checkpoint near Karbaj",
    "body": (
        "Two gunmen were killed and three soldiers wounded when fighting broke out at a "
        "checkpoint on the road outside Karbaj on Tuesday evening, security sources said.\n\n"
        "The shooting began after soldiers stopped a pickup whose passengers refused to be "
        "searched. Lina Sabri, a member of parliament for the Dawra province, called for an "
        "inquiry into the shooting. Troops stayed at the checkpoint overnight."
    ),
}

CLASH_OTHER_OUTLET = {
    "id": "clash-other", "outlet": "Morning Ledger", "published": "2026-11-19T07:30:00+00:00",
    "title": "Checkpoint shooting near Karbaj kills two gunmen, wounds three soldiers",
    "body": (
        "A shootout at an army checkpoint near Karbaj killed two gunmen and wounded three "
        "soldiers on Tuesday night, officials said.\n\n"
        "Soldiers had stopped a pickup and its passengers refused to be searched, the army "
        "said. The lawmaker Lina Sabri demanded an inquiry into the checkpoint shooting."
    ),
}

# Short reports of one convoy whose only name is the crossing where it happened.
CONVOY = {
    "id": "convoy", "outlet": "Plains Herald", "published": "2026-11-17T06:00:00+00:00",
    "title": "Convoy of pickups seen near the Marun crossing",
    "body": (
        "About thirty pickups drove toward the Marun crossing late on Sunday, residents said, "
        "in the largest convoy seen there this year. Guards closed the crossing for five hours."
    ),
}

CONVOY_REOPENED = {
    "id": "convoy-reopened", "outlet": "River Post", "published": "2026-11-17T15:00:00+00:00",
    "title": "Marun crossing reopens after five-hour closure over convoy",
    "body": (
        "The Marun crossing reopened on Monday after a five-hour closure over the pickup "
        "convoy. Guards searched every vehicle and lorries queued on the highway."
    ),
}

CONVOY_DENIAL = {
    "id": "convoy-denial", "outlet": "Morning Ledger", "published": "2026-11-18T09:00:00+00:00",
    "title": "Commander denies his fighters were in the Marun convoy",
    "body": (
        "A militia commander denied that his fighters drove in Sunday's pickup convoy to the "
        "Marun crossing, and accused rivals of spreading rumours about the convoy."
    ),
}


def test_two_events_in_one_town_are_two_stories(library: Library) -> None:
    stories = library.stories(load(library, WALL, CLASH, CLASH_OTHER_OUTLET))
    assert set(story_of(stories, "clash").article_ids) == {"clash", "clash-other"}
    assert story_of(stories, "wall").article_ids == ("wall",)


def test_reports_naming_only_their_place_stay_together(library: Library) -> None:
    stories = library.stories(load(library, CONVOY, CONVOY_REOPENED, CONVOY_DENIAL, WALL))
    assert set(story_of(stories, "convoy").article_ids) == {
        "convoy", "convoy-reopened", "convoy-denial"}


def test_a_place_leaves_the_names_but_not_the_words() -> None:
    article = Article(id="x", title="Wall west of Karbaj", body=str(WALL["body"]))
    words, names = bags(article)
    assert "karbaj" in words and "karbaj" not in names
    assert "munir" in names and "dawra" not in names
    # the convoy's only name is its place: it stays
    _, names = bags(Article(id="y", title=str(CONVOY["title"]), body=str(CONVOY["body"])))
    assert "marun" in names
