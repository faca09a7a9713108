"""Boilerplate inside the article's run of lines, told by a learned line classifier.

jusText and boilerpipe tell a page's prose from its boilerplate by each line's shape (length,
share of short function words, sentence-final punctuation, capitals, digits) and by its
neighbours. Here a logistic model over such signals scores every body line the region rules
kept; lines it judges boilerplate with confidence (support appeals, disclaimers, source lists,
teaser sentences, table rows) are left out. The weights are fitted offline by
bench/body_fit.py (index/boiler_weights.py); the only word class is the second person and
the publisher's "we" (a closed class, as jusText's stopwords are).
"""

# Typographic quotes and full-width marks are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate, chain
from operator import mul

from index import boiler_weights
from index.extract_lines import Line, headed_teaser, title_case

_WORD = re.compile(r"\w+")
_ENDS = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)] "
_QUOTES = ("\"", "“", "”", "«", "»")
# The page speaking to its reader (appeals, sign-ups, disclaimers), a closed class of words
# like jusText's stopwords: second person and the publisher's "we".
_READER = frozenset(("you", "your", "yours", "we", "our", "us"))
_MIN_KEPT_WORDS = 60  # never leave less prose than this
_WINDOW = 3  # lines on each side whose shapes a line's signals include
_CONTEXT = 2  # neighbours on each side whose first-pass scores smooth a line's score

SIGNALS = (
    "words", "prose", "sentence_end", "short_words", "capitals", "digits", "word_length",
    "reader", "position", "position_sq", "block_size", "bullet", "title_case", "teaser",
    "quote", "address", "repeated", "colon_end", "parenthesis", "prose_above", "prev_prose",
    "next_prose", "prose_window_above", "prose_window_below", "short_window_above",
    "short_window_below", "cohesion", "lede", "gap_above", "gap_below", "run_share",
)  # fmt: skip


def line_signals(lines: list[Line], counts: dict[str, int]) -> list[list[float]]:
    """Each line's signals, in SIGNALS order; ``counts`` holds how often each line's text
    occurs on the whole page."""
    total = sum(ln.words for ln in lines if ln.prose) or 1
    n = len(lines)
    words = [_WORD.findall(line.text) for line in lines]
    shapes = [_word_shapes(ws) for ws in words]
    vocabularies = [shape[-1] for shape in shapes]
    frequency = Counter(chain.from_iterable(vocabularies))
    repeated = {word for word, count in frequency.items() if count > 1}
    lede = set[str]().union(
        *[v for v, ln in zip(vocabularies, lines, strict=True) if ln.prose][:3])
    gaps_above, gaps_below, runs = _gaps(lines), _gaps(lines[::-1])[::-1], _runs(lines)
    prose = list(accumulate((ln.prose for ln in lines), initial=0))
    short = list(accumulate((ln.words <= 6 and not ln.prose for ln in lines), initial=0))
    rows: list[list[float]] = []
    above = 0
    for j, line in enumerate(lines):
        vocabulary = vocabularies[j]
        size = len(vocabulary) or 1
        lo, hi = max(0, j - _WINDOW), min(n, j + 1 + _WINDOW)
        rows.append([
            *_signals(line, shapes[j], j / max(n - 1, 1), counts),
            above / total,
            float(j > 0 and lines[j - 1].prose),
            float(j + 1 < n and lines[j + 1].prose),
            # jusText's context: prose and short lines among the neighbours
            (prose[j] - prose[lo]) / _WINDOW,
            (prose[hi] - prose[j + 1]) / _WINDOW,
            (short[j] - short[lo]) / _WINDOW,
            (short[hi] - short[j + 1]) / _WINDOW,
            len(vocabulary & repeated) / size,
            len(vocabulary & lede) / size,
            math.log1p(gaps_above[j]) / 2,
            math.log1p(gaps_below[j]) / 2,
            runs[j],
        ])
        above += line.words if line.prose else 0
    return rows


# A line's words: how many, their letters, the lowercase short ones, those that start with
# a capital, with a digit, the reader's words, and the set of the longer ones lowercased.
_Shapes = tuple[int, int, int, int, int, int, set[str]]


def _word_shapes(words: list[str]) -> _Shapes:
    """What the signals count of a line's words, in one pass (the hottest loop of cleanup:
    each word's length, case and lowercase form are taken once)."""
    letters = short = capitals = digits = reader = 0
    vocabulary: set[str] = set()
    for word in words:
        size = len(word)
        letters += size
        first = word[0]
        if first.isupper():
            capitals += 1
        elif first.isdigit():
            digits += 1
        if size <= 3:
            if word.islower():  # then it is its own lowercase form
                short += 1
                reader += word in _READER
            else:
                reader += word.lower() in _READER
        else:
            lowered = word.lower()
            vocabulary.add(lowered)
            reader += size <= 5 and lowered in _READER  # no reader's word is longer
    return len(words), letters, short, capitals, digits, reader, vocabulary


