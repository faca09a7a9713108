"""Article cleanup on messy page copies, clean notes and HTML, judged as a reader would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.errors import InputError
from index.extract import clean_text, extract_html, outlet_from_url
from index.models import Extracted

MESSY = Path(__file__).resolve().parent.parent / "data" / "messy"

# Lines of page furniture in the samples; none may come through as a body line.
BOILERPLATE = {
    "Accessibility links", "Skip to content", "Breaking News", "World", "Middle East", "+A -A",
    "(Photo: Reuters)", "Share this article", "Continue Reading", "Trending",
    "Markets slide as oil jumps", "Storm warning for the coast",
    "© 2022 Example News. All rights reserved.", "Image source, Getty Images",
    "Image caption, Cranes stood idle along the quay on Saturday.", "Facebook", "Comments",
    "Leave a comment", "Sign up for our morning newsletter and get the top stories in your inbox.",
    "© 2022 The Coastal Herald", "Menu", "Search", "Sign in", "A A A", "XS SM MD LG", "Read more",
    "Most read", "Bridge repairs delayed again", "Related", "Bus fares to rise in June",
    "Updated 3 hours ago", "By Jane Doe | 27-03-2022, 12:45", "Maria Lopez, Reuters",
    "Published on March 27, 2022", "By Anna Berg and Tom Lind",
}  # fmt: skip


def extract(name: str) -> Extracted:
    path = MESSY / name
    text = path.read_text(encoding="utf-8")
    return extract_html(text) if path.suffix == ".html" else clean_text(text, filename=name)


def body_lines(result: Extracted) -> list[str]:
    return [line for line in result.body.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("name", "title", "author", "outlet", "published"),
    [
        (
            "iraq-border.txt",
            "Clashes flare near the Iraq–Syria border as militias trade fire",  # noqa: RUF001
            "Jane Doe",
            "Example News",
            datetime(2022, 3, 27, 12, 45, tzinfo=UTC),
        ),
        (
            "harbour-strike.txt",
            "Dockworkers extend strike at the northern harbour",
            "Anna Berg and Tom Lind",
            "The Coastal Herald",
            datetime(2022, 3, 27, tzinfo=UTC),
        ),
        (
            "council-vote.txt",
            "Riverside council approves new cycle lanes",
            "Maria Lopez",
            "Riverside Daily",
            # 12:45 p.m. ET in late March is daylight time, four hours behind UTC.
            datetime(2022, 3, 27, 16, 45, tzinfo=UTC),
        ),
        (
            "ceasefire-iso.txt",
            "Talks on a local ceasefire resume in the valley",
            "",
            "",
            datetime(2022, 3, 27, 12, 45, tzinfo=UTC),
        ),
        (
            "page.html",
            "Night trains return to the mountain line",
            "Lena Hartmann",
            "Alpine Courier",
            datetime(2022, 3, 27, 12, 45, tzinfo=UTC),
        ),
        ("water-report.md", "Reservoir levels fall to a ten-year low", "", "", None),
        ("note.txt", "Budget meeting notes", "", "", None),
        # The site name on top is the outlet, not the headline; the wire credit at the end
        # is the only byline.
        (
            "masthead-wire.txt",
            "Ferry operators cancel winter crossings as fuel costs climb",
            "Pablo Ferrer",
            "Harbour Wire",
            datetime(2023, 1, 14, 8, 30, tzinfo=UTC),
        ),
        # A photo caption with its credit sits between the headline and the byline.
        (
            "caption-getty.txt",
            "Orchard growers count losses after late frost",
            "Nora Lindqvist",
            "Valley Courier",
            datetime(2023, 4, 14, 7, 20, tzinfo=UTC),
        ),
        # The headline runs straight on from the menu words, with no blank line between.
        (
            "menu-headline.txt",
            "Tram line to the airport opens two years behind schedule",
            "Karin Holt",
            "Example News",
            datetime(2023, 5, 2, tzinfo=UTC),
        ),
    ],
)
def test_metadata(
    name: str, title: str, author: str, outlet: str, published: datetime | None
) -> None:
    result = extract(name)
    assert (result.title, result.author, result.outlet) == (title, author, outlet)
    assert result.published == published


@pytest.mark.parametrize(
    ("name", "paragraph_starts"),
    [
        (
            "iraq-border.txt",
            ["Heavy fighting broke out", "Residents of the nearby", "A spokesman for the",
             "The border region has"],
        ),
        (
            "harbour-strike.txt",
            ["Workers at the northern", "The union said", "Shipping agents warned"],
        ),
        (
            "council-vote.txt",
            ["Riverside's city council", "Supporters packed the", "The first section is"],
        ),
        ("page.html", ["Sleeper trains will", "The operator has bought", "Tourism offices in"]),
        (
            "masthead-wire.txt",
            ["Two ferry operators", "Island councils said", "Regional officials said"],
        ),
        (
            "caption-getty.txt",
            ["A late frost swept", "Temperatures fell to", "The growers' association"],
        ),
        ("menu-headline.txt", ["The new tram line", "Trams will run", "Business groups"]),
    ],
)  # fmt: skip
def test_every_paragraph_and_no_boilerplate(name: str, paragraph_starts: list[str]) -> None:
    result = extract(name)
    paragraphs = result.body.split("\n\n")
    for start in paragraph_starts:
        assert any(p.startswith(start) for p in paragraphs), start
    assert not BOILERPLATE & set(body_lines(result))
    assert result.title not in body_lines(result)


def test_repeated_caption_appears_at_most_once() -> None:
    assert extract("iraq-border.txt").body.count("Smoke rises over the crossing") <= 1
    assert extract("harbour-strike.txt").body.count("Cranes stood idle") <= 1


@pytest.mark.parametrize(
    "caption",
    [
        "Frost covers the blossom on Tuesday. Image source, Getty Images",
        "Frost covers the blossom on Tuesday. Image caption",
        "Frost covers the blossom on Tuesday. (Photo: Valley Courier)",
        "Frost covers the blossom on Tuesday. Photograph: Nora Lindqvist",
        "Frost covers the blossom on Tuesday. Credit: Valley Courier",
    ],
)
def test_caption_is_never_the_headline(caption: str) -> None:
    text = (
        f"Home\nRegion\nFarming\n\nOrchard growers count losses after late frost\n\n{caption}"
        "\n\nA late frost swept through the valley's orchards on Tuesday night, damaging "
        "apple and pear blossom across hundreds of hectares, growers said.\n\nShare this article\n"
    )
    result = clean_text(text)
    assert result.title == "Orchard growers count losses after late frost"
    assert caption not in result.body


def test_html_drops_trailing_comment_prompt() -> None:
    paragraph = (
        "<p>The new tram line linking the city centre with the airport opened to passengers "
        "on Tuesday morning, two years later than planned, transport officials said.</p>"
    )
    html = (
        "<html><head><title>Tram line opens | Example News</title></head><body><article>"
        f"<h1>Tram line opens</h1>{paragraph * 4}"
        '<p class="comments">Leave a comment · 0 Comments</p>'
        "</article></body></html>"
    )
    result = extract_html(html)
    assert body_lines(result)[-1].startswith("The new tram line")
    assert "Comments" not in result.body


def test_clean_note_comes_through_intact() -> None:
    text = (MESSY / "note.txt").read_text(encoding="utf-8")
    result = clean_text(text, filename="note.txt")
    title, _, rest = text.partition("\n")
    assert result.title == title
    assert body_lines(result) == [line for line in rest.splitlines() if line.strip()]


def test_markdown_keeps_its_subheading() -> None:
    result = extract("water-report.md")
    assert "## What happens next" in body_lines(result)
    assert result.body.startswith("The regional water board")
    assert result.body.endswith("early potato harvest hardest.")


def test_filename_names_an_article_without_a_headline() -> None:
    result = extract("iraq-border-clashes.txt")
    assert result.title == "Iraq border clashes"
    assert result.body.startswith("heavy fighting broke out overnight")


def test_url_gives_the_outlet_and_is_kept() -> None:
    text = (MESSY / "ceasefire-iso.txt").read_text(encoding="utf-8")
    result = clean_text(text, url="https://www.bbc.co.uk/news/world-123")
    assert (result.outlet, result.url) == ("BBC", "https://www.bbc.co.uk/news/world-123")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/x", "BBC"),
        ("https://edition.cnn.com/2022/03/27/world/x", "CNN"),
        ("https://news.example.com/a/b", "example.com"),
        ("http://www.regional-paper.co.uk/story", "regional-paper.co.uk"),
        ("not a url", ""),
    ],
)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n  ",
        "\x00\x01\x02\ufffd\ufffd\x03" * 200,
        "Home\nNews\nSport\nWeather\n\nSign in\nMenu\n",
    ],
    ids=["empty", "whitespace", "binary", "menus-only"],
)
def test_not_an_article_raises_input_error(text: str) -> None:
    with pytest.raises(InputError):
        clean_text(text)


def test_empty_html_raises_input_error() -> None:
    with pytest.raises(InputError):
        extract_html("   ")


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,
        "A sentence that goes on. " * 5_000,
        "Some text \ufffd with a few \ufffd replacement characters in it, as decoding does.",
        "x" * 100_000,
        "(((((((((([[[[[[[[ ©©©© 2022 ||||| - - - ::::",
    ],
    ids=["one-huge-line", "long-prose-line", "replacement-chars", "no-spaces", "punctuation"],
)
def test_weird_input_gives_a_result_or_input_error(text: str) -> None:
    try:
        result = clean_text(text)
    except InputError:
        return
    # Whatever is kept is the input's own words, with a headline, and no replacement marks.
    assert result.title and result.body
    assert set(result.body.split()) <= set(text.split())
    assert "\ufffd" not in result.title + result.body


def test_tabs_odd_and_repeated_spaces_become_single_spaces() -> None:
    paragraphs = [
        "The harbour\tcommittee met on Tuesday\u00a0to discuss the new ferry timetable for "
        "the winter months, members said.",
        "Members  agreed   that the early\u2009crossing would run\u3000\u3000every day, "
        "including Sundays and public holidays.",
        "The new timetable starts in March, the committee's chair said after the vote.",
    ]
    result = clean_text("Ferry timetable agreed\n\n" + "\n\n".join(paragraphs) + "\n")
    assert body_lines(result) == [" ".join(p.split()) for p in paragraphs]
