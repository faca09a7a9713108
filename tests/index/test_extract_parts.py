"""Article parts: the standfirst and photo captions are kept, but never in the body."""

from __future__ import annotations

from pathlib import Path

from index.extract import clean_text
from index.library import Library
from tests.index.samples import write

PAGE = """\
Harbour Gazette
Home
World
Business
Council approves harbour levy after long debate
Fishing crews say the charge will push small boats out of the port.
By Sam Roe
March 26, 2026

FILE - Trawlers moored in the outer harbour at dawn, March 2, 2026.

The council approved a levy on harbour traffic on Monday after a debate that ran late \
into the night, with members split over its cost to small fishing crews.

Supporters said the money would pay for dredging the outer channel, which has silted up \
over the past decade and now limits the size of boats that can dock.

Dock workers unload crates of herring at the north quay on Monday.
Ana Lima / Harbour Wire via AP

Opponents said the levy would fall hardest on the crews that can least afford it, and \
asked for an exemption for boats under twelve metres.

The new charge takes effect in June, after a consultation with the port authority.
Share this article
Most read
(c) 2026 Harbour Gazette
"""


def test_parts_are_found_and_kept_out_of_the_body() -> None:
    found = clean_text(PAGE)
    assert found.title == "Council approves harbour levy after long debate"
    assert found.standfirst == "Fishing crews say the charge will push small boats out of the port."
    assert found.author == "Sam Roe"
    assert found.captions == (
        "FILE - Trawlers moored in the outer harbour at dawn, March 2, 2026.",
        "Dock workers unload crates of herring at the north quay on Monday. "
        "(Ana Lima / Harbour Wire via AP)",
    )
    assert found.body.startswith("The council approved a levy")
    for part in ("Trawlers", "herring", "Fishing crews say", "Harbour Wire"):
        assert part not in found.body
    assert "Opponents said" in found.body
    assert "Share this article" in found.dropped and "Home" in found.dropped


def test_a_plain_article_has_no_standfirst() -> None:
    text = ("Council approves harbour levy\n\nThe council approved a levy on harbour traffic on "
            "Monday after a long debate.\n\nSupporters said the money would pay for dredging "
            "the outer channel, which has silted up.\n")
    found = clean_text(text)
    assert found.standfirst == "" and found.captions == ()
    assert found.body.startswith("The council approved")


def test_library_stores_shows_and_searches_the_parts(library: Library, tmp_path: Path) -> None:
    [result] = library.add([str(write(tmp_path, "levy.txt", PAGE))])
    article = library.get(result.id)
    assert article.standfirst.startswith("Fishing crews say")
    assert len(article.captions) == 2 and "herring" not in article.body
    assert [h.article.id for h in library.search("herring").hits] == [result.id]
    assert "Share this article" in library.dropped(result.id)
