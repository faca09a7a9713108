"""The analyzer's stem cache stays bounded however many distinct words pass through it."""

from __future__ import annotations

from index import analysis
from index.analysis import NewsAnalyzer


def test_stem_cache_is_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(analysis, "STEM_CACHE", 100)
    analyzer = NewsAnalyzer()
    words = [f"word{n}ing" for n in range(1000)]
    stems = [t.text for t in analyzer(" ".join(words))]
    assert len(analyzer._cache) <= 100
    assert stems[-1] == "word999"  # still stemmed right after the cache started over


def test_quick_index_terms_match_the_word_by_word_pass() -> None:
    # Texts with no particle are indexed from a memo of each word's terms; the terms must
    # be those of the careful pass, acronyms, stop words and names included.
    analyzer = NewsAnalyzer()
    texts = [
        "The US said IS fighters left; the U.N. and W.H.O. met us in May. It is over.",
        "A two-year-old ABCDEFG plan: Ab AB aB A1, 3.5 per cent, e.g. the café's ÉTÉ.",
        "ISIS's SDF allies near al-Hol camp and Deir ez-Zor; Al Hol is as-Sukhnah's neighbour.",
        "Deir el-Zour, as usual, at noon: an el nino-style storm.",
    ]
    for text in texts * 2:  # the second time from the memo
        careful = [term for term, _, _ in analyzer._index_terms(text, True)]
        assert analyzer.index_terms(text) == careful
        assert [t.text for t in analyzer(text)] == careful


def test_quick_terms_survive_the_memo_starting_over(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(analysis, "STEM_CACHE", 10)
    analyzer = NewsAnalyzer()
    text = " ".join(f"Reports{n} of WHO talks" for n in range(40))
    careful = [term for term, _, _ in analyzer._index_terms(text, True)]
    assert analyzer.index_terms(text) == careful
    assert len(analyzer._terms) <= 10
