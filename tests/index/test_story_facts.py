"""Stories and the facts of their leads: two strikes of one kind in neighbouring places, with
different tolls, are two stories, while a report that updates the toll stays with its story. Every
outlet, person and place here is invented."""

from __future__ import annotations

from datetime import UTC, datetime

from index.library import Library
from index.models import Article
from index.stories import group
from index.story_facts import facts
from tests.index.test_stories import load, story_of

TANKERS = {
    "id": "tankers", "outlet": "Steppe Courier", "published": "2026-11-14T08:00:00+00:00",
    "title": "Drone hits fuel trucks on the desert road outside Tell Harun",
    "body": (
        "A drone struck a line of fuel trucks on the desert road outside Tell Harun early on "
        "Saturday, setting three trucks on fire and killing two drivers, according to two "
        "residents and a doctor at the town clinic.\n\n"
        "The trucks had left a depot near the river and were driving toward the border "
        "crossing at Semra, the residents said. Nobody claimed the strike. A militia "
        "spokesman, Fadi Haroun, called the trucks civilian traffic and blamed foreign "
        "aircraft. Trucks on the road between Tell Harun and the Semra crossing have been "
        "struck several times since the spring, as armed groups move fuel and supplies "
        "across the border. Traffic on the desert road resumed by noon."
    ),
}

CONVOY = {
    "id": "convoy", "outlet": "Valley Wire", "published": "2026-11-14T09:30:00+00:00",
    "title": "Air strike on supply convoy near the Semra crossing kills five",
    "body": (
        "Aircraft struck a convoy of supply trucks near the Semra border crossing late on "
        "Friday, killing five people and destroying several trucks, according to two border "
        "officials.\n\n"
        "The convoy of about twenty trucks had come from the direction of Tell Harun on the "
        "desert road and was carrying supplies for an armed group, the officials said. "
        "Witnesses in Semra heard loud explosions before midnight. Nobody claimed the strike. "
        "The armed group called the dead border workers. Trucks on the road between Tell "
        "Harun and the Semra crossing have been struck several times since the spring. "
        "The crossing was closed for several hours on Saturday."
    ),
}

CONVOY_OTHER_OUTLET = {
    "id": "convoy-other", "outlet": "Border Times", "published": "2026-11-14T11:00:00+00:00",
    "title": "Five killed as aircraft hit convoy at Semra border crossing",
    "body": (
        "Five people were killed when aircraft hit a convoy of supply trucks near the Semra "
        "crossing late on Friday, border officials said.\n\n"
        "About twenty trucks carrying supplies for an armed group had driven from Tell Harun "
        "along the desert road. The group said the dead were border workers and vowed to "
        "respond. The crossing stayed closed for several hours on Saturday."
    ),
}

# the convoy story a day later: a new toll, a new day, the same crossing
CONVOY_TOLL = {
    "id": "convoy-toll", "outlet": "Border Times", "published": "2026-11-15T10:00:00+00:00",
    "title": "Toll from convoy strike near Semra crossing rises to seven",
    "body": (
        "Two wounded drivers died in hospital on Sunday, raising to seven the toll of the air "
        "strike on a supply convoy near the Semra border crossing, border officials said.\n\n"
        "The convoy of about twenty trucks from Tell Harun was hit late on Friday on the "
        "desert road. The armed group that sent it said the dead were border workers."
    ),
}


def test_a_lead_names_its_places_and_counts() -> None:
    article = Article(id="t", title=str(TANKERS["title"]), body=str(TANKERS["body"]),
                      published=datetime(2026, 11, 14, 8, tzinfo=UTC))
    assert facts(article) == {"place:tell", "place:harun", "count:3", "count:2"}
    # the sources quoted ("two officials") are no count of what happened
    quoted = Article(id="q", title="Blast near Oru",
                     body="A blast near Oru on Friday killed four, according to two officials.")
    assert facts(quoted) == {"place:oru", "count:4"}


def test_two_strikes_in_neighbouring_places_are_two_stories(
    library: Library,
) -> None:
    stories = library.stories(load(library, TANKERS, CONVOY, CONVOY_OTHER_OUTLET))
    assert set(story_of(stories, "convoy").article_ids) == {"convoy", "convoy-other"}
    assert story_of(stories, "tankers").article_ids == ("tankers",)


def test_the_same_apart_when_the_second_strike_arrives_later(library: Library) -> None:
    first = library.stories(load(library, CONVOY))
    later = library.stories(load(library, TANKERS))
    assert story_of(later, "tankers").id != story_of(first, "convoy").id


def test_a_report_updating_the_toll_stays_with_its_story(library: Library) -> None:
    first = library.stories(load(library, TANKERS, CONVOY, CONVOY_OTHER_OUTLET))
    [later] = library.stories(load(library, CONVOY_TOLL))
    assert later.id == story_of(first, "convoy").id
    articles = library.store.get_many(["tankers", "convoy", "convoy-other", "convoy-toll"])
    whole = {frozenset(articles[i].id for i in g) for g in group(articles)}
    assert whole == {frozenset({"tankers"}),
                     frozenset({"convoy", "convoy-other", "convoy-toll"})}


BOMBING = {
    "id": "bombing", "outlet": "Plains Herald", "published": "2026-11-16T12:00:00+00:00",
    "title": "Car bomb at market in Darsa kills five",
    "body": (
        "A car bomb exploded at a crowded vegetable market in Darsa on Monday morning, "
        "killing five people and wounding dozens, police said.\n\n"
        "The blast tore through stalls near the market's main gate in the Kamra district. "
        "Ambulances took the wounded to the city's general hospital. Nobody claimed the "
        "bombing, the third at a Darsa market this year."
    ),
}

BOMBING_TOLL = {
    "id": "bombing-toll", "outlet": "River Post", "published": "2026-11-17T09:00:00+00:00",
    "title": "Toll from Darsa market car bomb rises to twelve",
    "body": (
        "The toll from Monday's car bomb at a vegetable market in Darsa's Kamra district "
        "rose to twelve after seven of the wounded died in hospital, police said.\n\n"
        "The blast tore through stalls near the main gate of the crowded market. Nobody has "
        "claimed the bombing, the third at a Darsa market this year."
    ),
}


def test_a_follow_up_naming_a_district_of_the_town_stays_with_its_story(
    library: Library,
) -> None:
    # the new toll differs, and the place is named more closely ("Darsa's Kamra district")
    first = library.stories(load(library, BOMBING))
    [later] = library.stories(load(library, BOMBING_TOLL))
    assert later.id == story_of(first, "bombing").id
