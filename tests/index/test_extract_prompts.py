"""Account prompts, a title-case standfirst and newsroom desks: never the headline or author."""

from __future__ import annotations

import pytest

from index.extract import clean_text

PROSE = ("The water board said on Monday that the reservoir above the valley had risen four "
         "metres since the spring, after two dry summers had left its banks cracked and bare.\n\n"
         "Farmers downstream welcomed the news but warned that one wet season would not undo "
         "the damage, and asked the board to keep its limits on irrigation for another year.\n")
HEADLINE = "Reservoir rises again after two dry summers"


@pytest.mark.parametrize("top", ["Log in / Register", "Sign in | Subscribe"])
def test_two_prompts_on_the_first_line_are_no_title_and_no_outlet(top: str) -> None:
    found = clean_text(f"{top}\nHome\n{HEADLINE}\nBy Ada Moss\n\n{PROSE}")
    assert found.title == HEADLINE
    assert found.outlet == ""


def test_a_title_case_standfirst_under_the_headline_does_not_win() -> None:
    page = (f"Valley Courier\nHome\nNews\n{HEADLINE}\n"
            "Four Metres Higher After Two Dry Summers, Says Board\nBy Ada Moss\n"
            f"March 3, 2023\n\n{PROSE}")
    found = clean_text(page)
    assert found.title == HEADLINE
    assert found.standfirst.startswith("Four Metres Higher")


@pytest.mark.parametrize("byline", [
    "By Valley Courier Bureau", "Valley Courier Desk | Updated: March 3, 2023 10:12 IST",
])
def test_a_newsroom_desk_byline_names_the_outlet_and_no_author(byline: str) -> None:
    found = clean_text(f"{HEADLINE}\n{byline}\n\n{PROSE}")
    assert found.author == ""
    assert found.outlet == "Valley Courier"


def test_a_desk_named_by_its_subject_names_no_outlet() -> None:
    found = clean_text(f"{HEADLINE}\nBy News Desk\n\n{PROSE}")
    assert (found.author, found.outlet) == ("", "")
