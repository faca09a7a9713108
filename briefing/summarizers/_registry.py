"""Builds a configured sumy summarizer for each algorithm name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.summarizers._document import STEMMER, STOP_WORDS
from briefing.summarizers.lead import LeadSummarizer
from briefing.summarizers.news import NewsSummarizer
from briefing.summarizers.story import StorySummarizer

_SUMY: dict[str, Callable[..., AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "textrank": TextRankSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
# Words that mark page furniture rather than news; Edmundson's cue method needs some.
STIGMA_WORDS = ("click", "scroll", "subscribe", "advertisement", "newsletter", "pictured", "photo")
ALGORITHMS: tuple[str, ...] = (
    "newsdesk",
    "story",
    "lead",
    "lexrank",
    "lsa",
    "luhn",
    "textrank",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
)


def build(name: str, document: ObjectDocumentModel) -> AbstractSummarizer:
    """A summarizer for `name` (one of ALGORITHMS), configured for `document`."""
    if name == "newsdesk":
        return NewsSummarizer(STEMMER, stop_words=STOP_WORDS)
    if name == "story":
        return StorySummarizer(STEMMER, stop_words=STOP_WORDS)
    if name == "lead":
        return LeadSummarizer(STEMMER)
    if name == "edmundson":
        return _edmundson(document)
    summarizer = _SUMY[name](STEMMER)
    summarizer.stop_words = STOP_WORDS
    return summarizer


def _edmundson(document: ObjectDocumentModel) -> EdmundsonSummarizer:
    summarizer = EdmundsonSummarizer(STEMMER)
    summarizer.null_words = STOP_WORDS
    summarizer.stigma_words = STIGMA_WORDS
    summarizer.bonus_words = _bonus_words(document)
    return summarizer


def _bonus_words(document: ObjectDocumentModel, count: int = 10) -> list[str]:
    """Title words when there is a title, else the body's most frequent content words."""
    title = [w for h in document.headings for w in h.words if w.lower() not in STOP_WORDS]
    if title:
        return title
    words = Counter(w.lower() for w in document.words if w.lower() not in STOP_WORDS)
    return [w for w, _ in words.most_common(count)] or ["news"]
