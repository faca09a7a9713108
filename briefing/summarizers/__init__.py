"""Summarizers: sumy algorithms, Lead-N and newsdesk's own news summarizer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.registry import ALGORITHMS, DEFAULT_ALGORITHM, summarizer
from briefing.summarizers._document import STEMMER, STOP_WORDS, build_document, verbatim
from briefing.summarizers.story import StoryDocument, StorySummarizer

__all__ = [
    "ALGORITHMS", "DEFAULT_ALGORITHM", "Picked", "summarize", "summarize_story",
    "within_words"
]


@dataclass(frozen=True, slots=True)
class Picked:
    """A summary sentence as its article prints it, and every article (by index) printing it."""

    text: str
    articles: tuple[int, ...]


def summarize(
    body: str, *, title: str = "", sentences: int = 3, algorithm: str = DEFAULT_ALGORITHM
) -> list[str]:
    """Up to `sentences` sentences of `body`, copied verbatim and in document order."""
    made = summarizer(algorithm)
    if sentences <= 0 or not body.strip():
        return []
    document = build_document(body, title)
    picked = made.make(document)(document, sentences)
    return [verbatim(body, str(s)) for s in picked]


def summarize_story(
    articles: Sequence[tuple[str, str]], *, sentences: int | None = None,
    words: int | None = None,
) -> list[Picked]:
    """The story told by `articles` = (title, body) pairs: sentences copied verbatim from any of
    them until `sentences` are picked or `words` reached. With `sentences` only, most important
    first (callers take the first as the key point); with `words`, a paragraph: the most
    important first, then the others in the articles' order."""
    if (sentences is not None and sentences <= 0) or (words is not None and words <= 0):
        return []
    document = StoryDocument([build_document(body, title) for title, body in articles])
    summarizer = StorySummarizer(STEMMER, stop_words=STOP_WORDS)
    picked = summarizer.pick(document, sentences=sentences, words=words)
    if words is not None:
        picked = summarizer.read_in_order(document, picked)
    return [
        Picked(verbatim(articles[document.origins[i][0]][1], str(document.sentences[i])),
               document.reporters[i])
        for i in picked
    ]


def within_words(sentences: Sequence[str], words: int) -> list[str]:
    """The first sentences, up to the one that reaches `words` words (at least one)."""
    kept: list[str] = []
    total = 0
    for sentence in sentences:
        if kept and total >= words:
            break
        kept.append(sentence)
        total += len(sentence.split())
    return kept
