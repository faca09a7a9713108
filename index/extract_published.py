"""The article's publication date among a page's lines: the date line near the headline (or
near a printed copy of it), a stamp split over two lines, a year-less stamp dated by the
page's own dates or its copyright year."""

# A typographic dash is matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from index.extract_dates import (
    DateLine,
    FoundDate,
    ambiguous_date,
    choose_date,
    find_dates,
    joined_stamp,
    numeric_order,
)
from index.extract_lines import Line

META_LOOKAHEAD = 6  # lines into the article where bylines and dates still sit
_COPY_AROUND = (2, 6)  # lines above and below a printed copy of the headline
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?((?:19|20)\d{2})\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def published(lines: list[Line], headline: tuple[int, str], region: tuple[int, int],
              url: str, saved: datetime | None) -> FoundDate | None:
    """The date among the lines above the article, its first lines and those after it; else
    the date line beside an earlier printed copy of the headline (a page whose article is a
    table or a list can start far above where the prose starts, and the page's title line
    can word the headline a little differently from the printed one)."""
    (anchor, title), (start, end) = headline, region
    near = [*range(start + META_LOOKAHEAD), *range(end, min(len(lines), end + 8))]
    found = _date_among(lines, near, anchor, region, url, saved)
    for copy in (i for i, ln in enumerate(lines) if found is None and i != anchor
                 and _copy_of(ln.text, title)):
        around = range(max(0, copy - _COPY_AROUND[0]), min(len(lines), copy + _COPY_AROUND[1]))
        found = _date_among(lines, around, copy, region, url, saved)
    return found


def _copy_of(line: str, title: str) -> bool:
    """Whether a line prints the headline, word for word or with a word or two changed."""
    if line == title:
        return True
    words, wanted = set(_WORD.findall(line.casefold())), set(_WORD.findall(title.casefold()))
    if len(wanted) < 4 or not words:
        return False
    return len(words & wanted) / len(words | wanted) >= 0.8


def _date_among(lines: list[Line], indices: Iterable[int], anchor: int,
                region: tuple[int, int], url: str, saved: datetime | None) -> FoundDate | None:
    start, end = region
    candidates = [DateLine(i, _stamp(lines, i), start <= i < end and lines[i].prose and
                           lines[i].words > 14) for i in indices if i < len(lines)]
    # The page's order is read only when a candidate holds a date such as 05/10/2018.
    ambiguous = any(ambiguous_date(c.text) for c in candidates)
    order = numeric_order("\n".join(ln.text for ln in lines)) if ambiguous else "md"
    found = choose_date(candidates, anchor, url, saved, order)
    if found is None and saved is None:
        # Only when no line near the headline prints a whole date: then a "Nov 19" stamp
        # takes the year of the page's own dates (a list of "June 9 - Tampa" tour dates
        # never outranks the printed date line).
        found = choose_date(candidates, anchor, url, saved, order, page_year(lines))
    return found


def _stamp(lines: list[Line], i: int) -> str:
    """The line, joined with the next when that one only finishes its date ("November 20"
    over "15:23 2019")."""
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    return joined_stamp(lines[i].text, following) or lines[i].text


def page_year(lines: list[Line]) -> datetime | None:
    """The time up to which a date printed without its year ("Nov 19") is read: a month
    after the latest full date the page prints, else the end of its copyright year; None
    when the page prints neither (its stamp's year would be a guess)."""
    latest: datetime | None = None
    copyright_year = 0
    for line in lines:
        if line.words > 40:
            continue
        for found in find_dates(line.text):
            latest = max(latest or found.when, found.when)
        if match := _COPYRIGHT_YEAR.search(line.text):
            copyright_year = max(copyright_year, int(match.group(1)))
    if latest is not None:
        return latest + timedelta(days=31)
    return datetime(copyright_year, 12, 31, tzinfo=UTC) if copyright_year else None
