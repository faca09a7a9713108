"""What an article's lead says happened, where and when: facts that tell two events apart.

Two events of one kind in nearby places (a drone strike on tankers outside one town on
Friday, an air strike on a convoy at the next crossing on Thursday night) share the
vocabulary of their kind and the names of their area, so their words alone can make them look
like one story. Their leads (the headline and the first sentence) say what tells them apart:
where it happened, on which day, and how many were hit. Two reports whose leads disagree on
all three (no place, no day and no count in common) report two events; a report that updates
a count, or names a new day or a further place, still agrees on the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

import numpy as np

from index.models import Article

# every kind must disagree; an event day is a date, or a weekday's name if the article has no
# publication date (a date and a bare weekday are not compared)
KINDS = (("place",), ("day", "weekday"), ("count",))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})
NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:al-|el-|de\s+|of\s+)?[A-Z][\w'\u2019-]*)*"
# where an event happened: a name after a word that places it ("outside Abu Kamal", "near the
# Al-Qaim border crossing", "east of Mosul")
PLACE = re.compile(
    r"\b(?:in|near|outside|at|off|(?:north|south|east|west)(?:ern)?\s+of)\s+(?:the\s+)?("
    + NAME + ")")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
COUNT_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
}
COUNT = re.compile(r"\b(\d[\d,.]*\d|\d|" + "|".join(COUNT_WORDS) + r")\b", re.IGNORECASE)
YEAR = re.compile(r"(?:1[89]|20)\d\d")
# who says so is not what happened: "according to two officials" counts no victims
ATTRIBUTION = re.compile(r"\baccording to\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s")
LEAD_CHARS = 700  # a first sentence is looked for this far into the body


def facts(article: Article) -> frozenset[str]:
    """The places, event days and counts the article's lead names, as "kind:value" strings.
    A weekday is resolved to a date against the publication day (the latest such day on or
    before it); without a publication date it stays a weekday name."""
    lead = _lead(article)
    found = {f"place:{word}" for word in _places(lead)}
    found.update(_days(article, lead))
    found.update(f"count:{value}" for value in _counts(ATTRIBUTION.split(lead)[0]))
    return frozenset(found)


def conflicts(found: Sequence[frozenset[str]], rows: Sequence[int]) -> np.ndarray:
    """len(rows) x len(found): whether the leads of two articles disagree on every kind
    of fact (each names some of that kind, and they share none)."""
    every = np.ones((len(rows), len(found)), dtype=bool)
    for prefixes in KINDS:
        either = np.zeros_like(every)
        for prefix in prefixes:
            values = [{f for f in facts if f.startswith(prefix + ":")} for facts in found]
            either |= _disagree(values, rows)
        every &= either
    return every


def _disagree(values: list[set[str]], rows: Sequence[int]) -> np.ndarray:
    numbers: dict[str, int] = {}
    for some in values:
        for value in some:
            numbers.setdefault(value, len(numbers))
    has = np.zeros((len(values), max(len(numbers), 1)), dtype=np.float32)
    for row, some in enumerate(values):
        has[row, [numbers[v] for v in some]] = 1.0
    named: np.ndarray = has.sum(axis=1) > 0
    asked = list(rows)
    shared = has[asked] @ has.T
    return np.asarray(named[asked][:, None] & named[None, :] & (shared == 0))


def _lead(article: Article) -> str:
    body = article.body.strip()
    end = SENTENCE_END.search(body[:LEAD_CHARS])
    return article.title + "\n" + (body[: end.end()] if end else body[:LEAD_CHARS])


def _places(lead: str) -> Iterable[str]:
    """The words of the names the lead places its event at ("abu", "kamal"), lowercased."""
    for name in PLACE.findall(lead):
        for word in re.split(r"[\s-]+", name.lower()):
            if len(word) > 2 and word not in MONTHS and word not in WEEKDAYS:
                yield word


def _days(article: Article, lead: str) -> Iterable[str]:
    for name in WEEKDAY.findall(lead):
        day = WEEKDAYS.index(name.lower())
        if article.published is None:
            yield f"weekday:{name.lower()}"
        else:
            back = (article.published.weekday() - day) % 7
            yield f"day:{(article.published - timedelta(days=back)).date().isoformat()}"


def _counts(text: str) -> Iterable[str]:
    for token in COUNT.findall(text):
        value = COUNT_WORDS.get(token.lower(), token.replace(",", ""))
        if not YEAR.fullmatch(value):
            yield value
