"""Checks and date filters for a query's text, before Whoosh parses the rest of it.

Whoosh's parser forgives everything: an unknown field becomes two words, an unclosed
parenthesis is closed for you, an impossible date becomes some other date. A user deserves
to be told instead, with the place in the query where it went wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from index.errors import QueryError

TEXT_FIELDS = ("title", "body")
FILTER_FIELDS = ("tag", "outlet", "author")
DATE_FIELDS = ("published", "added")
KNOWN_FIELDS = TEXT_FIELDS + FILTER_FIELDS + DATE_FIELDS
DATE_HINT = ("dates look like 2024-03-27, 2024-03, 2024, today, yesterday, now, 24h, 7d, "
             "last week, or ranges: published:[2024-01-01 to today]")

# `name:` at the start of a word, followed by something (so "Note: ..." stays words)
_FIELD = re.compile(r"(?<![\w\-.])([A-Za-z_]\w*):(?=\S)")
_DATE_CLAUSE = re.compile(
    r"(?:(?<![\w-])(?P<neg>NOT\s+|-)|(?<![\w\-.]))(?P<field>published|added):"
    r"(?:\[(?P<range>[^\]]*)\]|\"(?P<quoted>[^\"]*)\"|(?P<word>[^\s()\[\]]+))",
)
_RANGE_TO = re.compile(r"(?:^|\s+)to(?:\s+|$)", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SPAN = re.compile(r"(\d+)\s*(h|d|w|hours?|days?|weeks?|months?|years?)(?:\s+ago)?$")
_OPENER = {")": "(", "]": "["}
_UNIT_DAYS = {"h": 1 / 24, "hour": 1 / 24, "d": 1, "day": 1, "w": 7, "week": 7, "month": 30,
              "year": 365}


@dataclass(frozen=True, slots=True)
class DateFilter:
    """A date range the results must (or, negated, must not) fall in; naive UTC ends."""

    field: str
    start: datetime | None
    end: datetime | None
    negated: bool = False


def check(text: str) -> None:
    """QueryError, with the position, for unbalanced quotes or brackets or unknown fields."""
    opened: list[tuple[str, int]] = []
    quote_at = -1
    for pos, ch in enumerate(text):
        if ch == '"':
            quote_at = -1 if quote_at >= 0 else pos
        elif quote_at >= 0:
            continue
        elif ch in "([":
            opened.append((ch, pos))
        elif ch in ")]":
            if not opened or opened[-1][0] != _OPENER[ch]:
                raise _error(text, pos, f"'{ch}' closes nothing",
                             "remove it, or open it earlier in the query")
            opened.pop()
    if quote_at >= 0:
        raise _error(text, quote_at, "this quote is never closed",
                     'close the phrase with a second ", or remove the quote')
    if opened:
        ch, pos = opened[-1]
        raise _error(text, pos, f"this '{ch}' is never closed",
                     f"close it with '{')' if ch == '(' else ']'}', or remove it")
    _check_fields(text)


def _check_fields(text: str) -> None:
    for match in _FIELD.finditer(_blank_quotes(text)):
        name = match.group(1)
        if name not in KNOWN_FIELDS:
            raise _error(text, match.start(), f"unknown field {name!r}",
                         f"fields are {', '.join(KNOWN_FIELDS)}")


def _blank_quotes(text: str) -> str:
    # positions stay where they were; what is inside a phrase is never syntax
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def take_dates(text: str, now: datetime | None = None) -> tuple[str, list[DateFilter]]:
    """The text without its date clauses (blanked, so positions hold), and their filters."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    filters: list[DateFilter] = []
    out = text
    start: datetime | None
    end: datetime | None
    for match in _DATE_CLAUSE.finditer(text):
        pos, value = match.start("field"), match.group("range")
        if value is None:
            value = match.group("word") or match.group("quoted") or ""
            start, end = _span(text, pos, value, now)
        else:
            start, end = _range(text, pos, value, now)
        filters.append(DateFilter(match.group("field"), start, end, bool(match.group("neg"))))
        out = out[: match.start()] + " " * (match.end() - match.start()) + out[match.end():]
    return out, filters


def _range(
    text: str, pos: int, value: str, now: datetime
) -> tuple[datetime | None, datetime | None]:
    parts = _RANGE_TO.split(value.strip(), maxsplit=1)
    if len(parts) != 2:
        raise _error(text, pos, f"cannot read the date range [{value}]",
                     "write a range as [START to END]; either end may be left out")
    low, high = parts
    start = _span(text, pos, low, now)[0] if low.strip() else None
    end = _span(text, pos, high, now)[1] if high.strip() else None
    if start and end and start > end:
        raise _error(text, pos, f"the date range [{value}] ends before it starts",
                     "put the earlier date first")
    return start, end


def _span(text: str, pos: int, value: str, now: datetime) -> tuple[datetime, datetime]:
    """The first and last moment a date word names: a day, a month, a year, or up to now."""
    word = " ".join(value.lower().split())
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    day = timedelta(days=1)
    named = {
        "now": (now, now), "today": (today, today + day), "yesterday": (today - day, today),
        "tomorrow": (today + day, today + 2 * day),
        "last week": (now - timedelta(days=7), now), "last month": (now - timedelta(days=30), now),
        "last year": (now - timedelta(days=365), now),
        "this week": (today - timedelta(days=today.weekday()), now),
        "this month": (today.replace(day=1), now),
        "this year": (today.replace(month=1, day=1), now),
    }
    if word in named:
        start, end = named[word]
        return start, end - timedelta(microseconds=1) if end > start else end
    if match := _SPAN.match(word):
        days = int(match.group(1)) * _UNIT_DAYS[match.group(2).rstrip("s")]
        return now - timedelta(days=days), now
    if match := _ISO.match(word):
        return _calendar_span(text, pos, value, match)
    raise _error(text, pos, f"cannot read the date {value.strip()!r}", DATE_HINT)


def _calendar_span(
    text: str, pos: int, value: str, match: re.Match[str]
) -> tuple[datetime, datetime]:
    year, month, day = (int(g) if g else 0 for g in match.groups())
    try:
        start = datetime(year, month or 1, day or 1)
        if day:
            end = start + timedelta(days=1)
        elif month:
            end = datetime(year + month // 12, month % 12 + 1, 1)
        else:
            end = datetime(year + 1, 1, 1)
    except ValueError:
        raise _error(text, pos, f"{value.strip()!r} is not a date",
                     "months run 1-12 and days 1-31, as in 2024-03-27") from None
    return start, end - timedelta(microseconds=1)


def _error(text: str, pos: int, what: str, hint: str) -> QueryError:
    return QueryError(f"{what} at character {pos + 1} of the query {text!r}",
                      hint=hint, position=pos)
