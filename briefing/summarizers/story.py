"""newsdesk's multi-article summarizer: what several articles agree on, said once, facts first."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers._summarizer import AbstractSummarizer

from briefing.summarizers._coverage import Coverage
from briefing.summarizers._document import STEMMER, STOP_WORDS
from briefing.summarizers._quality import (
    facts,
    has_section_label,
    is_commentary,
    is_dangling,
    is_fragment,
    is_reported,
    normalized,
)

# Bounds: the earliest sentences of each article carry its news, and a story of hundreds of
# articles must not cost more than a few hundred sentences.
MAX_PER_ARTICLE = 40
MAX_SENTENCES = 600
MIN_WORDS = 6
MAX_WORDS = 70


@dataclass(frozen=True, slots=True)
class StoryWeights:
    """How much each signal counts. Set on the DUC 2004 dev half and checked on Multi-News and
    MultiLing (docs/quality.md); kept few and round so that they carry to other news."""

    length: float = 0.7  # coverage is divided by words ** length: long sentences pay for words
    position: float = 5.0  # bonus for an article's opening sentences
    decay: float = 0.7  # how fast that bonus fades down the article
    facts: float = 0.15  # names and numbers
    dangling: float = 0.3  # a start that points back ("He said", "The group")
    bigram: float = 1.0  # weight of a shared word pair relative to a shared word
    spread: float = 2.0  # a concept weighs (articles using it) ** spread
    single: float = 0.3  # weight of a concept only one article (or sentence) uses
    commentary: float = 0.7  # a sentence in the writer's own voice counts this much
    saturation: float = 0.25  # a sentence counts as covered at this share of its similarity
    similarity: float = 0.5  # weight of that coverage against the concepts' (see Coverage)


class StoryDocument(ObjectDocumentModel):  # type: ignore[misc]
    """Several articles as one sumy document: one paragraph per article, its title a heading.
    A sentence that several articles print (wire copy) is kept once: `origins[i]` is (article
    index, position in it) of its first print, `reporters[i]` every article that prints it."""

    def __init__(self, articles: Sequence[ObjectDocumentModel]) -> None:
        first: dict[str, int] = {}
        origins: list[tuple[int, int]] = []
        reporters: list[set[int]] = []
        paragraphs = []
        for number, article in enumerate(articles):
            kept = []
            for position, sentence in enumerate(article.sentences):
                key = normalized(str(sentence))
                if key in first:
                    reporters[first[key]].add(number)
                    continue
                first[key] = len(origins)
                origins.append((number, position))
                reporters.append({number})
                kept.append(sentence)
            paragraphs.append(Paragraph([*article.headings[:1], *kept]))
        super().__init__(paragraphs)
        self.articles = len(articles)
        self.origins = tuple(origins)
        self.reporters = tuple(tuple(sorted(r)) for r in reporters)


class StorySummarizer(AbstractSummarizer):  # type: ignore[misc]
    """Picks, one at a time, the sentence that adds the most of what the articles share (words
    and word pairs weighted by how many articles use them) per word it costs, favouring
    opening sentences, names and numbers; a sentence adds nothing it repeats, so redundancy is
    controlled by construction. Returns sentences in the order picked: most important first."""

    def __init__(
        self,
        stemmer: Callable[[str], str] = null_stemmer,
        *,
        stop_words: Iterable[str] = (),
        weights: StoryWeights | None = None,
    ) -> None:
        super().__init__(stemmer)
        self.stop_words = frozenset(w.lower() for w in stop_words)
        self.weights = weights or StoryWeights()

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        return tuple(sentences[i] for i in self.pick(document, sentences=sentences_count))

    def pick(
        self, document: ObjectDocumentModel, *, sentences: int | None = None,
        words: int | None = None,
    ) -> list[int]:
        """Indexes into document.sentences, most important first, until `sentences` are picked
        or `words` are reached (whichever is given; both: whichever comes first)."""
        origins = _origins(document)
        candidates = _candidates(document.sentences, origins)
        if not candidates:
            return []
        sentences_of = document.sentences
        features = {i: self._features(sentences_of[i].words) for i in candidates}
        concepts = {i: found[0] for i, found in features.items()}
        weights = _concept_weights(concepts, _reporters(document), self.weights)
        texts = {i: str(document.sentences[i]) for i in candidates}
        commentary = {i: is_commentary(texts[i]) for i in candidates}
        reporting = _reporting(commentary, origins)
        prior = {i: self._prior(texts[i], origins[i][1], commentary[i])
                 * (1.0 if is_reported(texts[i]) else reporting[origins[i][0]])
                 for i in candidates}
        terms = {i: found[1] for i, found in features.items()}
        coverage = Coverage(concepts, weights, terms, saturation=self.weights.saturation,
                            share=self.weights.similarity)
        return _greedy(candidates, coverage, prior, self._lengths(document, candidates),
                       self.weights.length, sentences, words)

    def read_in_order(self, document: ObjectDocumentModel, picked: Sequence[int]) -> list[int]:
        """`picked` (most important first, as `pick` gives them within a word budget) as a
        paragraph reads best: the most important sentence, then the rest as the articles tell
        them (earlier positions first), and last the one that crossed the budget, where a
        reader's or a column's cut falls."""
        if len(picked) <= 2:
            return list(picked)
        origins = _origins(document)
        middle = sorted(picked[1:-1], key=lambda i: (origins[i][1], origins[i][0]))
        return [picked[0], *middle, picked[-1]]

    def _features(self, words: Sequence[str]) -> tuple[frozenset[str], list[str]]:
        """The sentence's concepts (content stems and word pairs), and its content terms for
        the coverage's TF-IDF row (its stemmed words but stop words and punctuation)."""
        lower = [w.lower() for w in words]
        stems = [self._stemmer(w) for w in lower]  # sumy's stem_word adds two calls a word
        terms = [stem for word, low, stem in zip(words, lower, stems, strict=True)
                 if word.isalnum() and low not in self.stop_words]
        return self._concepts(lower, stems), terms

    def _concepts(self, lower: Sequence[str], stems: Sequence[str]) -> frozenset[str]:
        content = [w not in self.stop_words and w.isalnum() for w in lower]
        unigrams = {s for s, keep in zip(stems, content, strict=True) if keep}
        pairs = {
            f"{stems[k]} {stems[k + 1]}"
            for k in range(len(stems) - 1)
            if content[k] or content[k + 1]
        }
        return frozenset(unigrams | pairs)

    def _prior(self, text: str, position: int, commentary: bool) -> float:
        w = self.weights
        bonus = 1.0 + w.position / (position + 1) ** w.decay + w.facts * facts(text)
        bonus -= w.dangling if is_dangling(text) else 0.0
        return bonus * (w.commentary if commentary else 1.0)

    @staticmethod
    def _lengths(document: ObjectDocumentModel, candidates: list[int]) -> dict[int, int]:
        return {i: len(document.sentences[i].words) for i in candidates}


