"""Lists and tables that belong to the article: runs of short lines sharing one shape.

A menu, a tag cloud or a teaser list is a run of short lines too, but its lines are bare
words ("World", "Business", "The Band Adds 2020 Dates"). A table or a data list printed as
text repeats a field layout on every line: "June 9 – Tampa, FL @ Arena", "England (Group A):
10th appearance", "3) Item name" over "http://…". Its punctuation between words, the line's
skeleton, is the same from line to line. Such a list right after the article's prose is the
article's (tour dates, standings, a deal list), whatever its words.
"""

# Typographic dashes are matched on purpose.
# ruff: noqa: RUF002

from __future__ import annotations

import re
from collections import Counter

from index.extract_lines import Line

_WORDS = re.compile(r"[\w\s]+")
_MIN_ROWS = 5  # a list is at least this many lines
_SHARE = 0.5  # of the first block's lines, sharing the most common skeleton
_REACH = 2  # lines between the article's last line and the list (a heading, a blank)
_MISSES = 1
# Fields the list's commonest line shape has: three, since one separator is any headline's
# ("Breaking: Team Wins", "Rome, Paris") and a count in brackets an archive's ("May (24)").
_TABLE_FIELDS = 3  # lines in a row off the list's shapes that it may still span


def skeleton(text: str) -> str:
    """The line's punctuation with every run of words and spaces as one "a"."""
    return _WORDS.sub("a", text)


def _fields(shape: str, least: int = 2) -> bool:
    # Punctuation between runs of words: a field layout, not a prefix ("% 12") or junk.
    return shape.count("a") >= least


def trailing_list(lines: list[Line], end: int) -> list[Line]:
    """The lines of a table or data list that starts within a line or two after ``end``
    (the article's run), [] when none does."""
    for start in range(end, min(end + _REACH + 1, len(lines))):
        if lines[start].block_size >= _MIN_ROWS:
            return _list_from(lines, start)
    return []


def _list_from(lines: list[Line], start: int) -> list[Line]:
    block = [ln for ln in lines[start:start + lines[start].block_size]
             if ln.block == lines[start].block]
    if any(ln.furniture or ln.end_marker for ln in block):
        return []
    counts = Counter(skeleton(ln.text) for ln in block)
    top, count = counts.most_common(1)[0]
    if not _fields(top, _TABLE_FIELDS) or count < _SHARE * len(block):
        return []
    shapes = {shape for shape, n in counts.items() if n >= 2 and _fields(shape)}
    rows: list[Line] = []
    misses = 0
    for line in lines[start:]:
        if line.furniture or line.end_marker:
            break
        misses = 0 if skeleton(line.text) in shapes else misses + 1
        if misses > _MISSES:
            break
        rows.append(line)
    while rows and skeleton(rows[-1].text) not in shapes:
        rows.pop()
    return rows
