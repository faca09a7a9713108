"""Summarizers: sumy algorithms, Lead-N and newsdesk's own news summarizer."""

from __future__ import annotations

from briefing.summarizers._document import build_document, verbatim
from briefing.summarizers._registry import ALGORITHMS, build
from briefing.summarizers.key_points import key_points
from index.errors import NewsdeskError

DEFAULT_ALGORITHM = "newsdesk"

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "key_points", "summarize"]


def summarize(
    body: str, *, title: str = "", sentences: int = 3, algorithm: str = DEFAULT_ALGORITHM
) -> list[str]:
    """Up to `sentences` sentences of `body`, copied verbatim and in document order."""
    if algorithm not in ALGORITHMS:
        raise NewsdeskError(
            f"unknown summary algorithm {algorithm!r}",
            hint=f"choose one of: {', '.join(ALGORITHMS)}",
        )
    if sentences <= 0 or not body.strip():
        return []
    document = build_document(body, title)
    picked = build(algorithm, document)(document, sentences)
    return [verbatim(body, str(s)) for s in picked]
