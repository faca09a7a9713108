"""Lead-N: the first sentences of the article, the classic and hard-to-beat news baseline."""

from __future__ import annotations

from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.summarizers._summarizer import AbstractSummarizer

from briefing.summarizers._document import STEMMER


class LeadSummarizer(AbstractSummarizer):
    """Rates sentences by position alone, so the summary is the article's opening."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        ratings = {s: -order for order, s in reversed(list(enumerate(sentences)))}
        return self._get_best_sentences(sentences, sentences_count, ratings)


def make(document: ObjectDocumentModel) -> LeadSummarizer:
    """The summarizer registered in registry.py, for any document."""
    return LeadSummarizer(STEMMER)
