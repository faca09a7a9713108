"""Snippets mark the query's words where a word starts with them, never inside a word."""

from __future__ import annotations

from index.analysis import NEWS_ANALYZER
from index.snippets import make_snippet


def terms(*words: str) -> frozenset[str]:
    return frozenset(NEWS_ANALYZER.stem(w) for w in words)


def test_marks_the_words_and_their_forms_only() -> None:
    body = "Markets fell. The supermarket chain said market prices rose in the U.S. markets."
    snippet = make_snippet(body, terms("market"))
    assert snippet.count("**") == 6  # Markets, market, markets
    assert "**Markets**" in snippet and "super**market" not in snippet


def test_a_body_whose_lower_case_is_longer_still_gets_its_marks() -> None:
    body = "İstanbul traders said market stalls reopened."  # 'İ'.lower() is two characters
    assert "**market**" in make_snippet(body, terms("market"))