def _signals(line: Line, shapes: _Shapes, position: float,
             counts: dict[str, int]) -> list[float]:
    """The signals a line has on its own."""
    text = line.text
    words, letters, short, capitals, digits, reader, _ = shapes
    count = words or 1
    tail = text.rstrip(_CLOSERS)[-1:]
    return [
        math.log1p(line.words) / 4,
        float(line.prose),
        float(tail in _ENDS),
        short / count,
        capitals / count,
        digits / count,
        min(letters / count, 12) / 6,
        reader / count,
        position,
        position * position,
        math.log1p(line.block_size) / 3,
        float(line.bullet),
        # Prose is neither, by its definition: no need to test it again.
        float(not line.prose and title_case(text)),
        float(not line.prose and headed_teaser(text)),
        # five substring searches: a quarter of the time of a set test of every character
        float(any(quote in text for quote in _QUOTES)),
        float("http" in text or "www." in text or "@" in text),
        float(counts.get(text, 1) > 1),
        float(tail == ":"),
        float("(" in text),
    ]


def _gaps(lines: list[Line]) -> list[int]:
    """How many lines that are not prose sit between each line and the prose above it."""
    gaps, gap = [], 0
    for line in lines:
        gaps.append(gap)
        gap = 0 if line.prose else gap + 1
    return gaps


def _runs(lines: list[Line]) -> list[float]:
    """The prose words of the run of adjacent prose lines each line belongs to, as a share
    of the largest such run (0 for a line that is not prose): the article is the long run."""
    sizes: list[int] = []
    ids: list[int] = []
    for line in lines:
        if not line.prose:
            ids.append(-1)
            continue
        if not ids or ids[-1] < 0:
            sizes.append(0)
        sizes[-1] += line.words
        ids.append(len(sizes) - 1)
    largest = max(sizes, default=0) or 1
    return [sizes[i] / largest if i >= 0 else 0.0 for i in ids]


def _logit(row: list[float], weights: tuple[float, ...], bias: float) -> float:
    return bias + sum(map(mul, weights, row))


def scores(rows: list[list[float]], model: boiler_weights.Model | None = None) -> list[float]:
    """The probability that each line belongs to the article: a first pass on the line's
    own signals, then a second one that adds its neighbours' first-pass scores."""
    model = model or boiler_weights.MODEL
    first = [_logit(row, model.first, model.first_bias) for row in rows]
    return [
        1 / (1 + math.exp(-max(-30.0, min(30.0, _logit(
            [*row, *context(first, j)], model.second, model.second_bias)))))
        for j, row in enumerate(rows)
    ]


def context(first: list[float], j: int) -> list[float]:
    """The mean first-pass logit of the lines just above and just below line j (0 when
    there are none), and the line's own first-pass logit."""
    above = first[max(0, j - _CONTEXT):j]
    below = first[j + 1:j + 1 + _CONTEXT]
    return [
        sum(above) / len(above) / 4 if above else 0.0,
        sum(below) / len(below) / 4 if below else 0.0,
        first[j] / 4,
    ]


def without_boilerplate(region: list[Line], body: list[Line], page: list[Line],
                        model: boiler_weights.Model | None = None) -> list[Line]:
    """The body lines (those the region rules kept of ``region``) that the model does not
    judge boilerplate; all of them when that would leave less than a short article's worth
    of prose. Signals and context are read on the whole region, dropped lines included."""
    if len(body) < 3:
        return body
    model = model or boiler_weights.MODEL
    probability = dict(zip(map(id, region), scores(region_signals(region, page), model),
                           strict=True))
    quoted = _quoted_posts(region)
    kept = [line for line in body if not judged(line) or id(line) in quoted
            or probability[id(line)] >= model.threshold]
    if sum(ln.words for ln in kept if ln.prose) < _MIN_KEPT_WORDS:
        return body
    return kept


def _quoted_posts(region: list[Line]) -> set[int]:
    """The lines of posts the article embeds: each sign-off and the post's text above it."""
    return {id(line) for i, ln in enumerate(region) if ln.sign_off
            for line in region[max(0, i - 1):i + 1]}


def region_signals(region: list[Line], page: list[Line]) -> list[list[float]]:
    """The signals of every line of the region, repeats counted on the whole page."""
    counts: dict[str, int] = {}
    for line in page:
        counts[line.text] = counts.get(line.text, 0) + 1
    return line_signals(region, counts)


def judged(line: Line) -> bool:
    """Whether the model judges the line: sentences only. Short lines inside the article's
    run (list items, table cells, subheadings) are the region rules' to keep."""
    return (line.prose or line.words >= 8) and not line.table
