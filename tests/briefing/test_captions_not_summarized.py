"""Summaries read the stored body, which cleanup keeps free of photo captions."""

from __future__ import annotations

from briefing.summarizers import summarize
from index.extract import clean_text
from tests.index.test_extract_parts import PAGE


def test_summary_never_starts_with_a_caption() -> None:
    found = clean_text(PAGE)
    summary = summarize(found.body, title=found.title, sentences=3)
    assert summary and summary[0].startswith("The council approved")
    assert not any("Trawlers" in s or "herring" in s for s in summary)
