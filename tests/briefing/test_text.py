"""Offline sentence splitting and word tokenizing."""

from __future__ import annotations

import pytest

from briefing.text import Tokenizer, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Amal Haddad met U.S. envoys in Erbil. The talks lasted two hours.",
            ["Dr. Amal Haddad met U.S. envoys in Erbil.", "The talks lasted two hours."],
        ),
        (
            "Gen. Karim Tahir said Mr. Novak left on Jan. 4 with 2.5 tonnes of aid. It arrived.",
            [
                "Gen. Karim Tahir said Mr. Novak left on Jan. 4 with 2.5 tonnes of aid.",
                "It arrived.",
            ],
        ),
        (
            "The convoy came from the U.S. The drivers were tired.",
            ["The convoy came from the U.S.", "The drivers were tired."],
        ),
        (
            'He said: "We will hold the crossing." Then the shelling resumed.',
            ['He said: "We will hold the crossing."', "Then the shelling resumed."],
        ),
        (
            "Author J. R. Meyer wrote the report. Was it read? Nobody knows!",
            ["Author J. R. Meyer wrote the report.", "Was it read?", "Nobody knows!"],
        ),
    ],
)
def test_split_sentences_handles_abbreviations_quotes_and_decimals(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_blank_lines_always_end_a_sentence() -> None:
    text = "BORDER CLASHES\n\nFighting spread overnight. Roads closed\n\nAid groups left."
    assert split_sentences(text) == [
        "BORDER CLASHES",
        "Fighting spread overnight.",
        "Roads closed",
        "Aid groups left.",
    ]


def test_sentences_are_verbatim_slices_in_order() -> None:
    text = "First point, made at 10 a.m. today.  Second point follows.\nThird point ends it."
    sentences = split_sentences(text)
    assert len(sentences) == 3
    position = 0
    for sentence in sentences:
        position = text.index(sentence, position)


def test_tokenizer_matches_sumy_interface() -> None:
    tokenizer = Tokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tokenizer.to_words("Don't panic, it's 3.5 km away!") == (
        "Don't",
        "panic",
        "it's",
        "3",
        "5",
        "km",
        "away",
    )


def test_a_caption_line_without_punctuation_ends_before_the_next_sentence() -> None:
    text = (
        "Shelling hit the market on the edge of town early on Sunday morning.\n"
        "Photo: smoke over the market\n"
        "Traders said three stalls burned down before firefighters arrived.\n"
        "Officials gave no figure for\n"
        "casualties."
    )
    assert split_sentences(text) == [
        "Shelling hit the market on the edge of town early on Sunday morning.",
        "Photo: smoke over the market",
        "Traders said three stalls burned down before firefighters arrived.",
        "Officials gave no figure for\ncasualties.",
    ]
