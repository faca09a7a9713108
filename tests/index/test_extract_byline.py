# Cyrillic names are tested on purpose.
# ruff: noqa: RUF001

"""Bylines: who wrote it, from "By" lines, dated names and author boxes (hand-written pages)."""

from __future__ import annotations

import pytest

from index.extract import clean_text
from index.extract_byline import byline_name, name_shape

BODY = (
    "The council approved a levy on harbour traffic on Monday after a debate that ran late "
    "into the night, with members split over its cost to small fishing crews.\n\n"
    "Supporters said the money would pay for dredging the outer channel, which has silted "
    "up over the past decade and now limits the size of boats that can dock.\n"
)


@pytest.mark.parametrize(("line", "name"), [
    ("By Sam Roe | March 26, 2026", "Sam Roe"),
    ("By Sam Roe Updated Mar 26, 2026, 10:28am EST", "Sam Roe"),
    ("Monday March 26, 2026 7:45 am PST by Sam Roe", "Sam Roe"),
    ("Posted by Harbourmaster", "Harbourmaster"),
    ("Von Sam Roe publiziert am 25. März 2026", "Sam Roe"),
    ("Text: Вера Петрова · 24 марта 2026", "Вера Петрова"),
    ("By Sam Roe and Ana Lima", "Sam Roe and Ana Lima"),
    ("by choosing I Accept, you agree", ""),
    ("Stand by for updates", ""),
])
def test_byline_lines(line: str, name: str) -> None:
    assert byline_name(line) == name


def test_name_shape() -> None:
    assert name_shape("Sarah E. Needleman") and name_shape("Ludwig van Beethoven")
    assert not name_shape("Contact us") and not name_shape("Recent From Sam")
    assert not name_shape("Sam Roe 2026")


@pytest.mark.parametrize("byline", [
    "By Sam Roe\nMarch 26, 2026",
    "Sam Roe 26/03/2026 2 comments",
    "Sam Roe @samroe\nPublished March 26, 2026",
])
def test_byline_above_the_article(byline: str) -> None:
    page = f"Home\nWorld\nCouncil approves harbour levy after long debate\n{byline}\n\n{BODY}"
    assert clean_text(page).author == "Sam Roe"


def test_a_name_alone_counts_when_the_page_repeats_it() -> None:
    page = (f"Council approves harbour levy after long debate\nSam Roe\n\n{BODY}\n"
            "About Sam Roe\nSam Roe covers the harbour for the paper.\n")
    assert clean_text(page).author == "Sam Roe"
    lone = f"Council approves harbour levy after long debate\nContact Us\n\n{BODY}"
    assert clean_text(lone).author == ""


def test_photo_credit_is_not_the_author() -> None:
    page = (f"Council approves harbour levy after long debate\nBy Sam Roe\n\n"
            f"Boats in the outer channel. Photograph: Ana Lima/Harbour Wire\n\n{BODY}")
    assert clean_text(page).author == "Sam Roe"


def test_function_words_are_never_names() -> None:
    assert not name_shape("Best Of") and not name_shape("Terms And Conditions")


HEADLINE = "Council approves harbour levy after long debate"


@pytest.mark.parametrize(("byline", "name"), [
    ("By\nSam Roe\nReporter", "Sam Roe"),
    ("Author:\nThe Harbour Desk\nPublish date:\nMar 26, 2026", "The Harbour Desk"),
    ("Analysis by Sam Roe, Harbour Gazette editor-at-large", "Sam Roe"),
    ("By Staff Reports -\n3/26/26 6:38 AM", "Staff Reports"),
    ("By Sam Roe samroe@gazette.example (555) 459-5382", "Sam Roe"),
    ("Ana Lima and Tom J. Berry Harbour Valley Gazette\nPublished 10:02 AM EST Mar 26, 2026",
     "Ana Lima and Tom J. Berry"),
    ("Sam Roe\n1 day ago", "Sam Roe"),
    ("The Associated Press\nPublished Thursday, March 26, 2026 8:22AM EST",
     "The Associated Press"),
    ("Harbourwire March 26, 2026", "Harbourwire"),
    ("March 26, 2026 / 0 Comments / in Harbour News / by harbourmaster", "harbourmaster"),
    ("By Sam Roe, Ana Lima and Tom Berry | March 26, 2026", "Sam Roe, Ana Lima and Tom Berry"),
    ("By Sam Roe and Ana Lima, Harbour Gazette", "Sam Roe and Ana Lima"),
    ("Sam Roe, Staff Writer", "Sam Roe"),
    ("Sam Roe, Harbour Wire Auto Writer", "Sam Roe"),
    ("Sam Roe | Reporter", "Sam Roe"),
    ("Sam Roe · 4 min read", "Sam Roe"),
    ("By Dr. Sam Roe", "Dr. Sam Roe"),
    ("Written by Sam Roe", "Sam Roe"),
    ("Reporting by Sam Roe", "Sam Roe"),
    ("Von Anna Schmidt und Peter Müller", "Anna Schmidt and Peter Müller"),
    ("Par Jean Dupont, publié le 26 mars 2026", "Jean Dupont"),
])
def test_byline_shapes(byline: str, name: str) -> None:
    page = f"Home\nWorld\n{HEADLINE}\n{byline}\n\n{BODY}"
    assert clean_text(page).author == name


def test_a_writers_bio_after_the_article_names_the_author() -> None:
    page = (f"{HEADLINE}\nMarch 26, 2026\n\n{BODY}\n"
            "Sam Roe is a staff writer at the Gazette covering the harbour and its trade.\n")
    assert clean_text(page).author == "Sam Roe"


def test_a_long_reporting_credit_names_its_first_reporter() -> None:
    page = (f"{HEADLINE}\n\n{BODY}\n(Reporting by Sam Roe; additional reporting by Ana Lima, "
            "Tom Berry and Jo Park in Portsmouth; Editing by Lee Chan and Kim Wu)\n")
    assert clean_text(page).author == "Sam Roe"


def test_a_name_alone_that_the_credit_repeats_beats_a_section_label() -> None:
    page = (f"Markets\nBusiness News\nMarch 26, 2026 / 12:21 AM\n{HEADLINE}\nSam Roe\n"
            f"5 Min Read\n\n{BODY}\nReporting by Sam Roe; Editing by Ana Lima\n")
    assert clean_text(page).author == "Sam Roe"


def test_the_byline_under_an_earlier_copy_of_the_headline() -> None:
    teasers = "\n".join(f"Teaser number {n} about another story that ran on the site this week."
                        for n in range(8))
    page = (f"{HEADLINE}\nNews\nSport\n{HEADLINE}\nBy Sam Roe\nView author archive\n"
            f"Most Popular Today\n{teasers}\nMarch 26, 2026 | 4:10pm\nEnlarge Image\n"
            f"Harbour Wire\n\n{BODY}")
    assert clean_text(page).author == "Sam Roe"


def test_photographers_and_menu_items_are_not_authors() -> None:
    photo = f"{HEADLINE}\nPhoto by Ana Lima\n\n{BODY}"
    assert clean_text(photo).author == ""
    menu = ("Platform\nFeatures\nGroup Publishers\nBlog\nContact Us\n"
            f"{HEADLINE}\nMarch 26, 2026\n\n{BODY}\nPlatform\nGroup Publishers\nBlog\n")
    assert clean_text(menu).author == ""
