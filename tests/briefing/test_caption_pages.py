"""Caption-laden pages (hand-written, in the styles news sites print captions): cleanup keeps
every caption out of the body, stores it as a caption, and no summary starts with one."""

from __future__ import annotations

import pytest

from briefing.registry import ALGORITHMS
from briefing.summarizers import summarize
from index.extract import clean_text

PARAGRAPHS = [
    "The regional water board approved a plan on Monday to raise the dam at the northern"
    " reservoir by four metres, after two dry summers left the valley short of water.",
    "Engineers said the work would take three years and would not close the road over the dam"
    " for more than a few weeks at a time.",
    "Farmers in the valley welcomed the plan but asked the board to publish how the extra water"
    " would be shared between the towns and the fields.",
    "The board will hold public meetings in each of the five towns before the work starts next"
    " spring, and will post the plans in every town hall.",
]
HEAD = "Water board backs plan to raise the northern dam - Valley Courier\n\nHome\nNews\n\n"
CAPTIONS = {
    "credit below": ("Workers inspect the spillway of the northern dam on Monday.\n"
                     "Jane Doe / Valley Courier via AP"),
    "credit run on": "The northern dam seen from the valley road in May. Ann Roe / Reuters file",
    "file label": "FILE - The northern reservoir at its lowest level in ten years, in August.",
    "submitted": "Board chair Mia Lund speaking at the spring meeting Submitted photo",
    "gallery": "Image 1 of 3\nThe reservoir's outlet tower seen from the dam's crest at dawn",
    "agency in brackets": "The valley road below the northern dam after a rock fall in May. (AP)",
    "photographer": "Board chair Mia Lund at the spring meeting.\nPhoto by Tom Reyes",
    "labelled credit": ("The spillway of the northern dam during the spring floods.\n"
                        "(Image: © K. Ito / Valley Courier)"),
    "long wire caption": (
        "Engineers walk along the crest of the northern dam above the reservoir near Alder"
        " Falls, Monday, May 4, 2026. The regional water board approved a plan to raise the"
        " dam by four metres after two dry summers left the valley short of water for its"
        " towns and farms.\nJane Doe, AP"),
}


def page(caption: str) -> str:
    first, *rest = PARAGRAPHS
    return HEAD + "Water board backs plan to raise the northern dam\n\n" + caption + "\n\n" \
        + "By Ada Moss\n\n" + "\n\n".join([first, *rest]) + "\n"


def caption_text(caption: str) -> str:
    """The caption's own words (without a gallery counter or a credit line)."""
    lines = caption.splitlines()
    return lines[1] if lines[0].startswith("Image ") else lines[0]


@pytest.mark.parametrize("style", sorted(CAPTIONS))
def test_captions_leave_the_body_and_are_kept_as_captions(style: str) -> None:
    caption = CAPTIONS[style]
    result = clean_text(page(caption))
    words = caption_text(caption)[:40]
    assert words not in result.body
    assert any(words in stored for stored in result.captions)
    assert result.body.startswith(PARAGRAPHS[0])


def test_a_caption_printed_twice_in_a_gallery_leaves_the_body() -> None:
    caption = "The dam's crest during the spring floods of last year, seen from the north bank."
    gallery = f"{caption}\n{caption}\nPhoto: Jane Doe, AP\n1 / 5"
    result = clean_text(page(gallery))
    assert caption not in result.body


def test_a_caption_under_its_credit_above_the_byline_leaves_the_body() -> None:
    caption = "Board chair Mia Lund at the reservoir on Monday, before the vote on the plan."
    text = (HEAD + "Water board backs plan to raise the northern dam\n\nUpdated May 3, 2024\n"
            "Jane Doe | Getty Images\n" + caption + "\nBy Ada Moss\n\n" + "\n\n".join(PARAGRAPHS))
    result = clean_text(text)
    assert caption not in result.body
    assert result.body.startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_summary_starts_with_a_caption(algorithm: str) -> None:
    for caption in CAPTIONS.values():
        result = clean_text(page(caption))
        summary = summarize(result.body, title=result.title, sentences=2, algorithm=algorithm)
        assert summary
        assert caption_text(caption)[:30] not in summary[0]
