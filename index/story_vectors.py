"""Article text as vectors for story grouping: all words, and the names and numbers alone.

Two articles report the same event when they share its particular words: the people, places
and figures more than the vocabulary of its kind ("strike", "killed", "province"). So names
(capitalized words inside a sentence) and numbers weigh double among the words, and a second
vector of names and numbers alone adds to the similarity. A name an article uses as a place
("near Sinjar", "the Anbar province") stays among its words but leaves that second vector: a
place is shared by every event that happens there (a fence built near a town and a clash at
its checkpoint), unlike the people and figures of each. An article that names nothing but
places keeps them there: it has nothing else to tell its event by.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from index.analysis import NEWS_STOP_WORDS, NewsAnalyzer
from index.models import Article

WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*", re.UNICODE)
# the first word of the text, of a paragraph, or after a sentence's end (and a closing quote)
SENTENCE_START = re.compile(
    r"(?:^|[.!?][\"'\u201d\u2019)\]]*\s+)[\"'\u201c\u2018(\[]*([^\W_]+(?:['\u2019.-][^\W_]+)*)",
    re.UNICODE | re.MULTILINE,
)
# Words every report has whatever the event: reporting verbs and weekdays (capitalized, but
# "Thursday" names a different day in every week's news).
REPORTING = frozenset({
    "said", "says", "say", "told", "tells", "according", "reported", "reports", "added",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
MONTHS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
})  # capitalized, but not names ("may" is left alone: a verb, or Theresa May)
# A capitalized word after a word that says where ("near Sinjar", "west of Mosul"; not "at"
# or "from", which people and companies follow as often), or before one that says what kind
# of place it is ("the Anbar province", "the Rabia crossing").
PLACE_AFTER = re.compile(
    r"\b(?:in|near|outside|across|around|into|towards?|between|"
    r"(?:north|south|east|west)(?:ern)?\s+of)\s+(?:the\s+)?([^\W\d_][\w'\u2019.-]*)",
    re.UNICODE,
)
PLACE_BEFORE = re.compile(
    r"([^\W\d_][\w'\u2019.-]*)\s+(?:province|district|county|region|governorate|city|town|"
    r"village|valley|river|mountains|crossing|border|camp)\b",
    re.UNICODE,
)
TITLE_WEIGHT = 2.0  # a headline word counts as two in the body
NAME_WEIGHT = 2.0  # a name or number counts as two words
NAMES_SHARE = 0.5  # share of the names-and-numbers similarity in the whole


def IDF(n: int, df: int) -> float:
    return math.log((1 + n) / (1 + df) + 1.0)


_stems = NewsAnalyzer()


@dataclass(frozen=True, slots=True)
class Vectors:
    """L2-normalized TF-IDF rows, one per article: all words, and names and numbers alone."""

    words: np.ndarray  # float32, articles x terms in 2+ articles
    names: np.ndarray  # float32, articles x names in 2+ articles

    def similarity(self) -> np.ndarray:
        """How alike every pair of articles is (cosines mixed), as a square float32 matrix."""
        words = self.words @ self.words.T
        names = self.names @ self.names.T
        return (1.0 - NAMES_SHARE) * words + NAMES_SHARE * names


def bags(article: Article) -> tuple[dict[str, float], Counter[str]]:
    """Weighted counts of the stemmed words, and of the names and numbers, of an article.

    A name is a word capitalized inside a sentence (a sentence's first word is capitalized
    anyway); a number is a word that starts with a digit. Counting each distinct token once
    keeps this fast: it runs on every article of a selection.
    """
    words: defaultdict[str, float] = defaultdict(float)
    names: Counter[str] = Counter()
    located: Counter[str] = Counter()
    for text, weight in ((article.title, TITLE_WEIGHT), (article.body, 1.0)):
        firsts = Counter(SENTENCE_START.findall(text))
        located.update(_places(text))
        for token, count in Counter(WORD.findall(text)).items():
            low = token.lower()
            if len(low) < 2 or low in NEWS_STOP_WORDS or low in REPORTING:
                continue
            named = count if token[0].isdigit() else 0
            if token[0].isupper() and low not in MONTHS:
                named = count - firsts.get(token, 0)
            words[_stems.stem(low)] += weight * (count + (NAME_WEIGHT - 1.0) * named)
            if named:
                names[low] += named
    return words, _without_places(names, located)


def _places(text: str) -> Iterable[str]:
    """The capitalized words a text uses as places, lowercased, once per use."""
    for pattern in (PLACE_AFTER, PLACE_BEFORE):
        for word in pattern.findall(text):
            word = word.rstrip(".")
            if word[:1].isupper():
                yield word.lower()


def _without_places(names: Counter[str], located: Counter[str]) -> Counter[str]:
    """The names an article does not use as places (at least half of their uses), unless
    places are all it names."""
    places = [t for t in names if 2 * located[t] >= names[t]]
    if not places or len(places) == len(names):
        return names
    for term in places:
        del names[term]
    return names


def vectorize(articles: Sequence[Article]) -> Vectors:
    """TF-IDF vectors of these articles, the document frequencies counted among them."""
    pairs = [bags(a) for a in articles]
    return Vectors(tfidf([w for w, _ in pairs]), tfidf([n for _, n in pairs]))


def tfidf(counts: Sequence[Mapping[str, float]]) -> np.ndarray:
    """Sublinear-tf, smoothed-idf rows normalized to unit length. Only terms shared by two or
    more articles get a column; the others still count in each row's length, so an article
    with much of its own is less like the rest."""
    df: Counter[str] = Counter()
    for bag in counts:
        df.update(bag.keys())
    n = len(counts)
    vocab = {t: i for i, t in enumerate(t for t, c in df.items() if c > 1)}
    idf = {t: IDF(n, c) for t, c in df.items()}
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, bag in enumerate(counts):
        weights = _weights(bag.items(), idf)
        norm = math.sqrt(sum(w * w for _, w in weights))
        for term, weight in weights:
            if (col := vocab.get(term)) is not None:
                matrix[row, col] = weight / norm
    return matrix


def _weights(items: Iterable[tuple[str, float]], idf: dict[str, float]) -> list[tuple[str, float]]:
    return [(t, (1.0 + math.log(c)) * idf[t]) for t, c in items if c >= 1.0]
