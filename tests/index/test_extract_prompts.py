"""Account prompts on top of a page and a title-case standfirst are never the headline."""

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
