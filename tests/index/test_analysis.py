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
