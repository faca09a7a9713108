"""What an article's lead says happened and where: facts that tell two events apart.

Two events of one kind in nearby places (a drone strike on tankers outside one town, an air
strike on a convoy at the next crossing) share the vocabulary of their kind and the names of
their area, so their words alone can make them look like one story. Their leads (the
headline and the first sentence) say what tells them apart: where it happened and how many
were hit. Two reports whose leads disagree on both (no place and no count in common) report
two events; a report that updates a count still names the place, and one that names a further
place still agrees on a count. (Event days were tried as a third kind: a follow-up names a new
day as often as another event does.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from index.models import Article
from index.story_sparse import shared

KINDS = ("place", "count")  # every kind must disagree
POSSESSIVE = re.compile(r"['\u2019]s\b")  # "in Darsa's Kamra district" is in Darsa too
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
    """The places and counts the article's lead names, as "kind:value" strings."""
    lead = _lead(article)
    found = {f"place:{word}" for word in _places(lead)}
    found.update(f"count:{value}" for value in _counts(ATTRIBUTION.split(lead)[0]))
    return frozenset(found)


def conflicts(found: Sequence[frozenset[str]], rows: Sequence[int]) -> np.ndarray:
    """len(rows) x len(found): whether the leads of two articles disagree on every kind
    of fact (each names some of that kind, and they share none)."""
    every = np.ones((len(rows), len(found)), dtype=bool)
    for kind in KINDS:
        every &= _disagree([{f for f in facts if f.startswith(kind + ":")} for facts in found],
                           rows)
    return every


def _disagree(values: list[set[str]], rows: Sequence[int]) -> np.ndarray:
    numbers: dict[str, int] = {}
    row = np.fromiter((r for r, some in enumerate(values) for _ in some), np.int64)
    col = np.fromiter((numbers.setdefault(v, len(numbers)) for some in values for v in some),
                      np.int64)
    named = np.zeros(len(values), dtype=bool)
    named[row] = True
    asked = list(rows)
    return np.asarray(named[asked][:, None] & named[None, :]
                      & ~shared(row, col, len(values), asked))


def _lead(article: Article) -> str:
    body = article.body.strip()
    end = SENTENCE_END.search(body[:LEAD_CHARS])
    return article.title + "\n" + (body[: end.end()] if end else body[:LEAD_CHARS])


def _places(lead: str) -> Iterable[str]:
    """The words of the names the lead places its event at ("abu", "kamal"), lowercased."""
    for name in PLACE.findall(lead):
        for word in re.split(r"[\s-]+", POSSESSIVE.sub("", name.lower())):
            if len(word) > 2 and word not in MONTHS and word not in WEEKDAYS:
                yield word


def _counts(text: str) -> Iterable[str]:
    for token in COUNT.findall(text):
        value = COUNT_WORDS.get(token.lower(), token.replace(",", ""))
        if not YEAR.fullmatch(value):
            yield value
