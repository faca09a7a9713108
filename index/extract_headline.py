"""The headline among the lines above an article, scored by a small logistic model over
measured signals: position, length, title case, repetition of the page's own title line,
closeness to the first body paragraph. The weights are fitted offline by
bench/headline_fit.py and live in index/headline_weights.py."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from index.extract_lines import Line, title_case
from index.extract_title import breadcrumb, menu_like, over_credit
from index.headline_weights import BIAS, WEIGHTS

_LONG_WORD = re.compile(r"\w{4,}")  # exactly the \w+ words longer than three characters
_WINDOW = 12  # lines above the article's start that may hold its headline (furniture aside)
_BODY_LINES = 3  # prose lines at the article's start that a headline summarises

SIGNALS = (
    "title_line", "near", "inside", "length", "title_case", "repeat", "body", "sentence_end",
    "alone", "meta_below", "menu_above", "prose", "rule",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that may be the headline, the text it would give, and its signals."""

    index: int  # the line's index (0 for the page's title line)
    text: str
    signals: dict[str, float]


@dataclass(frozen=True, slots=True)
class Page:
    """What the signals need to know about the page."""

    lines: list[Line]
    start: int  # first line of the article's heaviest run
    headline: str  # the page title line's headline (its outlet suffix cut off)
    rule: str  # the headline the hand-written rules chose
    is_meta: Callable[[Line], bool]  # a byline or date line


def candidates(page: Page) -> list[Candidate]:
    """The page title's headline and each headline-shaped line near the article's start."""
    lines, start = page.lines, page.start
    body = _words(" ".join(ln.text for ln in islice(_prose(lines, start), _BODY_LINES)))
    steps = _steps(lines, start)
    window = range(start - len(steps) + 1, min(len(lines), start + 2))
    meta: dict[int, bool] = {}  # byline and date tests are costly: each line tested once
    shaped = [i for i in window if _shaped(lines[i]) and not over_credit(lines, i)
              and not _meta(page, meta, i)]
    # Each candidate's words once: every candidate is compared with the others.
    words = {lines[i].text: _words(lines[i].text) for i in shaped}
    words[page.headline] = _words(page.headline)
    context = _Context(page, body, words, meta, [words[lines[i].text] for i in shaped], steps)
    found = [Candidate(0, page.headline, _signals(context, 0, page.headline))]
    found += [Candidate(i, lines[i].text, _signals(context, i, lines[i].text)) for i in shaped]
    return found


def _meta(page: Page, known: dict[int, bool], i: int) -> bool:
    if i not in known:
        known[i] = page.is_meta(page.lines[i])
    return known[i]


def score(signals: dict[str, float], weights: dict[str, float] = WEIGHTS,
          bias: float = BIAS) -> float:
    """The model's log-odds that a candidate is the headline."""
    return bias + sum(weights.get(name, 0.0) * value for name, value in signals.items())


def choose(page: Page) -> Candidate | None:
    """The most likely headline, or None when the page has no candidate at all."""
    found = [c for c in candidates(page) if c.text]
    return max(found, key=lambda c: score(c.signals)) if found else None


@dataclass(frozen=True, slots=True)
class _Context:
    page: Page
    body: set[str]  # content words of the article's first prose lines
    words: dict[str, set[str]]  # content words of each candidate text
    meta: dict[int, bool]  # which lines are byline or date lines, as tested so far
    others: list[set[str]]  # content words of the candidate lines
    steps: list[int]  # lines that are not furniture between each line above and the start


def _overlap(x: set[str], y: set[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _signals(context: _Context, i: int, text: str) -> dict[str, float]:
    page, body, known = context.page, context.body, context.words
    lines, start = page.lines, page.start
    line = lines[i]
    words = len(text.split())
    mine = known[text]
    repeat = (max((_overlap(mine, o) for o in context.others), default=0.0) if i == 0
              else _overlap(mine, known[page.headline]))
    below = range(i + 1, min(len(lines), i + 4)) if i > 0 else range(0)
    return {
        "title_line": 1.0 if i == 0 else 0.0,
        "near": 0.0 if i == 0 else math.exp(-_distance(context.steps, start, i) / 4),
        "inside": 1.0 if i >= start else 0.0,
        "length": math.exp(-(((words - 10) / 6) ** 2)),
        "title_case": 1.0 if title_case(text) else 0.0,
        "repeat": repeat,
        "body": len(mine & body) / max(1, len(mine)),
        "sentence_end": 1.0 if text.rstrip().endswith((".", ",", ";")) else 0.0,
        "alone": 1.0 if i > 0 and line.block_size <= 2 else 0.0,
        "meta_below": 1.0 if any(_meta(page, context.meta, j) for j in below) else 0.0,
        "menu_above": 1.0 if i > 1 and menu_like(lines[i - 1]) else 0.0,
        "prose": 1.0 if i > 0 and line.prose else 0.0,
        "rule": 1.0 if text == page.rule else 0.0,
    }


def _steps(lines: list[Line], start: int) -> list[int]:
    """For the lines from the article's start upwards (the title line excluded), how many
    lines that are not furniture lie between each and the start: share bars and menus
    between the headline and the article do not push the headline out of reach."""
    steps, count = [], 0
    for i in range(start - 1, 0, -1):
        if count >= _WINDOW:
            break
        count += not lines[i].furniture
        steps.append(count)
    return [*steps[::-1], 0]


def _distance(steps: list[int], start: int, i: int) -> int:
    return steps[i - start - 1] if i < start else i - start


def _shaped(line: Line) -> bool:
    return (2 <= line.words <= 30 and len(line.text) <= 250 and not line.furniture
            and not line.credit and not breadcrumb(line.text))


def _prose(lines: list[Line], start: int) -> Iterator[Line]:
    return (ln for ln in islice(lines, start, None) if ln.prose)


def _words(text: str) -> set[str]:
    """Content words: lowercase, longer than three letters."""
    return set(_LONG_WORD.findall(text.lower()))
