"""Metadata from page TEXT alone vs the page's HTML metadata: headline, date, author, outlet.

Used by cleanup_quality.py --meta; the definitions of "right" are here, in one place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from index.extract_dates import find_dates
from index.models import Extracted

_WORD = re.compile(r"\w+")
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Meta:
    """One page's metadata as its HTML gives it (None: not given)."""

    id: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None


def load_meta(path: Path) -> dict[str, Meta]:
    """dev_meta.jsonl by page id."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: Meta(r["id"], r.get("title") or "", r.get("outlet"), r.get("author"),
                          r.get("published")) for r in rows}


def token_f1(a: str, b: str) -> float:
    """Token-set F1 of two strings, lowercase words."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not x or not y:
        return 0.0
    shared = len(x & y)
    return 2 * shared / (len(x) + len(y))


def headline_right(found: str, truth: str) -> bool:
    """Right when the token F1 is 0.8 or more (the data README's rule)."""
    return token_f1(found, truth) >= 0.8


def date_right(found: Extracted, truth: str) -> bool:
    """Right when the day matches the day the metadata gives. A zoned time is one instant:
    its day in the page's zone or in UTC both count (metadata often prints UTC)."""
    when = found.published
    if when is None:
        return False
    days = {when.date().isoformat()}
    if found.published_precision == "zoned":
        days.add(when.astimezone(UTC).date().isoformat())
    return truth[:10] in days


def day_printed(text: str, truth: str) -> bool:
    """Whether the page text prints the truth's day as an absolute date on some short line
    (in the page's zone or in UTC): pages that only say "1 day ago" or print no date cannot
    be dated from their text without the time the file was saved."""
    for line in text.splitlines():
        if len(line.split()) > 40:
            continue
        for found in find_dates(line):
            days = {found.when.date().isoformat()}
            if found.precision == "zoned":
                days.add(found.when.astimezone(UTC).date().isoformat())
            if truth[:10] in days:
                return True
    return False


def author_right(found: str, truth: str) -> bool:
    """Right when one names the other: every found word is in the truth (any of its ';'
    parts), or the truth's first part is wholly in what was found."""
    f = set(_WORD.findall(found.lower()))
    if not f:
        return False
    parts = [set(_WORD.findall(p.lower())) for p in truth.split(";")]
    first = parts[0]
    return f <= set().union(*parts) or (bool(first) and first <= f)


def _fold(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip().casefold())
    name = re.sub(r"\.(com|org|net|co\.uk|co|in|ru|it|br|kr)\b.*$", "", name)
    return _NOT_ALNUM.sub("", name)


def outlet_right(found: str, truth: str) -> bool:
    """Right when the names agree once case, spaces, "The" and ".com" are folded away, or
    one is the start of the other ("CBSSports.com" / "CBS Sports", "LinkNaija | …")."""
    a, b = _fold(found), _fold(truth)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


@dataclass
class Tally:
    """Right / given counts per field, and the misses to print."""

    right: dict[str, int]
    given: dict[str, int]
    misses: dict[str, list[str]]


def score_meta(pages: list[tuple[str, str, Extracted | None]], meta: dict[str, Meta],
               texts: dict[str, str] | None = None) -> Tally:
    """Count right answers per field over pages whose metadata gives that field; with the
    pages' ``texts``, also dates over the pages whose text prints that day ("date printed")."""
    texts = texts or {}
    fields = ("headline", "date", "date printed", "author", "outlet")
    tally = Tally({f: 0 for f in fields}, {f: 0 for f in fields}, {f: [] for f in fields})
    checks: dict[str, Callable[[Extracted, Meta], tuple[bool, str, str] | None]] = {
        "headline": lambda e, m: (headline_right(e.title, m.title), e.title, m.title),
        "date": lambda e, m: None if not m.published else (
            date_right(e, m.published), str(e.published), m.published),
        "date printed": lambda e, m: None if not m.published or not day_printed(
            texts.get(m.id, ""), m.published) else (
            date_right(e, m.published), str(e.published), m.published),
        "author": lambda e, m: None if not m.author else (
            author_right(e.author, m.author), e.author, m.author),
        "outlet": lambda e, m: None if not m.outlet else (
            outlet_right(e.outlet, m.outlet), e.outlet, m.outlet),
    }
    for page_id, url, found in pages:
        truth = meta.get(page_id)
        if truth is None:
            continue
        for name, check in checks.items():
            result = check(found or Extracted("", ""), truth)
            if result is None:
                continue
            ok, got, want = result
            tally.given[name] += 1
            tally.right[name] += ok
            if not ok:
                tally.misses[name].append(f"{got!r} vs {want!r}  {url[:70]}")
    return tally


def report_meta(name: str, tally: Tally, misses: int) -> None:
    """Print right/given per field, then the first misses of each."""
    print(f"\n{name} metadata from the text")
    for field, given in tally.given.items():
        right = tally.right[field]
        print(f"  {field:<9} {right}/{given} = {right / max(given, 1):.3f}")
    for field, lines in tally.misses.items():
        for line in lines[:misses]:
            print(f"  miss {field}: {line}")
