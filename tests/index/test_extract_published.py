"""The article's date from text alone: year-less stamps, split stamps, a reworded title line."""

from __future__ import annotations

from index.extract import clean_text
from index.models import format_published

PROSE = ("The water board said on Monday that the reservoir above the valley had risen four "
         "metres since the spring, after two dry summers had left its banks cracked and bare.\n\n"
         "Farmers downstream welcomed the news but warned that one wet season would not undo "
         "the damage, and asked the board to keep its limits on irrigation for another year.\n")


def _date(page: str) -> str:
    found = clean_text(page)
    return format_published(found.published, found.published_precision)


def test_a_yearless_stamp_takes_the_year_of_the_pages_copyright_and_posted_wins() -> None:
    page = ("Reservoir rises again after dry summers | Valley Courier\nHome\nNews\n"
            "Reservoir rises again after dry summers\nBy Ada Moss\n"
            "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM\n\n"
            f"{PROSE}\nAbout us\n© 2023 Valley Courier. All rights reserved.\n")
    assert _date(page) == "2023-11-18 20:19"


def test_a_yearless_stamp_takes_the_year_of_the_pages_other_dates() -> None:
    # The newest whole date on the page (a reader's letter, January) dates a December stamp
    # to the year before, not the one after.
    footer = "\n".join(f"Section {n}" for n in range(12))
    page = ("Reservoir rises again after dry summers\nPosted Dec 30, 8:19 PM\n\n"
            f"{PROSE}\n{footer}\nLetters\nJanuary 4, 2024 — A reader writes about the valley.\n")
    assert _date(page) == "2023-12-30 20:19"


def test_a_page_that_prints_no_year_gets_no_date() -> None:
    page = f"Reservoir rises again after dry summers\nPosted Nov 18, 8:19 PM\n\n{PROSE}"
    assert _date(page) == "date unknown"


def test_a_stamp_split_over_two_lines_is_read_whole() -> None:
    page = ("Reservoir rises again after dry summers\nNovember 20\n15:23 2023\n\n"
            f"{PROSE}")
    assert _date(page) == "2023-11-20 15:23"


def test_a_list_of_yearless_days_never_outranks_the_printed_date_line() -> None:
    tour = "\n".join(f"June {d} - Riverside Hall, Valley Town" for d in (9, 10, 14, 17))
    page = ("Valley choir plans a summer tour\nNovember 19, 2023 12:04AM ET\n\n"
            f"{PROSE}\n{tour}\n\n{PROSE}\n© 2023 Valley Courier\n")
    assert _date(page).startswith("2023-11-19")


def test_the_date_under_a_reworded_copy_of_the_title_line() -> None:
    # The page's title line words the headline a little differently from the printed one,
    # and the date line sits under the printed one, far below the title line.
    menu = "\n".join(f"Section {n}" for n in range(40))
    page = ("Why the board cannot promise a wet winter - Valley Courier\n"
            f"{menu}\nWhy the board just cannot promise a wet winter\n"
            "Analysis by Ada Moss, Courier columnist\n"
            "Updated 1909 GMT (0309 HKT) November 18, 2023\n"
            "Chat with us. Find out what's happening in the valley.\nJUST WATCHED\n"
            "Board meeting\n" + "\n".join(f"Video {n}" for n in range(30)) + f"\n\n{PROSE}")
    assert _date(page).startswith("2023-11-18")


def test_a_sites_admin_account_is_no_author() -> None:
    page = f"Reservoir rises again after dry summers\nPosted by Admin on March 3, 2023\n\n{PROSE}"
    found = clean_text(page)
    assert found.author == ""
    assert _date(page) == "2023-03-03"
