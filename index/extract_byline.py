"""The byline: who wrote an article, found by the shape of names and where they sit."""

# Typographic dashes and quotes are matched on purpose.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.extract_dates import MONTHS, find_date, says_when

# "by" in the languages news pages often use, anywhere in a short line: "Posted by X",
# "9 March 2024 | by X", "Von X publiziert am", "Por X".
_BY = re.compile(
    r"(?:^|[|·•/,(–—-]\s*|\b(?:posted|written|words|reporting|story|text|analysis|commentary"
    r"|opinion|review|column|interview|report|article)\s+"
    r"|(?:\d|\b[ap]\.?m\.?|\b(?-i:[A-Z]{2,4}))\s+)"
    r"(?:by|von|por|par|oleh|door)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# Every _BY match holds one of these, lowercased (its letters have no other-script case
# partners under IGNORECASE, unlike i, k and s): a substring test rules most lines out.
_BY_WORDS = ("by", "von", "por", "par", "oleh", "door")
# "Text: X", "Author: X", "Текст: X".
_LABEL = re.compile(
    r"^(?:text|texto|testo|author|autor|auteur|autore|words|reporter|writer|текст|автор)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# Where a name ends: a separator, a date, a handle, "and" joins two names.
_NAME_END = re.compile(r"\s*(?:[|•·;@(\[]|\s\S+@|\s[-–—]\s*$|\s[-–—]\s|,\s"
                       r"|\s(?:on|for|in|at|published|updated|publiziert|publicado|am|em|el|le)\s"
                       r"|\d|$)", re.IGNORECASE)
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
    # a site's account, not a writer: "By Admin"
    "admin", "administrator", "webmaster",
})
_DESK_WORDS = frozenset({"bureau", "desk", "newsroom"})


def desk_byline(name: str) -> bool:
    """A newsroom desk where a writer's name goes ("Harbour Gazette Bureau", "News Desk"):
    no author. A desk named as a team ("The Harbour Desk") stays one."""
    words = name.casefold().split()
    return len(words) >= 2 and words[-1] in _DESK_WORDS and words[0] != "the"
# A label on a line of its own, the name on the next: "By" / "Ryan Reed", "Author:" / "X".
_LABEL_ALONE = re.compile(
    r"^(?:(?:written\s+)?by|von|por|par|oleh|door|text|texto|testo|author|autor|auteur|autore"
    r"|words|reporter|writer|текст|автор)\s*:?$",
    re.IGNORECASE,
)
# Weekdays open date lines, never a writer's name: "Tuesday November 19, 2019".
_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", "segunda", "terça", "quarta", "quinta", "sexta", "lunedì", "martedì",
    "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "today", "yesterday",
})
_NAME_WORDS = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}"
_LIST = re.compile(rf"^(?P<names>{_NAME_WORDS}(?:,\s+{_NAME_WORDS})+),?\s+(?:and|&)\s+"
                   rf"(?P<last>{_NAME_WORDS}?)(?=\s*(?:$|[|•·;,(]|\s[-–—]\s|\s(?:on|for)\s))")
_READING_TIME = re.compile(r"\d+\s*min(?:ute)?s?\s+read\b", re.IGNORECASE)
# The writer's role after a name: "Ada Moss, Staff Writer", "Tom Roe, AP Auto Writer".
_ROLE = re.compile(r"(?:writer|reporter|correspondent|columnist|editor|journalist"
                   r"|contributor)$", re.IGNORECASE)
