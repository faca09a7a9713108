"""The byline: who wrote an article, found by the shape of names and where they sit."""

# Typographic dashes and quotes are matched on purpose.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.extract_dates import MONTHS, find_date

# "by" in the languages news pages often use, anywhere in a short line: "Posted by X",
# "9 March 2024 | by X", "Von X publiziert am", "Por X".
_BY = re.compile(
    r"(?:^|[|·•/,(–—-]\s*|\b(?:posted|written|words|reporting|story|text|photos?)\s+"
    r"|(?:\d|\b[ap]\.?m\.?|\b(?-i:[A-Z]{2,4}))\s+)"
    r"(?:by|von|por|par|oleh|door)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# "Text: X", "Author: X", "Текст: X".
_LABEL = re.compile(
    r"^(?:text|texto|testo|author|autor|auteur|autore|words|reporter|writer|текст|автор)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# Where a name ends: a separator, a date, a handle, "and" joins two names.
_NAME_END = re.compile(r"\s*(?:[|•·;@(\[]|\s[-–—]\s|,\s|\s(?:on|for|in|at|published|updated"
                       r"|publiziert|publicado|am|em|el|le)\s|\d|$)", re.IGNORECASE)
_PARTICLES = frozenset({
    "van", "von", "de", "da", "del", "der", "den", "la", "le", "bin", "al", "dos", "das", "du",
    "di", "e", "y",
})
# Capitalised words that start page furniture, never a name: "Recent from", "About us".
_NOT_FIRST = frozenset({
    "the", "a", "an", "recent", "more", "most", "about", "follow", "share", "sign", "read",
    "related", "latest", "top", "view", "see", "all", "home", "news", "by", "from", "posted",
    "updated", "published", "photo", "image", "video", "editor", "staff", "new", "our", "your",
    "this", "that", "with", "and", "or", "for", "in", "on", "of", "to",
})
# Words no name holds, capitalised or not: "Best Of", "Terms And Conditions".
_NEVER_IN_NAME = frozenset({
    "of", "the", "and", "or", "for", "to", "in", "on", "with", "at", "a", "an", "best", "our",
    "your", "this", "that", "is", "are", "us", "more", "all",
})
_AUTHOR_BOX = re.compile(
    r"^(?:recent from|more from|more by|about|sobre|über|à propos de|articles by|stories by"
    r"|posts by|email)\s+(?P<rest>.+?)(?:'s? most recent.*)?$|^(?P<poss>.+?)['’]s (?:most "
    r"recent|latest) (?:stories|posts|articles)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NearLine:
    """A line near the article, with where it sits and whether it can hold a byline."""

    index: int
    text: str
    skip: bool  # a photo credit or a line of prose


@lru_cache(maxsize=4096)  # author boxes test every short line of a page, often repeated
def name_shape(text: str, *, least: int = 2) -> bool:
    """Capitalised words like a person's or a desk's name: "Sarah E. Needleman",
    "Ludwig van Beethoven", "Вера Ерофеева"; no digits, two to four words by default."""
    words = text.split()
    if not least <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if words[0].casefold() in _NOT_FIRST or any(w.casefold() in _NEVER_IN_NAME for w in words):
        return False
    for i, word in enumerate(words):
        core = word.strip("'’.,-")
        if not core:
            return False
        if 0 < i < len(words) - 1 and core.casefold() in _PARTICLES:
            continue
        if not (core[0].isalpha() and core[0].isupper()):
            return False
        if not all(ch.isalpha() or ch in "'’.-" for ch in core):
            return False
    return True


def _cut_name(rest: str) -> str:
    match = _NAME_END.search(rest)
    name = rest[: match.start()] if match else rest
    words = name.strip(" ,.:;").split()
    while words and words[-1].casefold().rstrip(".") in MONTHS:  # "Jane Doe November 19"
        words.pop()
    name = " ".join(words)
    # "Lisa Kaczke and Trevor J. Mitchell"
    parts = [p.strip() for p in re.split(r"\s+(?:and|&|und|e|y|et)\s+", name)]
    good = [p for p in parts if name_shape(p, least=1)]
    return " and ".join(good) if good and len(good) == len(parts) else ""


def byline_name(line: str) -> str:
    """The name a byline line gives ("By Jane Doe | 9 March", "Posted by Vortex"), else ""."""
    if len(line) > 160:
        return ""
    for pattern in (_LABEL, _BY):
        match = pattern.search(line)
        if match and (name := _cut_name(match.group("rest"))):
            return name
    return ""


def _name_before_date(line: str) -> str:
    """ "Carlos Nadalim 27/09/2018 …", "Jane Doe @janedoe": a name opening a short line
    whose rest is a date or the writer's handle."""
    if len(line.split()) > 16:
        return ""
    found = find_date(line)
    cut = found.at if found is not None else line.find(" @")
    if cut <= 0:
        return ""
    head = line[:cut].strip(" ,|·•-–—")
    return head if name_shape(head) else ""


def _name_prefix(line: str) -> str:
    """The longest run of name-shaped words opening a line ("Lisa Kaczke and Trevor J.
    Mitchell Sioux Falls Argus Leader" -> "Lisa Kaczke and Trevor J. Mitchell Sioux")."""
    if len(line.split()) > 14 or line.rstrip().endswith((".", "?", "!")):
        return ""
    return _cut_name(line) if name_shape(" ".join(line.split()[:2])) else ""


def _dated(near: Sequence[NearLine]) -> set[int]:
    return {ln.index for ln in near
            if len(ln.text.split()) <= 12 and find_date(ln.text) is not None}


def _boxed_names(texts: Sequence[str]) -> Counter[str]:
    """Names the page repeats in author boxes ("Recent from X", "About X") or alone."""
    counts: Counter[str] = Counter()
    for text in texts:
        match = _AUTHOR_BOX.match(text)
        if match:
            name = (match.group("rest") or match.group("poss") or "").strip()
            if name_shape(name, least=1):
                counts[name] += 2
        elif name_shape(text):
            counts[text] += 1
    return counts


def choose_author(near: Sequence[NearLine], anchor: int, page: Sequence[str]) -> str:
    """The byline among the lines near the headline (``anchor``): an explicit "By X", a
    labelled or dated name, else a name standing alone near the headline that the page
    repeats (as author boxes do)."""
    # Author boxes matter only for a name standing alone near the headline.
    alone = any(not ln.skip and name_shape(ln.text) for ln in near)
    boxed = _boxed_names(page) if alone else Counter[str]()
    dated = _dated(near)
    best: tuple[float, str] | None = None
    for line in near:
        if line.skip:
            continue
        distance = abs(line.index - anchor)
        beside_date = bool({line.index - 1, line.index + 1} & dated)
        for score, name in (
            (6.0, byline_name(line.text)),
            (4.0, _name_before_date(line.text)),
            (3.0, _name_prefix(line.text) if beside_date else ""),
            # a name alone counts only when the page repeats it (author boxes, bios)
            (min(boxed[line.text], 5) - 1.0, line.text if name_shape(line.text) else ""),
        ):
            if not name:
                continue
            score -= 0.2 * distance + (0.5 if line.index < anchor else 0.0)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best is not None and best[0] > 0 else ""


_BY_OUTLET = re.compile(
    r"^by\s+[^|]{2,60}?\s+[|·•]\s+(?P<outlet>[A-Z][\w.&'’ -]{1,50}?)(?:\s+[|·•].*)?$",
    re.IGNORECASE,
)


def outlet_in_byline(line: str) -> str:
    """The outlet a byline names after the writer: "By Jane Doe | Harbour Gazette"."""
    match = _BY_OUTLET.match(line.strip())
    if not match or find_date(match.group("outlet")) is not None:
        return ""
    outlet = match.group("outlet").strip()
    words = outlet.split()
    ok = 1 <= len(words) <= 6 and words[0][0].isupper() and words[0].casefold() not in _NOT_FIRST
    return outlet if ok else ""
