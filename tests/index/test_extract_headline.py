"""The learned headline model: its weights cover its signals, and it finds the headline under
menus, section labels and social prompts on hand-written pages."""

from __future__ import annotations

import pytest

from index.extract import clean_text, headline_candidates
from index.extract_headline import SIGNALS, score
from index.headline_weights import WEIGHTS

BODY = (
    "The regional water board approved a plan on Monday to raise the dam at the northern"
    " reservoir by four metres, after two dry summers left the valley short of water.\n\n"
    "Engineers said the work would take three years and would not close the road over the dam"
    " for more than a few weeks at a time.\n\n"
    "Farmers in the valley welcomed the plan but asked the board to publish how the extra water"
    " would be shared between the towns and the fields.\n"
)


def test_every_signal_has_a_fitted_weight() -> None:
    assert set(WEIGHTS) == set(SIGNALS)


def test_headline_under_social_prompts_and_section_labels() -> None:
    page = ("Connect with us\n\nFacebook\nTwitter\n\nWorld\n\n"
            "Water board backs plan to raise the northern dam\n\neditorial\nPublished\non\n\n"
            + BODY)
    assert clean_text(page).title == "Water board backs plan to raise the northern dam"


def test_the_title_lines_headline_printed_again_wins() -> None:
    page = ("Water board backs plan to raise the northern dam | Valley Courier\n\nHome\nNews\n"
            "Weather\n\nMost read: Bus fares rise in June\n\n"
            "Water board backs plan to raise the northern dam\n\nBy Ada Moss\n\n" + BODY)
    result = clean_text(page)
    assert result.title == "Water board backs plan to raise the northern dam"
    assert result.outlet == "Valley Courier"


def test_candidates_carry_the_measured_signals() -> None:
    page = "Dam plan approved - Valley Courier\n\nDam plan approved\n\n" + BODY
    found = headline_candidates(page)
    printed = next(c for c in found if c.index > 0 and c.text == "Dam plan approved")
    assert printed.signals["repeat"] == 1.0
    assert printed.signals["body"] > 0
    assert set(printed.signals) == set(SIGNALS)
    assert score(printed.signals) > score({name: 0.0 for name in SIGNALS})


def test_a_site_name_before_the_headline_in_the_title_line() -> None:
    page = ("Valley Courier | Water board backs plan to raise the northern dam\n\nHome\nNews\n"
            "Weather\n\nPublished on March 26, 2026\n\n" + BODY)
    result = clean_text(page)
    assert result.title == "Water board backs plan to raise the northern dam"
    assert result.outlet == "Valley Courier"
    # A section label first is not the site: "Opinion | ..." keeps its whole title line.
    section = clean_text("Opinion | Why the dam plan is wrong for the valley\n\n" + BODY)
    assert section.outlet != "Opinion"


def test_headline_below_menu_words_and_published_on_fragments() -> None:
    page = ("Home\nNews\nWeather\nSport\nMenu\nSearch\n\n"
            "Water board backs plan to raise the northern dam\n\nPublished\non\n"
            "March 26, 2026\n\nShare\nTweet\n\n" + BODY)
    assert clean_text(page).title == "Water board backs plan to raise the northern dam"


def test_a_one_word_first_line_is_a_menu_item_not_the_title() -> None:
    page = ("Home\nNews\nWater board backs plan to raise the northern dam.\nBy Ada Moss\n\n"
            + BODY)
    assert clean_text(page).title == "Water board backs plan to raise the northern dam."


def test_a_path_of_sections_on_top_is_not_the_headline() -> None:
    headline = "Water board backs plan to raise the northern dam"
    for crumbs in ("Home > News > Regional", "Home » Valley » Water and Farming"):
        page = f"{crumbs}\n\n{headline}\n\nPublished on March 3, 2026\n\n" + BODY
        assert clean_text(page).title == headline
    # A headline with a slash in it is still a headline.
    page = "Dam plan: raise by four metres / board vote due in June\n\n" + BODY
    assert clean_text(page).title.startswith("Dam plan")


