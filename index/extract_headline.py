"""The headline among the lines above an article, scored by a small logistic model over
measured signals: position, length, title case, repetition of the page's own title line,
closeness to the first body paragraph. The weights are fitted offline by
bench/headline_fit.py and live in index/headline_weights.py."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from index.extract_lines import Line, title_case
from index.headline_weights import BIAS, WEIGHTS

_WORD = re.compile(r"\w+")
_WINDOW = 12  # lines above the article's start that may hold its headline
_BODY_LINES = 3  # prose lines at the article's start that a headline summarises
_PUNCT = re.compile(r"[.,;:!?]")
_TITLE_BAR = re.compile(r"\s+[|｜•·]\s+")  # noqa: RUF001 (full-width bar on purpose)

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
    body = _words(" ".join(ln.text for ln in _first_prose(lines, start)))
    found = [Candidate(0, page.headline, _signals(page, 0, page.headline, body))]
    for i in range(max(1, start - _WINDOW), min(len(lines), start + 2)):
        line = lines[i]
        if _shaped(line) and not page.is_meta(line):
            found.append(Candidate(i, line.text, _signals(page, i, line.text, body)))
    return found


def score(signals: dict[str, float], weights: dict[str, float] = WEIGHTS,
          bias: float = BIAS) -> float:
    """The model's log-odds that a candidate is the headline."""
    return bias + sum(weights.get(name, 0.0) * value for name, value in signals.items())


def choose(page: Page) -> Candidate | None:
    """The most likely headline, or None when the page has no candidate at all."""
    found = [c for c in candidates(page) if c.text]
    return max(found, key=lambda c: score(c.signals)) if found else None


def token_f1(a: str, b: str) -> float:
    """Overlap of two lines' lowercase word sets (F1)."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def _signals(page: Page, i: int, text: str, body: set[str]) -> dict[str, float]:
    lines, start = page.lines, page.start
    line = lines[i]
    words = len(text.split())
    others = (ln.text for ln in lines[max(1, start - _WINDOW) : start + 2])
    repeat = (max((token_f1(text, t) for t in others), default=0.0) if i == 0
              else token_f1(text, page.headline))
    below = lines[i + 1 : i + 4] if i > 0 else []
    return {
        "title_line": 1.0 if i == 0 else 0.0,
        "near": 0.0 if i == 0 else math.exp(-abs(start - i) / 4),
        "inside": 1.0 if i >= start else 0.0,
        "length": math.exp(-(((words - 10) / 6) ** 2)),
        "title_case": 1.0 if title_case(text) else 0.0,
        "repeat": repeat,
        "body": len(_words(text) & body) / max(1, len(_words(text))),
        "sentence_end": 1.0 if text.rstrip().endswith((".", ",", ";")) else 0.0,
        "alone": 1.0 if i > 0 and line.block_size <= 2 else 0.0,
        "meta_below": 1.0 if any(page.is_meta(ln) for ln in below) else 0.0,
        "menu_above": 1.0 if i > 1 and _menu_like(lines[i - 1]) else 0.0,
        "prose": 1.0 if i > 0 and line.prose else 0.0,
        "rule": 1.0 if text == page.rule else 0.0,
    }


def _shaped(line: Line) -> bool:
    return (2 <= line.words <= 30 and len(line.text) <= 250 and not line.furniture
            and not line.credit)


def _first_prose(lines: list[Line], start: int) -> list[Line]:
    return [ln for ln in lines[start:] if ln.prose][:_BODY_LINES]


def _menu_like(line: Line) -> bool:
    parts = _TITLE_BAR.split(line.text)
    return line.furniture or all(len(p.split()) <= 3 and not _PUNCT.search(p) for p in parts)


def _words(text: str) -> set[str]:
    """Content words: lowercase, longer than three letters."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}
