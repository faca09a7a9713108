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
