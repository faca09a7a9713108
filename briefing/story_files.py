"""Several article files summarized as one story: what `newsdesk summarize --story` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.summarizers import summarize_story
from index.models import UNTITLED, Extracted, Precision, format_published, published_text


@dataclass(frozen=True, slots=True)
class Source:
    """One file of the story, as far as its text tells."""

    origin: str
    title: str
    outlet: str
    published: datetime | None  # None when the article does not say
    precision: Precision  # how much of the time the page gave

    def line(self) -> str:
        """"Headline — Outlet, 2026-11-20 · file.txt", leaving out what is not known."""
        where = ", ".join(p for p in (self.outlet, format_published(self.published, "day")) if p)
        head = f"{self.title} \u2014 {where}" if self.title else where
        return f"{head} \u00b7 {self.origin}"


@dataclass(frozen=True, slots=True)
class StorySummary:
    """The story's title, its sentences (most important first) and, for each, the indexes of
    the sources that print it."""

    title: str
    sentences: tuple[str, ...]
    citations: tuple[tuple[int, ...], ...]
    sources: tuple[Source, ...]

    def to_json(self) -> dict[str, Any]:
        """{"title", "sentences", "sources"}; each source lists the sentences it supports."""
        sources = []
        for number, source in enumerate(self.sources):
            cited = [i for i, refs in enumerate(self.citations) if number in refs]
            sources.append({"origin": source.origin, "title": source.title,
                            "outlet": source.outlet or None,
                            "published": published_text(source.published, source.precision),
                            "sentences": cited})
        return {"title": self.title, "sentences": list(self.sentences), "sources": sources}


def summarize_files(
    articles: Sequence[tuple[str, Extracted]], *, sentences: int | None = None,
    words: int | None = None,
) -> StorySummary:
    """Summarize the (origin, cleaned article) pairs as one story."""
    titles = [_title(a) for _, a in articles]
    picked = summarize_story([(t, a.body) for t, (_, a) in zip(titles, articles, strict=True)],
                             sentences=sentences, words=words)
    lead = picked[0].articles[0] if picked else 0
    return StorySummary(
        title=titles[lead] if articles else "",
        sentences=tuple(" ".join(p.text.split()) for p in picked),
        citations=tuple(p.articles for p in picked),
        sources=tuple(_source(origin, article) for origin, article in articles),
    )


def _title(article: Extracted) -> str:
    title = " ".join(article.title.split())
    return "" if title == UNTITLED else title


def _source(origin: str, article: Extracted) -> Source:
    shown = article.url or Path(origin).name
    return Source(shown, _title(article), article.outlet, article.published,
                  article.published_precision)