def test_a_bar_of_menu_items_and_a_reading_time_are_not_headlines() -> None:
    headline = "Water board backs plan to raise the northern dam"
    page = f"Home | News | Sport | Weather | Contact\n\n{headline}\n\n" + BODY
    assert clean_text(page).title == headline
    # A reading time under the writer's name is part of the byline, not a headline.
    result = clean_text(f"News\n\n{headline}\n\nAda Moss\n3 min read\n\n" + BODY)
    assert result.title == headline
    assert result.author == "Ada Moss"


def test_a_title_line_printed_whole_keeps_its_second_half() -> None:
    # The page prints "X - Y" again as its own line: Y is the headline's, not a site's name.
    title = "Keep Calm - Valley Board at Expo 2026"
    page = f"{title}\n\nHome\nEvents\n\n{title}\n\n" + BODY
    assert clean_text(page).title == title


def test_headline_above_a_long_share_bar_is_in_reach() -> None:
    share = "\n".join(["Facebook", "Twitter", "LinkedIn", "Email", "WhatsApp", "Print"] * 3)
    page = ("Home\n\nNews\nWeather\n\nWater board backs plan to raise the northern dam\n\n"
            "By Ada Moss\nMarch 26, 2026\n\n" + share + "\n\n" + BODY)
    found = headline_candidates(page)
    assert any(c.text == "Water board backs plan to raise the northern dam" for c in found)
    assert clean_text(page).title == "Water board backs plan to raise the northern dam"


def test_a_title_case_standfirst_under_the_headline_does_not_win() -> None:
    headline = "Water board backs plan to raise the northern dam"
    page = (f"Home\nNews\nWeather\n\n{headline}\n\n"
            "Four Metres Higher After Two Dry Summers, Says Board\n\n"
            "By Ada Moss\nMarch 26, 2026\n\n" + BODY)
    assert clean_text(page).title == headline
    # A date over the headline is no headline, nor menu words glued to it.
    for above in ("Published 1 day ago", f"Home News {headline}"):
        page = f"Home\nNews\n\n{above}\n{headline}\n\nBy Ada Moss\nMarch 26, 2026\n\n" + BODY
        assert clean_text(page).title == headline



HEADLINE = "Water board backs plan to raise the northern dam"


@pytest.mark.parametrize(
    "page",
    [
        # A ticker on top shares no word with the article: it is not the page's title.
        "Breaking: bus fares rise in June as council cuts subsidy\n\nHome\nNews\n\n"
        f"{HEADLINE}\n\nBy Ada Moss\nMarch 26, 2026\n\n",
        # A line right over a photo credit is the photo's caption.
        f"Home\nNews\n\n{HEADLINE}\n\nThe northern dam from the valley road\nPhoto: Ada Moss\n\n",
        # A name under the headline, the date over it.
        f"Home\nNews\n\nMarch 26, 2026\n\n{HEADLINE}\n\nAda Moss\n\n",
        # Teasers over the headline, one per line: not a headline and its standfirst.
        "Home\nNews\n\nBus fares rise in June as council cuts subsidy\n\nSchool to close for"
        f" repairs over the summer\n\nNew bridge opens after two years\n\n{HEADLINE}\n\n"
        "By Ada Moss\nMarch 26, 2026\n\n",
        # The title line's headline after the site's name and a colon, printed without them.
        f"Valley Courier: {HEADLINE}\n\nHome\n\n{HEADLINE}\n\n",
    ],
    ids=["ticker-on-top", "caption-over-credit", "name-under-headline", "teasers-over-headline",
         "site-colon-title"],
)
def test_the_headline_among_lines_that_look_like_one(page: str) -> None:
    assert clean_text(page + BODY).title == HEADLINE


def test_a_title_case_headline_with_a_comma_is_no_byline() -> None:
    # "Name, Outlet" is a byline; a long title-case line after the comma is a headline.
    headline = "Harbour Pilot, Ada Moss Is Retiring After Forty Years At Sea"
    page = f"Home\nNews\n\n{headline}\n\nMarch 26, 2026\n\n" + BODY
    assert clean_text(page).title == headline
    assert clean_text(page).author == ""
