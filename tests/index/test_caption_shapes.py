"""Photo captions in the shapes news pages print them (hand-written pages): each leaves the
body, is kept as a caption, and the article's own sentences that look a little like one stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.extract import clean_text
from index.library import Library
from tests.index.samples import write

PARAGRAPHS = [
    "The county opened its new ferry terminal on Saturday, two years after the old pier"
    " was closed when storms cracked its supports.",
    "Commuters said the crossing was quicker than before, and the ferry company added two"
    " early sailings for workers on the morning shift.",
    "The terminal cost less than planned because the county reused the steel of the old"
    " pier for the new walkways and the roof of the waiting hall.",
    "A second phase, with a cafe and covered bicycle racks, is due to open next summer if"
    " the county approves the budget in March.",
]
HEAD = ("New ferry terminal opens on the east shore - Shore Ledger\n\nHome\nNews\nLocal\n\n"
        "New ferry terminal opens on the east shore\n\nBy Lea Marsh\nPublished March 3, 2026\n\n")
WIRE = ("Passengers board the first morning ferry at the new east shore terminal in Port Alder,"
        " Saturday, Feb. 28, 2026. The county reused the steel of the old pier, which storms"
        " cracked two winters ago, for the walkways and the roof of the waiting hall, and the"
        " ferry company added two early sailings.")
# Each shape: the text printed between the first and the second paragraph, and the caption's
# own words.
SHAPES = {
    "wire caption, long, its credit in the same block": (
        f"{WIRE}\nJane Doe, AP", WIRE),
    "wire caption printed twice, cut, with toggles": (
        f"{WIRE} less\n{WIRE[:120]}... more\nPhoto: Jane Q. Doe", WIRE[:100]),
    "credit label with a copyright sign": (
        "The waiting hall's roof, made of the old pier's steel, lit at dusk.\n"
        "(Image: © K. Ito / Shore Ledger)", "The waiting hall's roof"),
    "photographer's credit": (
        "Harbour master Ines Roe on the new walkway.\nPhoto by Tom Reyes",
        "Harbour master Ines Roe on the new walkway."),
    "agency in brackets": (
        "The east shore terminal seen from the water in Port Alder, Ore. (AP)",
        "The east shore terminal seen from the water"),
    "agency run on": (
        "A ferry leaves the east shore terminal. The crossing now takes twenty minutes. Getty",
        "A ferry leaves the east shore terminal."),
    "video label": (
        "Video: The first crossing from the new terminal, filmed from the upper deck.",
        "The first crossing from the new terminal"),
    "long caption signed with a credit label": (
        f"{WIRE} The walkways are lit by lamps taken from the old pier, and the benches of the"
        " waiting hall were made from its planks by a carpenter in Port Alder. Credit: K. Ito",
        "Passengers board the first morning ferry"),
    "long caption signed by a photographer and an agency": (
        f"{WIRE} The county said the second phase of the terminal, with a cafe and covered"
        " bicycle racks, would open next summer. Jane DOE / AFP",
        "Passengers board the first morning ferry"),
    "quoted title over a labelled credit": (
        'Ride further? Read our sister title "Coast Rider" for the island crossings!\n\n'
        "(Image credit: Coast Rider)", "Read our sister title"),
    "player notice over a media caption label": (
        "Video playback needs a newer browser\n\nMedia caption The first crossing, from the deck",
        "Video playback needs a newer browser"),
    "bracketed name": (
        "Ines Roe, the harbour master who oversaw the rebuilding of the pier\n(Port Alder Council)",
        "Ines Roe, the harbour master"),
}


def page(middle: str) -> str:
    first, *rest = PARAGRAPHS
    return HEAD + first + "\n\n" + middle + "\n\n" + "\n\n".join(rest) + "\n\nShare this\n"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_caption_leaves_the_body_and_is_kept_as_a_caption(shape: str) -> None:
    printed, words = SHAPES[shape]
    result = clean_text(page(printed))
    assert words not in result.body
    assert any(words in caption for caption in result.captions)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.body


@pytest.mark.parametrize("sentence", [
    # a wire's sign-off closes the story's paragraph: not a photo agency's credit
    "Ferry traffic on the east shore rose by a third in the first week, the county said. PTI",
    # an abbreviation in brackets, written in the page's own capitals
    "The county paid for the terminal with its electronic port account (ePA)",
    # names with initials and titles, the sentence ending in a full stop
    "The terminal was designed by the firm of the late architect Dr. Harold Vance.",
])
def test_the_articles_own_sentences_stay_in_the_body(sentence: str) -> None:
    result = clean_text(page(sentence))
    assert sentence in result.body
    assert result.captions == ()


def test_a_paragraph_a_gallery_reprints_under_a_photo_stays_in_the_body() -> None:
    gallery = (f"Image 1 of 4\n{PARAGRAPHS[2]}\n{PARAGRAPHS[2][:90]}... more\n"
               "Photo: Jane Doe, AP")
    result = clean_text(page(gallery).replace(
        "Share this\n", "Share this\n\n" + gallery + "\n\nMost read\n"))
    assert PARAGRAPHS[2] in result.body


def test_library_shows_and_finds_a_framed_wire_caption(library: Library, tmp_path: Path) -> None:
    [added] = library.add([str(write(tmp_path, "ferry.txt", page(f"{WIRE}\nJane Doe, AP")))])
    article = library.get(added.id)
    assert "Passengers board" not in article.body
    assert any(c.startswith("Passengers board") and "Jane Doe, AP" in c
               for c in article.captions)
    assert [h.article.id for h in library.search("passengers board").hits] == [added.id]



def test_a_last_paragraph_over_a_bracketed_sign_off_stays_in_the_body() -> None:
    closing = "The county will vote on the second phase in March.\n(Associated Press)"
    result = clean_text(page(closing))
    assert "The county will vote on the second phase in March." in result.body
    assert result.captions == ()


def test_quoted_speech_over_an_unlabelled_credit_stays_in_the_body() -> None:
    quote = '"We waited two years for this," said Ines Roe, the harbour master.'
    result = clean_text(page(quote + "\n\nJane Doe, AP"))
    assert quote in result.body
    assert not any("waited two years" in caption for caption in result.captions)


def test_quoted_speech_over_the_credit_of_the_photo_below_stays_in_the_body() -> None:
    quote = '"We waited two years for this," said Ines Roe, the harbour master.'
    below = "Image copyright EPA\nImage caption Ines Roe on the new walkway"
    result = clean_text(page(quote + "\n\n" + below))
    assert quote in result.body
    assert not any("waited two years" in caption for caption in result.captions)
