"""A single-pass English analyzer for Whoosh: tokenize, lowercase, drop stop words, stem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

WORD = re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)
MIN_SIZE = 2


class NewsAnalyzer(Analyzer):
    """Whoosh's StemmingAnalyzer in one loop, with an unbounded stem cache.

    The stock analyzer chains four generators per token; doing the same work in one loop
    roughly halves indexing time, which is most of the cost of `newsdesk add`.
    """

    def __init__(self, stoplist: frozenset[str] = STOP_WORDS) -> None:
        self.stoplist = stoplist
        self._cache: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer) and other.stoplist == self.stoplist

    def __hash__(self) -> int:
        return hash(self.stoplist)

    def stem(self, word: str) -> str:
        """The cached stem of a lowercase word."""
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = porter_stem(word)
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
        stoplist, cache, stem = self.stoplist, self._cache, self.stem
        pos = start_pos
        for match in WORD.finditer(value):
            word = match.group().lower()
            if len(word) < MIN_SIZE or (removestops and word in stoplist):
                continue
            token.text = cache.get(word) or stem(word)
            token.boost, token.stopped = 1.0, False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
                pos += 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


NEWS_ANALYZER = NewsAnalyzer()
