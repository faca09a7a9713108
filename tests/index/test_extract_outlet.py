"""The outlet's readable name: from the page's phrase that spells its address, the copyright
footer or the wire in the dateline (hand-written pages)."""

from __future__ import annotations

from index.extract import clean_text
from index.extract_outlet import spells, wire_in_dateline

BODY = (
    "The council approved a levy on harbour traffic on Monday after a debate that ran late "
    "into the night, with members split over its cost to small fishing crews.\n\n"
    "Supporters said the money would pay for dredging the outer channel, which has silted "
    "up over the past decade and now limits the size of boats that can dock.\n"
)


def test_spelled_names() -> None:
    assert spells("The Harbour Gazette", "harbourgazette")
    assert spells("North Bay Times", "nbtimes")
    assert not spells("Kids North Bay Times", "nbtimes")
    assert not spells("Harbour", "harbourgazette")


def test_outlet_from_the_phrase_that_spells_the_site() -> None:
    page = (f"The Harbour Gazette\nHome\nNews\nCouncil approves harbour levy after long debate\n"
            f"\n{BODY}\n© 2026 Coastal Media Holdings Ltd. All rights reserved.\n")
    found = clean_text(page, url="https://www.harbourgazette.example/news/levy")
    assert found.outlet == "The Harbour Gazette"


def test_outlet_from_copyright_without_a_url() -> None:
    page = (f"Council approves harbour levy after long debate\n\n{BODY}\n"
            "© 2026 Harbour Gazette. All rights reserved.\n")
    assert clean_text(page).outlet == "Harbour Gazette"


def test_outlet_from_a_wire_dateline() -> None:
    assert wire_in_dateline("PORTSMOUTH (Reuters) - The council approved") == "Reuters"
    assert wire_in_dateline("The council (AP) approved") == ""
    page = ("Council approves harbour levy after long debate\n\n"
            "PORTSMOUTH (Reuters) - " + BODY)
    assert clean_text(page).outlet == "Reuters"


def test_page_title_suffix_with_a_hyphenated_outlet() -> None:
    page = (f"Council approves harbour levy - The North-Bay Gazette\nHome\nNews\n"
            f"Council approves harbour levy\n\n{BODY}")
    found = clean_text(page)
    assert (found.title, found.outlet) == ("Council approves harbour levy", "The North-Bay Gazette")


def test_outlet_from_a_byline() -> None:
    page = f"Council approves harbour levy\nBy Sam Roe | Harbour Gazette\n\n{BODY}"
    found = clean_text(page)
    assert (found.author, found.outlet) == ("Sam Roe", "Harbour Gazette")
    dated = f"Council approves harbour levy\nBy Sam Roe | Updated March 3\n\n{BODY}"
    assert clean_text(dated).outlet == ""


AGENCY_STORY = (
    "Officials said repairs to the Euphrates bridge would take two months, after floods"
    " damaged two of its piers last week.\n\n"
    "\"The traffic will move to the old crossing until then,\" a ministry spokesman told the"
    " Valley News Agency (VNA), adding that lorries would be weighed at both ends.\n\n"
    "Drivers said the old crossing was already crowded at the start of the working day and"
    " asked for the repairs to run through the night as well.\n"
)


def test_an_agency_quoted_in_the_story_is_not_its_outlet() -> None:
    text = "Bridge repairs to take two months\n\n" + AGENCY_STORY
    assert clean_text(text).outlet != "Valley News Agency"


def test_an_agency_the_page_names_as_its_source_is_the_outlet() -> None:
    dated = "Bridge repairs to take two months\n\n(VNA) - " + AGENCY_STORY
    assert clean_text(dated).outlet == "Valley News Agency"
    sourced = "Bridge repairs to take two months\n\n" + AGENCY_STORY + "\nSource: VNA\n"
    assert clean_text(sourced).outlet == "Valley News Agency"


HEADLINE = "Council approves harbour levy after long debate"


def test_the_name_a_page_gives_itself_beats_its_parent_company() -> None:
    page = (f"{HEADLINE}\nHome\nNews\n\n{BODY}\nSam Roe is a reporter for Harbour Gazette.\n"
            "Follow Harbour Gazette\nNewsletters\n© 2026 Coastal Media Holdings\n")
    assert clean_text(page).outlet == "Harbour Gazette"


def test_a_name_printed_once_after_follow_is_another_accounts() -> None:
    page = (f"{HEADLINE}\n\n{BODY}\nFollow Island Radio on Facebook\n"
            "© 2026 Harbour Gazette. All rights reserved.\n")
    assert clean_text(page).outlet == "Harbour Gazette"


def test_copyright_footer_with_a_full_stop_after_the_year() -> None:
    page = f"{HEADLINE}\n\n{BODY}\nCopyright 2026. Harbour Gazette. All Rights Reserved.\n"
    assert clean_text(page).outlet == "Harbour Gazette"
    long_footer = ("© 2005 - 2026 Harbour Gazette Media. All rights reserved. " + "Our services "
                   "are for information only and are not advice of any kind. " * 4)
    assert clean_text(f"{HEADLINE}\n\n{BODY}\n{long_footer}\n").outlet == "Harbour Gazette"


def test_a_short_title_suffix_is_spelled_out_when_the_page_prints_it() -> None:
    page = (f"{HEADLINE} - HBG\nThe Harbour Bay Gazette\nNews\n{HEADLINE}\n\n{BODY}\n"
            "The Harbour Bay Gazette\nAbout us\n")
    assert clean_text(page).outlet == "The Harbour Bay Gazette"
    once = f"{HEADLINE} - HBG\nNews\n{HEADLINE}\n\n{BODY}\nThe Harbour Bay Gazette\n"
    assert clean_text(once).outlet == "HBG"


def test_a_domain_suffix_spells_the_site() -> None:
    assert spells("Harbourgazette.org", "harbourgazette")


def test_the_brand_not_the_company_from_a_copyright_footer() -> None:
    page = f"{HEADLINE}\n\n{BODY}\n© 2026 The Harbour Gazette Group LLC. All rights reserved.\n"
    assert clean_text(page).outlet == "Harbour Gazette"


def test_a_companys_initials_spelled_out_by_the_page() -> None:
    page = (f"Harbour Bay Gazette\nNews\n{HEADLINE}\n\n{BODY}\nHarbour Bay Gazette\nAbout\n"
            "© 2026 HBG Holdings, Inc. All Rights Reserved\n")
    assert clean_text(page).outlet == "Harbour Bay Gazette"


def test_a_button_or_menu_word_on_top_is_not_the_masthead() -> None:
    cookie = ("We use cookies to give you the best experience on our website, and by going on "
              "you agree to our use of them.\n\nAccept\nNews\nSport\n\n")
    assert clean_text(f"{cookie}{HEADLINE}\n\n{BODY}").outlet == ""
    named = f"Gazette\nNews\nSport\n\n{HEADLINE}\n\n{BODY}\nAbout the Gazette\n"
    assert clean_text(named).outlet == "Gazette"
