"""The multi-article summarizer: a sumy summarizer, verbatim, cited, no captions, no repeats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sumy.summarizers._summarizer import AbstractSummarizer

from briefing.summarizers import ALGORITHMS, summarize, summarize_story
from briefing.summarizers._document import STEMMER, STOP_WORDS, build_document
from briefing.summarizers._quality import is_caption, is_commentary, is_dangling, normalized
from briefing.summarizers.story import MAX_SENTENCES, StoryDocument, StorySummarizer
from tests.briefing.story_samples import CAPTIONS, STORY, write_story
from tui.cli import main

ARTICLES = [(title, "\n\n".join(paragraphs)) for title, _, _, paragraphs in STORY.values()]


def test_it_is_a_registered_sumy_summarizer() -> None:
    assert issubclass(StorySummarizer, AbstractSummarizer)
    assert "story" in ALGORITHMS
    body = ARTICLES[0][1]
    picked = summarize(body, sentences=2, algorithm="story")
    assert len(picked) == 2 and all(s in body for s in picked)


def test_sentences_are_verbatim_cited_and_never_twice() -> None:
    picked = summarize_story(ARTICLES, sentences=20)
    assert len(picked) >= 6
    keys = [normalized(p.text) for p in picked]
    assert len(keys) == len(set(keys))
    for p in picked:
        printing = {i for i, (_, body) in enumerate(ARTICLES) if p.text in body}
        assert set(p.articles) == printing  # cited to every article that prints it


def test_captions_and_credits_are_never_picked() -> None:
    assert all(is_caption(c) for c in CAPTIONS)
    picked = {p.text for p in summarize_story(ARTICLES, sentences=50)}
    assert not picked & set(CAPTIONS)
    for title, body in ARTICLES:
        assert not set(summarize(body, title=title, sentences=20)) & set(CAPTIONS)


def test_first_sentence_says_what_happened_and_shared_facts_lead() -> None:
    first = summarize_story(ARTICLES, sentences=1)[0].text
    assert "fire" in first.lower() and "two workers" in first
    assert not is_dangling(first)
    assert is_dangling("He said an investigation would look at the pumps.")
    assert is_dangling("The group denied it.")


def test_word_budget() -> None:
    picked = summarize_story(ARTICLES, words=40)
    total = sum(len(p.text.split()) for p in picked)
    assert 40 <= total < 40 + max(len(p.text.split()) for p in picked)


def test_a_huge_story_is_bounded() -> None:
    sentence = "Officials in district {n} reported {n} new cases of the fever on Monday."
    body = " ".join(sentence.format(n=n) for n in range(200))
    document = StoryDocument([build_document(body, f"Report {k}") for k in range(10)])
    summarizer = StorySummarizer(STEMMER, stop_words=STOP_WORDS)
    picked = summarizer.pick(document, sentences=5)
    assert len(picked) == 5
    assert max(picked) < len(document.sentences)
    assert len(document.sentences) <= 200  # the same sentence in ten articles is kept once
    assert MAX_SENTENCES <= 1000


def test_cli_summarize_story_json(tmp_path: Path) -> None:
    paths = [str(p) for p in write_story(tmp_path / "story")]
    result = CliRunner().invoke(main, ["summarize", "--story", *paths, "--words", "60", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # ONE object
    assert set(data) == {"title", "sentences", "sources"}
    assert data["title"] in {title for title, *_ in STORY.values()}
    assert sum(len(s.split()) for s in data["sentences"]) >= 60
    assert {Path(s["origin"]).name for s in data["sources"]} == set(STORY)
    cited = sorted({i for s in data["sources"] for i in s["sentences"]})
    assert cited == list(range(len(data["sentences"])))
    assert not set(data["sentences"]) & set(CAPTIONS)


def test_cli_summarize_story_text_and_bad_options(tmp_path: Path) -> None:
    paths = [str(p) for p in write_story(tmp_path / "story")]
    runner = CliRunner()
    result = runner.invoke(main, ["summarize", "--story", *paths, "-n", "3"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("== ") and "[1]" in result.stdout
    assert sum(line.startswith("[") for line in lines) == 3  # the numbered sources
    assert "Unknown" not in result.stdout and "(untitled)" not in result.stdout
    both = runner.invoke(main, ["summarize", "--story", *paths, "-n", "3", "--words", "50"])
    assert both.exit_code != 0 and "not both" in both.output


def test_cli_summarize_story_gives_dates_as_the_pages_did(tmp_path: Path) -> None:
    frontier, ledger, courier = write_story(tmp_path / "story")
    # a page that gives only the day: no invented midnight, in JSON or in the sources list
    frontier.write_text(frontier.read_text(encoding="utf-8").replace(
        "20-11-2026, 09:00", "20 November 2026"), encoding="utf-8")
    courier.write_text(courier.read_text(encoding="utf-8").replace("21-11-2026, 07:45", ""),
                       encoding="utf-8")
    paths = [str(p) for p in (frontier, ledger, courier)]
    data = json.loads(CliRunner().invoke(main, ["summarize", "--story", *paths, "--json"]).stdout)
    published = {s["origin"]: s["published"] for s in data["sources"]}
    assert published == {"frontier.txt": "2026-11-20", "ledger.txt": "2026-11-20T11:30:00",
                         "courier.txt": None}
    text = CliRunner().invoke(main, ["summarize", "--story", *paths]).stdout
    assert "Frontier Daily, 2026-11-20 · frontier.txt" in text
    assert "Desert Courier, date unknown · courier.txt" in text
    assert "00:00" not in text


REPORT = (
    "Pump station hit by flood",
    "Flood water reached the Kessab pump station on Monday, cutting water to 12,000 homes in "
    "the valley, the water board said. Engineer Rana Daher said crews would need three days to "
    "dry the motors. The board said tankers from Lattaq would supply the worst-hit streets. "
    "Residents of Upper Kessab queued for bottled water at two schools on Tuesday.",
)
NOTE = (
    "My notes on the pump station",
    "The pump station flood shows the valley depends on one site. The pump station is the "
    "weak point. I think the water board should have moved the motors years ago. We will "
    "probably see more floods like this one. Perhaps the valley needs a second station.",
)


def test_a_readers_note_is_not_quoted_as_news() -> None:
    for sentence in ("I think the water board should have moved the motors years ago.",
                     "We will probably see more floods like this one.",
                     "Is the valley ready for the next flood?"):
        assert is_commentary(sentence)
    for sentence in ("The board said it should finish the work by May.",
                     'Rana Daher said: "We should have moved the motors."',
                     "The US sent two engineers to the valley."):
        assert not is_commentary(sentence)
    picked = summarize_story([REPORT, NOTE], sentences=4)
    assert all(p.articles == (0,) for p in picked)  # the report's facts, not the note's views
    assert "weak point" not in " ".join(p.text for p in picked)


def test_a_word_budget_reads_as_a_paragraph() -> None:
    ranked = summarize_story(ARTICLES, sentences=20)
    story = summarize_story(ARTICLES, words=60)
    assert story[0] == ranked[0]  # the key sentence still leads
    assert {p.text for p in story} <= {p.text for p in ranked}


def test_headlines_image_captions_and_leading_dashes_are_not_sentences() -> None:
    body = (
        "Harbour Board Chief Warns: New Crane Is In Trouble!\n\n"
        "The harbour board said on Friday that its new crane had failed two safety checks.\n\n"
        "_ Inspectors from the port authority will return on Monday to test the brakes.\n\n"
        "The crane stands over the east quay in this undated photo from the harbour board."
    )
    sentences = [str(s) for s in build_document(body).sentences]
    assert sentences == [
        "The harbour board said on Friday that its new crane had failed two safety checks.",
        "Inspectors from the port authority will return on Monday to test the brakes.",
    ]
    picked = summarize_story([("Crane fails checks", body)], sentences=5)
    assert picked[0].text == sentences[0]
