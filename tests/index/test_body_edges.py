"""Where the body starts and ends, and what of it is kept (hand-written pages)."""

from __future__ import annotations

from index.extract import clean_text
from tests.index.test_caption_shapes import HEAD, PARAGRAPHS

COOKIES = (
    "This website uses cookies to improve your experience while you navigate through the"
    " website. Out of these cookies, the cookies that are categorized as necessary are stored"
    " on your browser as they are essential for the working of basic functionalities of the"
    " website. We also use third-party cookies that help us analyze and understand how you"
    " use this website. These cookies will be stored in your browser only with your consent."
    " You also have the option to opt-out of these cookies. But opting out of some of these"
    " cookies may affect your browsing experience and the way the site works for you."
)


def test_lines_an_article_repeats_further_down_stay_in_the_body() -> None:
    # one line a paragraph, as recipe and plan pages print them
    day = ("Breakfast\n\nEat within an hour of waking\n\nOats with milk, a pear and a spoon of"
           " honey.\n\nLunch\n\nEat between noon and two\n")
    text = (HEAD + PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n\nPlan for Monday\n\n" + day
            + "\nPlan for Tuesday\n\n" + day + "\n" + PARAGRAPHS[2] + "\n\nShare this\n")
    result = clean_text(text)
    assert result.body.count("Eat within an hour of waking") == 2
    assert result.body.count("Eat between noon and two") == 2



def test_a_long_cookie_notice_after_the_article_is_not_body() -> None:
    text = HEAD + "\n\n".join(PARAGRAPHS) + "\n\nPrivacy Overview\n\n" + COOKIES + "\n"
    result = clean_text(text)
    assert "uses cookies" not in result.body
    assert all(paragraph in result.body for paragraph in PARAGRAPHS)


def test_a_paragraph_that_mentions_cookies_further_in_stays() -> None:
    paragraph = (
        "The bakery on the east shore, which sells bread to the commuters on the early ferries"
        " and uses cookies from a family recipe as its sign, said its takings had doubled since"
        " the terminal opened, and that it would hire two more bakers before the summer. Its"
        " owner said the old pier had been closed for so long that many customers had forgotten"
        " the shop was there at all, and that the new sailings brought them back within a week"
        " of the opening."
    )
    assert len(paragraph.split()) > 80
    text = HEAD + "\n\n".join([*PARAGRAPHS[:2], paragraph, *PARAGRAPHS[2:]]) + "\n"
    assert paragraph in clean_text(text).body


def test_an_about_box_closing_the_page_is_not_body() -> None:
    about = ("About Lea Marsh\n\nLea Marsh covers transport and the harbour for the Shore"
             " Ledger. She has written about the east shore ferries since 2019.\n")
    text = HEAD + "\n\n".join(PARAGRAPHS) + "\n\n" + about
    result = clean_text(text)
    assert "covers transport" not in result.body
    assert all(paragraph in result.body for paragraph in PARAGRAPHS)


def test_a_closing_subheading_that_names_the_next_paragraph_stays() -> None:
    section = ("Why Alder Matters\n\nAlder is the only port on the east shore that can take the"
               " larger ferries, which is why the county chose it for the new terminal.\n")
    text = HEAD + "\n\n".join(PARAGRAPHS) + "\n\n" + section
    assert "Alder is the only port" in clean_text(text).body
