"""A single-pass English analyzer for Whoosh: tokenize, lowercase, drop stop words, stem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import Any

import Stemmer
from whoosh.analysis import Analyzer, Token

from index.names import (
    MAX_KEY_WORDS,
    PARTICLES,
    SHORT_ACRONYM,
    SPACED_PARTICLES,
    Word,
    is_particle,
    name_key,
    name_runs,
    particle_key,
    run_keys,
)

WORD = re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)
# Where a text may hold a particle (al, el, or one joined to a name by a hyphen): only such
# texts need the word-by-word pass; the others are indexed word by word from a memo. Both
# may match more than split_words folds (al.x, "two-"), never less: particles are ASCII.
_SPACED = re.compile(r"\b(?:" + "|".join(sorted(SPACED_PARTICLES)) + r")\b", re.IGNORECASE)
_HYPHENED = re.compile(rf"\b([A-Za-z]{{{min(map(len, PARTICLES))},{max(map(len, PARTICLES))}}})-")
MIN_SIZE = 2
# Distinct words whose stems are kept: news vocabulary is mostly far smaller; names, typos
# and numbers make it grow without end in a long-running reader or a big import.
STEM_CACHE = 200_000

# English function words: pronouns, auxiliaries, determiners, prepositions, conjunctions
# (the NLTK list's core, plus "also", "would", "could"...). Unlike Whoosh's list it keeps
# words that carry news: "us" (the US), "may" (the month, Theresa May), "will", "can",
# "won". Verbose queries ("reports of the use of ...") rank better without the rest.
NEWS_STOP_WORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "with", "you", "your", "yours", "yourself", "yourselves",
    "also", "would", "could", "might", "must", "shall", "upon", "via", "per", "among",
    "within", "without", "however", "although", "though", "since", "unless", "whether", "yet",
    "tbd"
})


class NewsAnalyzer(Analyzer):
    """Tokenize, lowercase, drop stop words and stem in one loop, with a stem cache.

    It stems with PyStemmer's Snowball "english" (Porter2, in C). Beyond words it indexes
    acronyms in capitals as their own terms (IS is not "is") and keys for names (see
    index.names); at query time a capitalized acronym and a particle name mean only those.
    """

    def __init__(self, stoplist: frozenset[str] = NEWS_STOP_WORDS) -> None:
        self.stoplist = stoplist
        self._cache: dict[str, str] = {}
        self._terms: dict[str, tuple[str, ...]] = {}  # a word as written: its index terms
        self._stemmer = Stemmer.Stemmer("english")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer) and other.stoplist == self.stoplist

    def __hash__(self) -> int:
        return hash(self.stoplist)

    def __getstate__(self) -> dict[str, object]:
        # Whoosh pickles the schema into the index: the C stemmer and the cache stay out.
        return {"stoplist": self.stoplist}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["stoplist"])  # type: ignore[misc, arg-type]

    def stem(self, word: str) -> str:
        """The cached stem of a lowercase word (the cache starts over when it is full)."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= STEM_CACHE:
                self._cache.clear()
            found = self._cache[word] = self._stemmer.stemWord(word)
        return found

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost, token.stopped = 1.0, False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        if mode != "query" and removestops and not (positions or chars or keeporiginal):
            # What an index writer asks for: the terms alone, the quick way.
            for text in self.index_terms(value):
                token.text = text
                token.boost, token.stopped = 1.0, False
                yield token
            return
        terms = (self._query_terms(value, removestops) if mode == "query"
                 else self._index_terms(value, removestops))
        for text, pos, word in terms:
            token.text = text
            token.boost, token.stopped = 1.0, False
            if keeporiginal:
                token.original = word.lower
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + word.start
                token.endchar = start_char + word.end
            yield token

    def index_terms(self, value: str) -> list[str]:
        """The terms of a text to index, in order: what the word-by-word pass gives, but from
        a memo of each word's terms when the text holds no particle (most texts)."""
        if _SPACED.search(value) or any(
            w.lower() in PARTICLES for w in _HYPHENED.findall(value)
        ):
            return [text for text, _, _ in self._index_terms(value, True)]
        words = WORD.findall(value)
        try:
            return list(chain.from_iterable(map(self._terms.__getitem__, words)))
        except KeyError:  # words not met before (or the memo started over): learn them
            terms: list[str] = []
            for raw in words:
                found = self._terms.get(raw)
                terms += self._word_terms(raw) if found is None else found
            return terms

    def _word_terms(self, raw: str) -> tuple[str, ...]:
        """The index terms of one word outside any name with a particle (memoized)."""
        if len(self._terms) >= STEM_CACHE:
            self._terms.clear()
        lower = raw.lower()
        acronym = Word(raw, lower, 0, 0, 0).acronym
        stopped = len(lower) < MIN_SIZE or lower in self.stoplist
        terms = ((acronym,) if acronym else ()) + (() if stopped else (self.stem(lower),))
        self._terms[raw] = terms
        return terms

    def _index_terms(self, value: str, removestops: bool) -> Iterator[tuple[str, int, Word]]:
        """Every term of a text to index: stems, acronyms and name keys, with positions."""
        stoplist, cache, stem = self.stoplist, self._cache, self.stem
        words = split_words(value)
        places: list[int] = []
        pos = 0
        for word in words:
            places.append(pos)
            lower = word.lower
            acronym = word.acronym
            stopped = len(lower) < MIN_SIZE or (removestops and lower in stoplist)
            if acronym:
                yield acronym, pos, word
            elif stopped:
                continue
            if not stopped:
                yield cache.get(lower) or stem(lower), pos, word
            if word.after_particle:
                yield particle_key(word), pos, word
            pos += 1
        if any(w.after_particle for w in words):
            for run in name_runs(value, words, stoplist):
                for i, key in run_keys(words, run):
                    yield key, places[i], words[i]

    def _query_terms(self, value: str, removestops: bool) -> Iterator[tuple[str, int, Word]]:
        """The terms a query text means: an acronym or a name alone where it is one."""
        words = split_words(value)
        runs = name_runs(value, words, self.stoplist) if len(words) > 1 else []
        if runs and runs[0] == list(range(len(words))) and len(words) <= MAX_KEY_WORDS:
            yield name_key(words), 0, words[0]  # a name alone means that name
            return
        pos = 0
        for word in words:
            lower, acronym = word.lower, word.acronym
            if acronym and (lower in self.stoplist or len(acronym) <= SHORT_ACRONYM):
                yield acronym, pos, word
            elif word.after_particle:
                yield particle_key(word), pos, word
            elif len(lower) < MIN_SIZE or (removestops and lower in self.stoplist):
                continue
            else:
                yield self.stem(lower), pos, word
            pos += 1


def split_words(text: str) -> list[Word]:
    """The words of a text, particles folded into the name they introduce."""
    words: list[Word] = []
    particle_at = -1
    for match in WORD.finditer(text):
        raw = match.group()
        lower = raw.lower()
        start, end = match.span()
        if lower in SPACED_PARTICLES or (lower in PARTICLES and text[end : end + 1] == "-"):
            if is_particle(text, lower, raw, end):
                particle_at = start
            continue  # al and el never match on their own
        after = particle_at >= 0
        words.append(Word(raw, lower, start, end, particle_at if after else start, after))
        particle_at = -1
    return words


NEWS_ANALYZER = NewsAnalyzer()
