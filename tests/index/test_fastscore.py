"""Word queries scored with arrays rank exactly as Whoosh's own matchers rank them."""

from __future__ import annotations

import random

import pytest

from index import fastscore
from index.library import Library
from tests.index.search_samples import ARTICLES, stock

WORDS = (
    "border", "grain", "convoy", "talks", "river", "prices", "drought", "cup", "harbour",
    "strike", "council", "vote", "water", "dam", "wheat", "militia", "crossing", "ferry",
    "storm", "bridge", "school", "budget", "election", "court", "minister", "market", "fuel",
    "clinic", "flood", "camp", "aid", "truck", "bank",
)


def article(n: int) -> dict[str, object]:
    pick = random.Random(n)
    body = " ".join(pick.choice(WORDS) for _ in range(20 + n % 30))
    return {"id": f"a{n:03d}", "title": f"Item {n} {pick.choice(WORDS)}",
            "body": f"{body}.", "tags": ["sport"] if n % 3 == 0 else []}


@pytest.fixture
def filled(library: Library) -> Library:
    stock(library, ARTICLES)
    stock(library, [article(n) for n in range(0, 60)])
    stock(library, [article(n) for n in range(60, 120)])  # a second segment
    library.index.update([], removed=["a005", "a070"])  # deleted documents in both
    return library


@pytest.mark.parametrize("text", [
    "border", "grain prices", "river talks drought", "cup tag:sport", "convoy -river",
    "grain AND prices", "prices NOT cup", "talks published:[2025 to now]",
])
def test_same_hits_scores_and_order_as_whoosh(filled: Library, text: str) -> None:
    parsed = filled.index.parse(text)
    assert fastscore.supported(parsed.query)
    searcher = filled.index._fresh_searcher(filled.index._open())
    whoosh = searcher.search(parsed.query, limit=None, optimize=False)  # type: ignore[attr-defined]
    expected = [(hit["id"], round(hit.score, 6)) for hit in whoosh]
    best, total, exact = fastscore.top(searcher, parsed.query, searcher.weighting, None)  # type: ignore[attr-defined]
    got = [(searcher.stored_fields(doc)["id"], round(score, 6))  # type: ignore[attr-defined]
           for doc, score in best]
    if "published" in text:  # a range only narrows here; Whoosh adds it as a constant
        expected = [(i, 0.0) for i, _ in expected]
        got = [(i, 0.0) for i, _ in got]
    assert got == expected and total == len(expected) and exact
    limited = filled.search(text, limit=5, exact=True)
    assert [h.article.id for h in limited.hits] == [i for i, _ in expected[:5]]
    assert limited.total == len(expected) and limited.exact


QUERIES = ["border", "grain prices", "river talks drought", "cup tag:sport", "convoy -river",
           "school court fuel", "aid truck bank", "storm ferry", "water dam wheat market",
           "militia crossing -camp", "vote tag:sport council", "flood"]


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_pruning_keeps_the_same_best_hits_and_scores(filled: Library, limit: int) -> None:
    for text in QUERIES:
        pruned = filled.search(text, limit=limit)
        full = filled.search(text, limit=limit, exact=True)
        assert ([(h.article.id, round(h.score, 6)) for h in pruned.hits]
                == [(h.article.id, round(h.score, 6)) for h in full.hits]), text
        if not pruned.exact:  # an estimate, in the right range
            assert len(full.hits) <= pruned.total <= 2 * full.total + 1


def test_every_match_counted_when_asked(filled: Library) -> None:
    everything = filled.search("water dam wheat market", limit=None)
    assert everything.exact
    assert filled.search("water dam wheat market", limit=3, exact=True).total == len(
        everything.hits)
