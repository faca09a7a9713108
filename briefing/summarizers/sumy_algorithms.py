"""sumy's summarizers, configured with newsdesk's stemmer and stop words (one factory each)."""

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

# Words that mark page furniture rather than news; Edmundson's cue method needs some.
STIGMA_WORDS = ("click", "scroll", "subscribe", "advertisement", "newsletter", "pictured", "photo")


def _plain(kind: Callable[..., AbstractSummarizer]) -> Callable[[ObjectDocumentModel],
                                                                AbstractSummarizer]:
    def make(document: ObjectDocumentModel) -> AbstractSummarizer:
        summarizer = kind(STEMMER)
        summarizer.stop_words = STOP_WORDS
        return summarizer

    return make


lexrank = _plain(LexRankSummarizer)
lsa = _plain(LsaSummarizer)
luhn = _plain(LuhnSummarizer)
textrank = _plain(TextRankSummarizer)
kl = _plain(KLSummarizer)
sumbasic = _plain(SumBasicSummarizer)
reduction = _plain(ReductionSummarizer)


def edmundson(document: ObjectDocumentModel) -> EdmundsonSummarizer:
    """Edmundson with title words (or the most frequent words) as bonus cues."""
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
