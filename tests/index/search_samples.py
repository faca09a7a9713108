"""Small fictional articles for the search tests, poured in through the JSON-lines import."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from index.library import Library

# Relative dates are days before the moment the samples are imported (see `jsonl`), not
# before the test module was loaded: a run that crosses midnight must not shift "yesterday".

ARTICLES = [
    {"id": "cup1", "title": "Fans gather for the world cup final", "tags": ["sport"],
     "outlet": "Daily Pitch", "author": "Sam Reed", "published": timedelta(days=1),
     "body": "Thousands of fans gathered in the square to watch the world cup final on "
             "giant screens. Police closed two roads near the stadium."},
    {"id": "cup2", "title": "Sponsors quarrel over world cup broadcast rights",
     "tags": ["business"], "outlet": "Market Wire", "author": "Lee Park",
     "published": timedelta(days=40),
     "body": "Broadcasters and sponsors disagree about the world cup rights, and the "
             "league says talks will continue next month."},
    {"id": "race1", "title": "Cyclists race through the hills", "tags": ["sport"],
     "outlet": "Daily Pitch", "author": "Sam Reed", "published": timedelta(days=3),
     "body": "The race climbed three hills before a sprint finish in the old town. "
             "Spectators lined the border road."},
    {"id": "border1", "title": "Border crossing reopens after talks", "tags": ["politics"],
     "outlet": "Market Wire", "author": "Ana Cruz", "published": datetime(2025, 3, 2, tzinfo=UTC),
     "body": "The border crossing reopened on Tuesday after talks between the two "
             "governments. Traders queued for hours with lorries of grain."},
]


def jsonl(articles: list[dict[str, object]]) -> list[str]:
    """JSON lines in the export format for these articles."""
    lines = []
    now = datetime.now(UTC).replace(microsecond=0)
    for article in articles:
        data = dict(article)
        if isinstance(data.get("published"), timedelta):
            data["published"] = now - data["published"]  # type: ignore[operator]
        if isinstance(data.get("published"), datetime):
            data["published"] = data["published"].isoformat()  # type: ignore[union-attr]
        lines.append(json.dumps(data))
    return lines


def stock(library: Library, articles: list[dict[str, object]] | None = None) -> Library:
    """The library with these articles (the samples above by default) imported."""
    results = list(library.import_jsonl(jsonl(articles or ARTICLES), origin="samples"))
    assert all(r.status == "added" for r in results), results
    return library


def ids(library: Library, text: str, **kwargs: object) -> list[str]:
    """The ids a search finds, sorted."""
    return sorted(h.article.id for h in library.search(text, **kwargs).hits)  # type: ignore[arg-type]
