"""Where the article starts and ends on a page: teaser lists above it, its own printed
headline, and reader comments or teaser records below it (hand-written pages)."""

from __future__ import annotations

from index.extract import clean_text

ARTICLE = [
    "The city council voted on Tuesday to close the old ferry terminal by the end of next year,"
    " citing the cost of repairs to its sinking pier.",
    "Officials said the crossing would move to a new landing two kilometres to the north, where"
    " work on a floating dock is due to start in the spring.",
    "Regular passengers said they feared longer journeys, and a petition against the closure has"
    " gathered more than four thousand signatures in a week.",
    "The council will publish the timetable for the new landing in January, after talks with the"
    " two companies that run the boats.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_teasers_glued_to_their_summaries_stay_out() -> None:
    teasers = [
        "Harbour Festival Returns To The Old Quay This Summer The organisers said on Monday that"
        " the stalls would open for three weekends in July.",
        "Bus Drivers Vote To Accept New Pay Offer From The Council Union members backed the deal"
        " by a wide margin after two months of talks.",
        "Five Of The Best Bakeries In The Riverside District Our reporters tried the bread,"
        " the cakes and the coffee at every shop along the river.",
    ]
    text = page("Ferry terminal to close - Riverside Post", "News", "\n".join(teasers),
                "Ferry terminal to close", *ARTICLE)
    body = clean_text(text).body
    assert "Harbour Festival" not in body
    assert "Bakeries" not in body
    assert body.startswith("The city council voted")


def test_a_sentence_with_names_in_capitals_is_still_prose() -> None:
    line = ("The United Nations Development Programme said on Monday that funding for the"
            " flood defences would arrive before the rains.")
    body = clean_text(page("Flood defences - Riverside Post", line, *ARTICLE)).body
    assert line in body


def test_the_article_starts_under_its_own_printed_headline() -> None:
    above = [
        "Our reporters spent a week on the night buses, and this is what they saw on the"
        " last routes out of the city before dawn.",
        "A short guide to the markets of the old town, from the fish stalls at the quay to the"
        " flower sellers on the bridge.",
    ]
    text = page("Ferry terminal to close - Riverside Post", "Latest", *above,
                "Ferry terminal to close", *ARTICLE)
    result = clean_text(text)
    assert result.title == "Ferry terminal to close"
    assert "night buses" not in result.body
    assert result.body.startswith("The city council voted")


def test_reader_comments_under_the_article_are_left_out() -> None:
    comments = [
        "12 Comments",
        "Harbour Watcher on March 3, 2024 at 4:47 pm said:",
        "This terminal has been falling apart for years and nobody did anything about it until"
        " the pier started to sink.",
        "Reply",
        "Sam K. on March 3, 2024 at 6:02 pm said:",
        "I take the ferry every morning and the new landing is much further from the station,"
        " so this will add twenty minutes to my trip.",
        "Reply",
    ]
    text = page("Ferry terminal to close - Riverside Post", *ARTICLE, *comments)
    body = clean_text(text).body
    assert "falling apart" not in body
    assert "twenty minutes" not in body
    assert body.rstrip().endswith("run the boats.")


def test_a_list_of_teaser_records_under_the_article_is_left_out() -> None:
    records = []
    for n, topic in enumerate(("the tram depot", "the night market", "the river wall")):
        records += [
            f"What next for {topic}",
            "Jo Writer",
            f"Tuesday March {n + 4}, 2024",
            f"Residents have argued for months about {topic}, and the council has now promised"
            " a decision before the summer holidays begin.",
        ]
    text = page("Ferry terminal to close - Riverside Post", *ARTICLE, *records)
    body = clean_text(text).body
    assert "tram depot" not in body
    assert "run the boats." in body


def test_embedded_posts_with_their_dates_stay_in_the_article() -> None:
    first, second, *rest = ARTICLE
    text = page(
        "Ferry terminal to close - Riverside Post", first,
        "The ferry is the only way to get to work for half the island",
        "— Ann Rider (@annrides) March 2, 2024", second,
        "Another petition, another council meeting, same sinking pier",
        "— Pier Watch (@pierwatch) March 3, 2024", *rest,
    )
    body = clean_text(text).body
    assert "run the boats." in body
    assert second in body


def test_the_writers_bio_after_the_article_is_left_out() -> None:
    text = page("Ferry terminal to close - Riverside Post", "By Jo Writer", *ARTICLE,
                "About Jo Writer",
                "Jo Writer is a reporter based in Riverside who covers transport and the"
                " harbour, and has written for the Post since 2015.")
    result = clean_text(text)
    assert result.author == "Jo Writer"
    assert "is a reporter based in Riverside" not in result.body
    assert result.body.rstrip().endswith("run the boats.")


def test_a_sentence_naming_the_writer_inside_the_article_stays() -> None:
    first, *rest = ARTICLE
    quote = ("Jo Writer, who has taken the ferry for twenty years, said the crossing was part"
             " of the town's life.")
    text = page("Ferry terminal to close - Riverside Post", "By Jo Writer", first, quote, *rest)
    assert quote in clean_text(text).body


def test_a_post_the_article_embeds_is_kept_with_its_sign_off() -> None:
    post = "The new landing will be ready for the first boats in June, on time and on budget."
    sign_off = "— Port Alder Council (@portalder) March 3, 2026"
    text = page("Ferry terminal to close - Riverside Post", *ARTICLE[:2],
                "The council shared the news on social media.", post + "\n" + sign_off,
                *ARTICLE[2:], "Share this")
    body = clean_text(text).body
    assert post in body
    assert sign_off in body
    assert body.endswith(ARTICLE[-1])
