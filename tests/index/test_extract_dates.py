"""Publication dates as news pages print them, kept exactly as precise as the page was."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.extract import clean_text
from index.extract_dates import find_date, numeric_order, url_date
from index.models import format_published

SAVED = datetime(2026, 3, 28, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(("line", "label"), [
    ("27-03-2022, 12:45", "2022-03-27 12:45"),  # a local time: no zone invented
    ("Published on December 18, 2024", "2024-12-18"),  # a day: no 00:00 UTC invented
    ("By Sam Roe - 11/19/19 06:56 AM EST", "2019-11-19 06:56 UTC-05:00"),
    ("03/04/2024", "2024-03-04"),  # a slash is month/day
    ("03.04.2024", "2024-04-03"),  # a dot is day.month
    ("19/11/2019", "2019-11-19"),  # a day above 12 settles it
    ("2024-03-27T12:45:00+03:00", "2024-03-27 12:45 UTC+03:00"),
    ("Tuesday 27 March 2024 09:10 GMT", "2024-03-27 09:10 UTC"),
    ("publicado em 22 de outubro de 2010 às 20:13", "2010-10-22 20:13"),
    ("Updated 3 hours ago", "2026-03-28 12:30 UTC"),
    ("2 days ago", "2026-03-26"),
    ("2024年3月27日", "2024-03-27"),  # the year first, as East Asian pages print it
    ("2024년 3월 27일 10:15", "2024-03-27 10:15"),
    ("2024/3/7", "2024-03-07"),
    ("2024.03.27", "2024-03-27"),
])
def test_date_lines(line: str, label: str) -> None:
    found = find_date(line, SAVED)
    assert found is not None
    assert format_published(found.when, found.precision) == label


def test_no_date_in_a_dotted_version_number() -> None:
    assert find_date("Version 2019.11.1 released") is None


def test_no_date_in_version_numbers_or_prose_without_digits() -> None:
    assert find_date("Release 1.2.3 is out") is None
    assert find_date("The council met in March") is None


def test_url_dates() -> None:
    assert url_date("https://example.com/2019/11/8/123/story") == (2019, 11, 8)
    assert url_date("https://example.com/news/2019/11/story") == (2019, 11, None)
    assert url_date("https://example.com/story-2019") is None


PAGE = """\
Tuesday, March 28, 2026
Home
World
Business
Council approves new harbour levy after long debate

By Sam Roe
Published March 26, 2026 | Updated March 27, 2026

The city council approved a levy on harbour traffic on Monday after a debate that ran late \
into the night, with members split over its cost to small fishing crews.

