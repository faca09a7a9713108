"""newsdesk's news summarizer: lead bias plus position-aware centrality, minus non-summary text."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers._summarizer import AbstractSummarizer

from briefing.summarizers._document import STEMMER, STOP_WORDS

# Openers that lean on an earlier sentence for their meaning ("He said...", "This was...").
_CONTEXT_OPENERS = frozenset(
    {
        "he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "these", "those",
        "there", "such", "but", "and", "also", "however", "meanwhile", "instead", "still", "yet"
    }
)
_QUOTE_OPEN = "\"'\u201c\u2018"


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts. Tuned by coordinate ascent on the even half of a
    CNN/DailyMail sample and checked on the odd half (docs/quality.md); `title` is untuned
    because that sample has no titles."""

    position: float = 1.0
    decay: float = 0.75
    forward: float = 1.0
    backward: float = -0.2
    title: float = 0.3
    redundancy: float = 0.5
    short: float = 0.5
    question: float = 0.25
    pronoun: float = 0.2
    quote: float = 0.15


class NewsSummarizer(AbstractSummarizer):
    """Scores each sentence by position, centrality and title overlap, with penalties for text
    that makes a poor summary line (fragments, questions, bare quotes, dangling pronouns), then
    picks greedily, discounting sentences that repeat one already picked."""

    def __init__(
        self,
        stemmer: Callable[[str], str] = null_stemmer,
        *,
        stop_words: Iterable[str] = (),
        weights: Weights | None = None,
    ) -> None:
        super().__init__(stemmer)
        self.stop_words = frozenset(w.lower() for w in stop_words)
        self.weights = weights or Weights()

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        scores, similarity = self._analyse(document)
        order = self._pick(scores, similarity, sentences_count)
        ratings = {sentences[i]: float(len(order) - rank) for rank, i in enumerate(order)}
        return self._get_best_sentences(sentences, len(order), lambda s: ratings.get(s, -1.0))

    def _analyse(self, document: ObjectDocumentModel) -> tuple[list[float], np.ndarray]:
        sentences = document.sentences
        terms = [self._terms(s.words) for s in sentences]
        title = {t for h in document.headings for t in self._terms(h.words)}
        similarity = _similarity(terms)
        forward, backward = _directed_centrality(similarity)
        w = self.weights
        scores = []
        for i, sentence in enumerate(sentences):
            score = w.position / (i + 1) ** w.decay
            score += w.forward * forward[i] + w.backward * backward[i]
            score += w.title * _overlap(terms[i], title)
            score -= self._penalty(str(sentence), len(sentence.words))
            scores.append(float(score))
        return scores, similarity

    def _pick(self, scores: list[float], similarity: np.ndarray, count: int) -> list[int]:
        """Sentence indices in the order picked: Maximal Marginal Relevance."""
        relevance = np.array(scores)
        picked: list[int] = []
        for _ in range(min(count, len(scores))):
            gain = relevance.copy()
            if picked:
                gain -= self.weights.redundancy * similarity[:, picked].max(axis=1)
                gain[picked] = -np.inf
            picked.append(int(np.argmax(gain)))
        return picked

    def _terms(self, words: Iterable[str]) -> list[str]:
        return [self.stem_word(w) for w in words if w.lower() not in self.stop_words]

    def _penalty(self, text: str, length: int) -> float:
        w = self.weights
        penalty = w.short * max(0, 8 - length) / 8
        if text.rstrip(_QUOTE_OPEN + "\u201d\u2019 ").endswith("?"):
            penalty += w.question
        first = re.match(r"\W*(\w+)", text)
        if first and first.group(1).lower() in _CONTEXT_OPENERS:
            penalty += w.pronoun
        if text[:1] in _QUOTE_OPEN:
            penalty += w.quote
        return penalty


def _overlap(terms: list[str], title: set[str]) -> float:
    return len(title.intersection(terms)) / len(title) if title else 0.0


def _directed_centrality(similarity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean tf-idf cosine similarity of each sentence to the sentences after and before it.

    In news the lead states what the rest elaborates, so similarity to *later* sentences is the
    better signal (PacSum, Zheng & Lapata 2019)."""
    n = len(similarity)
    upper = np.triu(similarity, 1)
    after = np.maximum(np.arange(n - 1, -1, -1), 1)
    before = np.maximum(np.arange(n), 1)
    return upper.sum(axis=1) / after, upper.sum(axis=0) / before


def tfidf_rows(terms: list[list[str]]) -> np.ndarray:
    """One unit-length TF-IDF row per sentence (smoothed idf over these sentences)."""
    vocabulary: dict[str, int] = {}
    for sentence in terms:
        for term in sentence:
            vocabulary.setdefault(term, len(vocabulary))
    document_frequency = Counter(t for sentence in terms for t in set(sentence))
    matrix = np.zeros((len(terms), max(len(vocabulary), 1)))
    for row, sentence in enumerate(terms):
        for term, count in Counter(sentence).items():
            idf = math.log((1 + len(terms)) / (1 + document_frequency[term])) + 1
            matrix[row, vocabulary[term]] = count * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _similarity(terms: list[list[str]]) -> np.ndarray:
    matrix = tfidf_rows(terms)
    return matrix @ matrix.T


def make(document: ObjectDocumentModel) -> NewsSummarizer:
    """The summarizer registered in registry.py, for any document."""
    return NewsSummarizer(STEMMER, stop_words=STOP_WORDS)