def _origins(document: ObjectDocumentModel) -> tuple[tuple[int, int], ...]:
    if isinstance(document, StoryDocument):
        return document.origins
    return tuple((0, position) for position in range(len(document.sentences)))


def _candidates(sentences: Sequence[Sentence], origins: Sequence[tuple[int, int]]) -> list[int]:
    """Sentence indexes worth considering: news prose of a sensible length, at most
    MAX_PER_ARTICLE per article and MAX_SENTENCES in all, earliest positions first."""
    seen: set[str] = set()
    fit = []
    for i, sentence in enumerate(sentences):
        text = str(sentence)
        key = " ".join(text.lower().split())
        if origins[i][1] >= MAX_PER_ARTICLE or key in seen:
            continue
        seen.add(key)
        # Captions and furniture are gone already: every document is built by build_document.
        if MIN_WORDS <= len(sentence.words) <= MAX_WORDS and not (
            has_section_label(text) or is_fragment(text)
        ):
            fit.append(i)
    if not fit:  # nothing reads as news: the short lines are better than no summary at all
        fit = [i for i, s in enumerate(sentences) if origins[i][1] < MAX_PER_ARTICLE and s.words]
    fit.sort(key=lambda i: (origins[i][1], origins[i][0]))
    return fit[:MAX_SENTENCES]


def _reporting(commentary: dict[int, bool], origins: Sequence[tuple[int, int]]) -> dict[int, float]:
    """Per article, the share of its sentences that are not the writer's own view, squared. A
    sentence that neither names a source nor counts or names anything weighs by it: in a note or an
    opinion piece such a sentence is a judgement ("The side door is the weak point."), which
    must not stand in a briefing as reported fact."""
    counts: dict[int, list[int]] = {}
    for i, own in commentary.items():
        count = counts.setdefault(origins[i][0], [0, 0])
        count[0] += not own
        count[1] += 1
    return {article: (kept / total) ** 2 for article, (kept, total) in counts.items()}


def _reporters(document: ObjectDocumentModel) -> tuple[tuple[int, ...], ...]:
    if isinstance(document, StoryDocument):
        return document.reporters
    return tuple((0,) for _ in document.sentences)


def _concept_weights(
    concepts: dict[int, frozenset[str]], reporters: Sequence[tuple[int, ...]], w: StoryWeights
) -> dict[str, float]:
    """A concept counts by how many articles use it; with a single article, by how often it
    recurs. Concepts of one sentence only weigh little: they are its details, not the story."""
    per_article: dict[int, set[str]] = {}
    for i, found in concepts.items():
        for article in reporters[i]:
            per_article.setdefault(article, set()).update(found)
    several = len(per_article) > 1
    counts = Counter(c for found in (per_article.values() if several else concepts.values())
                     for c in found)
    weights = {}
    for concept, count in counts.items():
        weight = count**w.spread if count > 1 else w.single
        weights[concept] = weight * (w.bigram if " " in concept else 1.0)
    return weights


def _greedy(
    candidates: list[int],
    coverage: Coverage,
    prior: dict[int, float],
    lengths: dict[int, int],
    exponent: float,
    sentences: int | None,
    words: int | None,
) -> list[int]:
    """Pick the best gain per word, again and again; what a pick covers gains nothing later.

    Lazy: a sentence's gain only falls as more is covered, so a stale gain is an upper bound,
    and only the heap's top is recomputed until it stays on top (Minoux's accelerated greedy,
    the same picks as recomputing every gain each round, at a fraction of the cost)."""
    cost = {i: prior[i] / max(lengths[i], 1) ** exponent for i in candidates}
    heap = [(-coverage.gain(i) * cost[i], i) for i in candidates]
    heapq.heapify(heap)
    picked: list[int] = []
    total = 0
    while heap and (sentences is None or len(picked) < sentences):
        if words is not None and total >= words:
            break
        _, i = heapq.heappop(heap)
        gain = coverage.gain(i) * cost[i]
        if heap and (-gain, i) > heap[0]:
            heapq.heappush(heap, (-gain, i))  # stale: someone else may be better now
            continue
        if picked and gain <= 0:
            break
        picked.append(i)
        coverage.take(i)
        total += lengths[i]
    return picked


def make(document: ObjectDocumentModel) -> StorySummarizer:
    """The summarizer registered in registry.py, for any document."""
    return StorySummarizer(STEMMER, stop_words=STOP_WORDS)
