"""Tables and data lists after the article's prose: kept when their lines share a field
layout, left out when they are bare words (menus, teaser headlines). Hand-written pages."""

# Typographic dashes are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

from index.extract import clean_text
from index.extract_lists import skeleton

ARTICLE = [
    "The river festival will return next summer with a longer programme, the organisers said"
    " on Monday, after two years in which storms cut it short.",
    "Boats from eleven towns have signed up for the parade, and the night market will move to"
    " the old quay, where there is more room for the stalls.",
    "Tickets for the concerts go on sale in March, and the organisers said prices would stay"
    " as they were last year despite the higher costs of the stage.",
    "The full list of concerts announced so far is below.",
]
DATES = [
    "June 9 – Northgate @ Harbour Hall",
    "June 11 – Eastbridge @ The Old Mill",
    "June 14 – Southport @ Pier Pavilion",
    "June 18 – Westmoor @ Town Square",
    "June 21 – Riverside @ Quay Stage",
    "June 25 – Hillcrest @ Park Bandstand",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_a_table_after_the_prose_is_kept() -> None:
    text = page("River festival returns - Riverside Post", *ARTICLE, "\n".join(DATES),
                "Share this article")
    body = clean_text(text).body
    for row in DATES:
        assert row in body
    assert "Share this" not in body


def test_a_menu_after_the_prose_stays_out() -> None:
    menu = ["World", "Business", "Sport", "Culture", "Travel", "Weather"]
    body = clean_text(page("River festival returns - Riverside Post", *ARTICLE,
                           "\n".join(menu))).body
    assert "Business" not in body
    assert body.endswith("is below.")


def test_teaser_headlines_after_the_prose_stay_out() -> None:
    teasers = [
        "Council Votes To Close The Old Ferry Terminal",
        "Five Of The Best Bakeries By The River",
        "Night Buses Return To The Eastern Routes",
        "Flood Defences Finished Ahead Of The Rains",
        "The Harbour Market Moves To The Old Quay",
    ]
    body = clean_text(page("River festival returns - Riverside Post", *ARTICLE,
                           "\n".join(teasers))).body
    assert "Bakeries" not in body


def test_the_skeleton_is_the_punctuation_between_words() -> None:
    assert skeleton("June 9 – Northgate @ Harbour Hall") == "a–a@a"
    assert skeleton("England (Group A): 10th appearance") == "a(a):a"
    assert skeleton("World") == "a"


def test_counts_in_brackets_after_the_prose_stay_out() -> None:
    archive = ["May (24)", "April (31)", "March (12)", "February (9)", "January (17)"]
    body = clean_text(page("River festival returns - Riverside Post", *ARTICLE,
                           "\n".join(archive))).body
    assert "April" not in body


STANDINGS = [
    "Pos. Rider Points Wins",
    "1 Ana Lima 5040 5 1",
    "2 Tom Berg 5035 7 0",
    "3 Sam Okafor 5033 4 6",
    "4 Lena Vos 5027 6 3",
    "5 Raj Patel 2380 2 3",
    "6 Mia Holt 2339 1 1",
]
def test_a_numeric_table_a_sentence_introduces_is_the_article() -> None:
    text = page("Championship standings - Riverside Post", "Home", "News", "Standings",
                "This page always holds the latest standings of the championship.",
                "The final standings of the season after 36 races:", "\n".join(STANDINGS),
                "Share this article")
    body = clean_text(text).body
    assert "3 Sam Okafor 5033 4 6" in body
    assert "6 Mia Holt 2339 1 1" in body
    assert "Share this" not in body


def test_numbers_in_a_menu_do_not_make_a_table() -> None:
    scores = ["Rovers 2 1 0 7", "United 1 1 1 4", "Athletic 0 2 1 2", "City 0 1 2 1",
              "Town 0 0 3 0"]
    text = page("River festival returns - Riverside Post", "\n".join(scores), *ARTICLE)
    assert "Rovers" not in clean_text(text).body