Supporters said the money would pay for dredging the outer channel, which has silted up \
over the past decade and now limits the size of boats that can dock.
"""


def test_page_date_is_the_published_line_not_the_masthead_or_update() -> None:
    found = clean_text(PAGE)
    assert found.published is not None
    assert format_published(found.published, found.published_precision) == "2026-03-26"


def test_undated_page_says_so() -> None:
    found = clean_text(PAGE.split("By Sam Roe")[0].replace("Tuesday, March 28, 2026\n", "")
                       + "\nThe council met and argued for hours about the levy on boats.\n")
    assert found.published is None
    assert format_published(found.published) == "date unknown"


def test_year_less_date_takes_the_urls_year() -> None:
    page = PAGE.replace("Published March 26, 2026 | Updated March 27, 2026", "Posted Mar 26")
    found = clean_text(page.replace("Tuesday, March 28, 2026\n", ""),
                       url="https://example.com/2025/03/levy")
    assert found.published is not None and found.published.date().isoformat() == "2025-03-26"


def test_an_update_alone_gives_way_to_the_urls_day() -> None:
    page = PAGE.replace("Published March 26, 2026 | Updated March 27, 2026",
                        "Updated March 27, 2026").replace("Tuesday, March 28, 2026\n", "")
    found = clean_text(page, url="https://example.com/2026/03/20/levy")
    assert found.published is not None and found.published.date().isoformat() == "2026-03-20"


def test_a_date_line_far_above_a_long_headline_block_is_still_found() -> None:
    menu = "\n".join(f"Section {n}" for n in range(20))
    page = PAGE.replace("Tuesday, March 28, 2026\n", "").replace(
        "By Sam Roe\nPublished March 26, 2026 | Updated March 27, 2026\n",
        f"March 26, 2026 9:05 AM ET\n{menu}\n")
    found = clean_text(page)
    assert found.published is not None and found.published.date().isoformat() == "2026-03-26"


@pytest.mark.parametrize(("line", "label"), [
    ("Published 11:26 pm EST, Tuesday, November 19, 2019", "2019-11-19 23:26 UTC-05:00"),
    ("Updated 9:05 am, March 27, 2024", "2024-03-27 09:05"),
])
def test_the_time_printed_before_the_date(line: str, label: str) -> None:
    found = find_date(line)
    assert found is not None
    assert format_published(found.when, found.precision) == label


def test_a_page_in_another_language_reads_05_10_day_first() -> None:
    text = ("05/10/2018 - Publicado por: Ana Souza\n\n" + "O conselho aprovou ontem a nova"
            " taxa portuária depois de um longo debate entre os vereadores da cidade.\n") * 2
    assert numeric_order(text) == "dm"
    found = find_date("05/10/2018", order=numeric_order(text))
    assert found is not None and found.when.date().isoformat() == "2018-10-05"


def test_another_date_on_the_page_settles_the_order() -> None:
    text = "Posted 05/10/2018\n\nThe council met again on 23/09/2018 to vote on the levy.\n"
    assert numeric_order(text) == "dm"
    assert numeric_order("The council met on 09/23/2018 and again on 05/10/2018.") == "md"
    assert numeric_order("The council met on the harbour and voted for the levy.") == "md"


def test_a_numeric_date_is_never_read_as_a_day_yet_to_come() -> None:
    found = find_date("Posted 03/04/2026", SAVED, order="md")  # April 3 is after the save
    assert found is not None and found.when.date().isoformat() == "2026-03-04"
    found = find_date("Posted 04/03/2026", SAVED, order="md")
    assert found is not None and found.when.date().isoformat() == "2026-03-04"


def test_a_captions_date_loses_to_the_date_line() -> None:
    caption = ("Council members leave the chamber after the vote on the harbour levy in the old"
               " town hall on Tuesday, March 24, 2026.")
    page = PAGE.replace("By Sam Roe\nPublished March 26, 2026 | Updated March 27, 2026\n",
                        f"{caption}\nPublished 9:05 am EST, Thursday, March 26, 2026\n")
    found = clean_text(page.replace("Tuesday, March 28, 2026\n", ""))
    assert found.published is not None and found.published.date().isoformat() == "2026-03-26"


def test_a_headline_above_a_long_share_bar_still_anchors_the_date() -> None:
    bar = "\n".join(f"Share this with {name}" for name in ("Email", "Facebook", "Messenger",
                                                          "Twitter", "Pinterest", "WhatsApp",
                                                          "LinkedIn", "Reddit") * 2)
    page = PAGE.replace("Tuesday, March 28, 2026\n", "").replace(
        "By Sam Roe\nPublished March 26, 2026 | Updated March 27, 2026\n",
        f"26 March 2026\n\n{bar}\n")
    found = clean_text("Council approves new harbour levy after long debate - Harbour Post\n"
                       + page)
    assert found.published is not None and found.published.date().isoformat() == "2026-03-26"


STANDINGS = "\n".join(f"{n} Driver Number{n} {100 - n} 0 0" for n in range(1, 41))
NOTES = ("O calendário da temporada é composto por trinta e seis corridas, e apenas os doze "
         "primeiros colocados disputam o título nas dez últimas provas do ano. ")


def test_the_date_line_beside_the_printed_headline_of_a_table_page() -> None:
    # The prose (the notes under the table) starts far below the headline and its date.
    page = ("Harbour Regatta Standings | Regatta News\nHome\nResults\nHarbour Regatta Standings\n"
            "sexta-feira, 22 de outubro de 2026 às 20:13\nShare this\n"
            "Nesta página você terá sempre a classificação atualizada até a última prova.\n"
            f"{STANDINGS}\n"
            f"{NOTES}\n\n{NOTES * 2}\n\n{NOTES}\n")
    found = clean_text(page)
    assert format_published(found.published, found.published_precision) == "2026-10-22 20:13"


def test_a_relative_date_needs_the_time_the_page_was_saved() -> None:
    page = ("Council approves harbour levy after long debate\nUpdated 3 hours ago\n\n"
            "The council approved a levy on harbour traffic on Monday after a debate that ran "
            "late into the night, with members split over its cost to small fishing crews.\n")
    saved = clean_text(page, saved=SAVED)
    assert format_published(saved.published, saved.published_precision) == "2026-03-28 12:30 UTC"
    unsaved = clean_text(page)
    assert format_published(unsaved.published, unsaved.published_precision) == "date unknown"


def test_today_in_the_headline_is_news_not_the_pages_date() -> None:
    # "… approves budget today" once dated the article to the day its file was saved
    prose = ("The council met on Monday in the town hall and voted to approve the budget for "
             "next year, officials said in a statement about the vote and its cost.\n")
    found = clean_text(f"Council approves budget for next year today\n\n{prose}", saved=SAVED)
    assert format_published(found.published, found.published_precision) == "date unknown"
    stamped = clean_text(f"Council approves budget for next year today\nUpdated today\n\n{prose}",
                         saved=SAVED)
    assert format_published(stamped.published, stamped.published_precision) == "2026-03-28"
