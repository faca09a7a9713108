"""The body-line model: what it may leave out of the article's run of lines, and what it
never touches (hand-written pages; hand-made models where the behaviour is the mechanism's)."""

from __future__ import annotations

from index.boiler_weights import Model
from index.extract import body_candidates, clean_text
from index.extract_boiler import SIGNALS, without_boilerplate

ARTICLE = [
    "The ferry that links the harbour to the three outer islands sailed again on Monday, eleven"
    " days after a winter storm tore a section of its landing ramp away from the pier.",
    "Engineers worked through the weekend to bolt a temporary steel ramp in place, and the port"
    " authority said the crossing would run to its usual timetable for the rest of the week.",
    "Islanders had relied on a small fishing boat for medicine and post while the ferry was tied"
    " up, and the island school had moved its lessons online for the whole period.",
    "The authority expects the repair bill to be covered by its storm fund and said that no"
    " fares would rise to pay for it this year.",
]
APPEAL = [
    "Independent local news costs money to make, and we cannot keep doing it without your"
    " help.",
    "If you value what we do, please consider becoming a supporter today; it takes you less"
    " than a minute.",
]
LIST = ["Pack for the crossing:", "- A warm coat for you", "- Your ticket", "- Your own flask"]
MENU = ["Harbour Wire", "Home", "World", "Business", "Sport", "Culture"]


def page(*lines: str) -> str:
    return "\n".join(lines)


def reader_model(threshold: float = 0.5) -> Model:
    """Leaves out sentences that speak to the reader ("you", "we"): a stand-in for a fitted
    model that makes the mechanism's behaviour plain."""
    first = tuple(-40.0 if name == "reader" else 0.0 for name in SIGNALS)
    second = (0.0,) * (len(SIGNALS) + 2) + (4.0,)  # the line's own first-pass score
    return Model(first, 4.0, second, 0.0, threshold)


def test_sentences_the_model_judges_boilerplate_are_left_out() -> None:
    region, body, lines = body_candidates(page(*MENU, *ARTICLE, *APPEAL, "Share"))
    kept = [ln.text for ln in without_boilerplate(region, body, lines, reader_model())]
    assert kept == ARTICLE


def test_short_lines_of_the_article_are_never_judged() -> None:
    # A list inside the article: its items are the region rules' to keep, not the model's.
    region, body, lines = body_candidates(page(*MENU, *ARTICLE[:2], *LIST, *ARTICLE[2:],
                                               "Share"))
    kept = [ln.text for ln in without_boilerplate(region, body, lines, reader_model())]
    assert all(item in kept for item in LIST[1:])


def test_the_model_never_leaves_less_than_a_short_article() -> None:
    # A model that would leave out every sentence leaves the body as the region rules made it.
    region, body, lines = body_candidates(page(*MENU, *ARTICLE, *APPEAL, "Share"))
    everything = without_boilerplate(region, body, lines, reader_model(threshold=1.1))
    assert everything == body


def test_the_fitted_model_keeps_a_plain_article_whole() -> None:
    body = clean_text(page(*MENU, "Ferry service resumes after storm repairs", *ARTICLE,
                           "Share", "Related")).body
    assert body.split("\n\n") == ARTICLE