_ROLE_SEPARATOR = re.compile(r"\s*[,|·]\s*|\s[-–—]\s")
_INITIAL = re.compile(r"[A-Z]\.?")
_HANDLE = re.compile(r"[a-z][a-z0-9_.-]{2,30}")
# Newsroom roles a writer's bio gives: "Jane Doe is a staff writer at ...".
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:writer|reporter|editor|correspondent|columnist|journalist"
    r"|contributor|critic|producer|blogger)\b",
    re.IGNORECASE,
)
# Section and picture words a bare name never holds: "Business News", "Enlarge Image".
_DESK = frozenset({
    "news", "business", "sports", "world", "local", "image", "images", "photo", "photos",
    "video", "videos", "gallery", "enlarge", "channel", "menu", "opinion", "politics",
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
def name_shape(text: str, *, least: int = 2, labelled: bool = False) -> bool:
    """Capitalised words like a person's or a desk's name: "Sarah E. Needleman",
    "Ludwig van Beethoven", "Вера Ерофеева"; no digits, two to four words by default."""
    words = text.split()
    if not least <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if not labelled and (words[0].casefold() in _NOT_FIRST
                         or any(w.casefold() in _DESK for w in words)):
        return False
    if any(w.casefold() in _NEVER_IN_NAME for w in words):
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
    if listed := _name_list(rest):
        return listed
    match = _NAME_END.search(rest)
    name = rest[: match.start()] if match else rest
    words = name.strip(" ,.:;").split()
    while words and words[-1].casefold().rstrip(".") in MONTHS:  # "Jane Doe November 19"
        words.pop()
    name = " ".join(words)
    # "Lisa Kaczke and Trevor J. Mitchell"; a desk after a label: "By The Water Coolest"
    parts = [p.strip() for p in re.split(r"\s+(?:and|&|und|e|y|et)\s+", name)]
    good = [p for p in parts if _labelled_name(p)]
    return " and ".join(good) if good and len(good) == len(parts) else ""


def _name_list(rest: str) -> str:
    """Three or more writers: "Ada Moss, Tom Lee and Jo Park" (the last joined by "and";
    "Ada Moss, Valley Courier" is a writer and a paper, not a list)."""
    match = _LIST.match(rest)
    if match is None:
        return ""
    names = [*re.split(r",\s+", match.group("names")), match.group("last")]
    if not all(name_shape(n) for n in names):
        return ""
    return ", ".join(names[:-1]) + " and " + names[-1]


def _labelled_name(text: str) -> bool:
    """A name after "By" or "Author:": a person's, or a desk's ("Staff Reports", "The
    Associated Press"), whose first word may be one no bare name starts with."""
    words = text.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return name_shape(" ".join(words), least=1, labelled=True)


def byline_name(line: str) -> str:
    """The name a byline line gives ("By Jane Doe | 9 March", "Posted by Vortex"), else ""."""
    if len(line) > 160:
        return ""
    match = _LABEL.search(line)
    if match and (name := _cut_name(match.group("rest"))):
        return name
    lowered = line.lower()
    match = _BY.search(line) if any(word in lowered for word in _BY_WORDS) else None
    if match and (name := _cut_name(match.group("rest"))):
        return name
    # A user name on a blog's dated post line: "October 12, 2018 / 0 Comments / by jdadmin".
    if match and _HANDLE.fullmatch(match.group("rest").strip()) and find_date(line):
        return match.group("rest").strip()
    return ""


def bio_name(line: str) -> str:
    """The writer a bio names at the end of an article ("Jane Doe is a staff writer at
    ...", "Jane Doe covers ..."), else ""."""
    match = _BIO.match(line)
    return match.group("name") if match and name_shape(match.group("name")) else ""


def _name_before_date(line: str) -> str:
    """ "Carlos Nadalim 27/09/2018 …", "Jane Doe @janedoe": a name opening a short line
    whose rest is a date or the writer's handle."""
    if len(line.split()) > 16:
        return ""
    found = find_date(line)
    read = _READING_TIME.search(line)
    cut = found.at if found is not None else read.start() if read else line.find(" @")
    if cut <= 0:
        return ""
    head = line[:cut].strip(" ,|·•-–—")
    return head if name_shape(head) else ""


def _name_with_role(line: str) -> str:
    """ "Ada Moss, Staff Writer", "Ada Moss | Reporter", "Ada Moss Reporter": a name, then
    what the writer does."""
    text = line.strip()
    if len(text.split()) > 8 or not _ROLE.search(text):
        return ""
    parts = _ROLE_SEPARATOR.split(text, maxsplit=1)
    name = parts[0] if len(parts) == 2 and len(parts[1].split()) <= 4 else text.rsplit(" ", 1)[0]
    return name if name_shape(name) else ""


def _name_prefix(line: str) -> str:
    """The names opening a line, before the desk or paper they write for ("Lisa Kaczke and
    Trevor J. Mitchell Sioux Falls Argus Leader" -> "Lisa Kaczke and Trevor J. Mitchell")."""
    words = line.split()
    if len(words) > 14 or line.rstrip().endswith((".", "?", "!")):
        return ""
    opening = words[1:3] if words[0] == "The" else words[:2]
    if not name_shape(" ".join(opening)):
        return ""
    return _cut_name(_names_only(line))


def _names_only(line: str) -> str:
    """A line of names cut after its last person: "A B and C D. E Sioux Falls" -> "A B and
    C D. E" (a person's name is two words, three with an initial between)."""
    parts = re.split(r"(\s+(?:and|&)\s+)", line)
    words = parts[-1].split()
    # Only a line of capitalised words is names and a desk; "Why My Friend Became a ..." is not.
    if len(words) > 3 and all(w[0].isupper() for w in words):
        words = words[: 3 if _INITIAL.fullmatch(words[1]) else 2]
    return "".join(parts[:-1]) + " ".join(words)


def reading_time(text: str) -> bool:
    """A reading-time stamp alone on its line ("3 min read"), part of the byline's block."""
    return len(text.split(None, 6)) <= 6 and bool(_READING_TIME.search(text))


def _dated(near: Sequence[NearLine]) -> set[int]:
    # A reading time stands where a date would, beside the writer's name.
    return {ln.index for ln in near
            if len(ln.text.split(None, 12)) <= 12
            and (says_when(ln.text) or reading_time(ln.text))}


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


def choose_author(near: Sequence[NearLine], anchors: Sequence[int], page: Sequence[str],
                  credited: Sequence[str] = ()) -> str:
    """The byline among the lines near the headline (printed at ``anchors``, the one nearest
    the article first): an explicit "By X", a
    labelled or dated name, else a name standing alone near the headline that the page
    repeats (as author boxes, bios and ``credited`` names after the article do)."""
    near = _labels_joined(near)
    # Author boxes matter only for a name standing alone near the headline.
    alone = any(not ln.skip and name_shape(ln.text) for ln in near)
    boxed = _boxed_names(page) if alone else Counter[str]()
    for name in credited:
        boxed[name] += 3
    dated = _dated(near)
    by_index = {ln.index: ln for ln in near}
    best: tuple[float, str] | None = None
    for line in near:
        if line.skip:
            continue
        if line.index in anchors:
            continue  # the headline itself: "Nollywood Actress, Kate Henshaw Is ..."
        anchor = min(anchors, key=lambda a: abs(line.index - a))
        distance = abs(line.index - anchor)
        beside_date = bool({line.index - 1, line.index + 1} & dated)
        below = 0 < line.index - anchor <= 2
        for score, name in (
            (6.0, byline_name(line.text)),
            (4.0, _name_before_date(line.text)),
            (4.0, _name_with_role(line.text)),
            (3.0, _name_prefix(line.text) if beside_date else ""),
            (3.0, _word_before_date(line.text) if below else ""),
            # a name alone counts only when the page repeats it (author boxes, bios), and
            # not among menu items
            (min(boxed[line.text], 5) - 1.0, line.text if name_shape(line.text)
             and not _in_menu(line, by_index, dated, anchors) else ""),
        ):
            if not name:
                continue
            score -= 0.2 * distance + (0.5 if line.index < anchor else 0.0)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best is not None and best[0] > 0 else ""


def _labels_joined(near: Sequence[NearLine]) -> list[NearLine]:
    """Lines with a label alone ("By", "Author:") joined to the name on the next line."""
    joined: list[NearLine] = []
    for i, line in enumerate(near):
        after = near[i + 1] if i + 1 < len(near) else None
        if (_LABEL_ALONE.match(line.text.strip()) and after is not None
                and after.index == line.index + 1 and not after.skip):
            joined.append(NearLine(line.index, f"{line.text.strip().rstrip(':')}: {after.text}",
                                   skip=False))
        else:
            joined.append(line)
    return joined


def _word_before_date(line: str) -> str:
    """A one-word writer or wire opening a date line under the headline ("Reuters November
    18, 2019", "LinkNaija October 06, 2018")."""
    found = find_date(line)
    if found is None or found.at <= 0 or len(line.split()) > 10:
        return ""
    head = line[: found.at].strip(" ,|·•-–—")
    if " " in head or head.casefold().rstrip(".") in _WEEKDAYS:
        return ""
    return head if name_shape(head, least=1) else ""


def _in_menu(line: NearLine, by_index: dict[int, NearLine], dated: set[int],
             anchors: Sequence[int]) -> bool:
    """Between two other short lines that are neither the headline nor dated: a menu."""
    around = [by_index.get(line.index + step) for step in (-1, 1)]
    return all(ln is not None and len(ln.text.split()) <= 4 and ln.index not in dated
               and ln.index not in anchors for ln in around)


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


_DESK_BYLINE = re.compile(
    r"^(?:(?i:by)\s+)?(?P<outlet>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}?)\s+"
    r"(?i:(?:news\s+)?(?:bureau|desk|newsroom))\b(?!\s+[a-z])",
)
# A desk of the newsroom by its subject, not the outlet's name: "News Desk", "Web Desk".
_DESK_SUBJECTS = frozenset({"news", "web", "online", "digital", "city", "sports", "sport",
                            "business", "metro", "world", "national", "foreign", "staff"})


def desk_outlet(line: str) -> str:
    """The outlet an author-less newsroom byline names: "By Harbour Gazette Bureau",
    "Harbour Gazette Desk | Updated ..."; none for a desk named by its subject."""
    match = _DESK_BYLINE.match(line.strip())
    if match is None:
        return ""
    outlet = match.group("outlet").strip()
    words = outlet.casefold().split()
    generic = all(w in _DESK_SUBJECTS for w in words) or words[0] in _NOT_FIRST
    return "" if generic else outlet
