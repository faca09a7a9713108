"""The headline rules: the page title line's headline and outlet suffix, headline-shaped
lines above the article, mastheads and menus, and where the headline is printed."""

# Typographic dashes and full-width marks are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re

from index.extract_byline import reading_time
from index.extract_dates import find_date, says_when
from index.extract_lines import Line, title_case
from index.extract_meta import find_author

MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# "Headline - Outlet", "Headline | Section | Outlet": split at the first bar or the last dash.
_TITLE_BAR = re.compile(r"\s+[|｜•·]\s+")
_TITLE_DASH = re.compile(r"\s+[-–—:]{1,2}\s+(?!.*\s[-–—:]{1,2}\s)")
# "Home > News > Regional", "Sport » Football": a path of short items, never a headline.
_CRUMB = re.compile(r"\s+[>»›→/|•·]\s+")
_TITLE_WINDOW = 12  # lines above the article searched for its headline
_PUNCT = re.compile(r"[.,;:!?]")
_LONG_WORD = re.compile(r"\w{4,}")
# Navigation sections: short title-case lines on top that are not the site's name.
_SECTIONS = frozenset(
    ("world", "news", "politics", "business", "sport", "sports", "technology", "tech",
     "opinion", "culture", "science", "health", "economy", "environment", "entertainment",
     "lifestyle", "travel", "football", "europe", "asia", "africa", "americas", "middle east",
     "local", "national", "international", "latest", "video", "analysis", "features")
)  # fmt: skip


def page_title(first: str) -> tuple[str, str]:
    """A page title's headline and outlet ("Headline - Outlet" and "Outlet | Headline" ->
    both parts)."""
    first = MARKDOWN_HEADING.sub("", first)
    for pattern in (_TITLE_BAR, _TITLE_DASH):
        parts = pattern.split(first)
        if len(parts) >= 2:
            if _site_first(parts[0], rest := first[len(parts[0]):]):
                return pattern.sub("", rest, count=1).strip(), parts[0].strip()
            head, tail = parts[0], parts[-1].strip()
            if pattern is _TITLE_DASH:
                head = first[: first.rfind(parts[-1])].rstrip(" -–—:")
            if _looks_like_outlet(tail) and len(head.split()) >= 2:
                return head.strip(), tail
    return first, ""


def page_title_whole(first: str) -> str:
    """The whole title line as a headline (its Markdown heading mark cut off)."""
    return MARKDOWN_HEADING.sub("", first).strip()


def _site_first(head: str, rest: str) -> bool:
    """A site's name before the headline ("Harbour Gazette | Council approves levy"): a few
    capitalised words that are no section, before a line that reads like a sentence."""
    words = head.split()
    capitalised = all(w[0].isupper() or not w[0].isalpha() for w in words)
    lowered = [w for w in rest.split() if len(w) > 3 and w[0].islower()]
    return (1 <= len(words) <= 4 and len(head) <= 40 and capitalised
            and not _PUNCT.search(head) and not any(ch.isdigit() for ch in head)
            and head.casefold() not in _SECTIONS and len(rest.split()) >= 4
            and len(lowered) >= 2 and not title_case(rest))


def _first_line_is_title(lines: list[Line], start: int) -> bool:
    """A first line with no outlet suffix is the page's title when the page prints it again,
    or when it is long enough to be a headline and shares a word with the article's first
    lines; a short one is a prompt ("Connect with us"), an unrelated one a ticker or a
    teaser ("Breaking: bus fares rise in June")."""
    first = lines[0]
    if any(ln.text == first.text for ln in lines[1 : start + 2]):
        return True
    return first.words >= 4 and bool(_content(first.text) & _content(_opening(lines, start)))


def _opening(lines: list[Line], start: int) -> str:
    """The article's first three prose lines."""
    return " ".join([ln.text for ln in lines[start:] if ln.prose][:3])


def _content(text: str) -> set[str]:
    """Content words: lowercase, longer than three letters."""
    return set(_LONG_WORD.findall(text.lower()))


def _looks_like_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and len(text) <= 40 and not text.endswith((".", "?", "!"))


def rule_title(lines: list[Line], start: int, headline: str, suffix: str) -> str:
    """The headline: the page title's (as printed in the page if it is), else the headline-like
    line above the article, preferring the one just above the byline and date lines, since
    photo captions sit between those and the body."""
    if suffix or (start > 0 and _is_headline(lines[0], first=True) and not _is_masthead(lines)
                  and not is_meta(lines[0]) and _first_line_is_title(lines, start)):
        # Printed as is, or without a label before a colon ("Valley Courier: <headline>").
        forms = {headline.casefold(), _after_label(headline).casefold()}
        return next(
            (ln.text for ln in lines[1 : start + 2] if ln.text.casefold() in forms), headline
        )
    # Text pasted with single newlines is one block; block size then says nothing.
    single = one_block(lines)
    above = range(max(0, start - _TITLE_WINDOW), start)
    found = [i for i in above if _is_candidate(lines, i, single)]
    metas = [i for i in above if is_meta(lines[i])]
    if metas:
        # Only a real headline, not a menu item such as "Middle East", beats the nearest line.
        over = [i for i in found if i < metas[-1] and lines[i].words >= 4]
        if over:
            return lines[_headline_of_pair(lines, over)].text
    # A name or a section label under the headline is shorter than a headline.
    long = [i for i in found if lines[i].words >= 4]
    return lines[(long or found)[-1]].text if found else ""


def _after_label(headline: str) -> str:
    """The headline after a short label and a colon ("Valley Courier: Dam plan approved" ->
    "Dam plan approved"); the headline itself when it has none."""
    label, colon, rest = headline.partition(": ")
    return rest if colon and len(label.split()) <= 4 and len(rest.split()) >= 3 else headline


def _headline_of_pair(lines: list[Line], over: list[int]) -> int:
    """The last headline-shaped line over the byline, or the one right above it when the two
    (and no third above them) are a headline and its standfirst: not a date ("Published 1
    day ago") over a headline, nor a menu glued to the headline ("Home News <headline>")
    over the headline alone."""
    if len(over) < 2 or over[-2] != over[-1] - 1:
        return over[-1]
    if len(over) >= 3 and over[-3] == over[-2] - 1:
        return over[-1]  # three or more in a row: a list of teasers over the headline
    upper, lower = lines[over[-2]].text, lines[over[-1]].text
    return over[-1] if says_when(upper) or lower in upper else over[-2]


def _is_candidate(lines: list[Line], i: int, single: bool) -> bool:
    line = lines[i]
    if is_meta(line) or over_credit(lines, i):
        return False
    return _is_headline(line, first=single) or _ends_menu(lines, i)


def _ends_menu(lines: list[Line], i: int) -> bool:
    """A headline printed right under the menu words, in the same block as them."""
    line, before = lines[i], lines[i - 1] if i > 0 else None
    return (
        before is not None
        and before.block == line.block
        and menu_like(before)
        and _is_headline(line, first=True)
        and line.words >= 5
        and not title_case(line.text)
    )


def over_credit(lines: list[Line], i: int) -> bool:
    """A line right over a photo credit alone ("Photo: Ada Moss") is the photo's caption (a
    caption that ends in its credit may sit under the headline)."""
    return i + 1 < len(lines) and lines[i + 1].credit and lines[i + 1].words <= 6


def menu_like(line: Line) -> bool:
    """A navigation line: furniture, a short unpunctuated item, or a bar of such items."""
    parts = _TITLE_BAR.split(line.text)
    return (line.furniture or breadcrumb(line.text)
            or all(len(p.split()) <= 3 and not _PUNCT.search(p) for p in parts))


def breadcrumb(text: str) -> bool:
    """A path of section names ("Home > News > Regional"): two or more separators between
    items of at most three words, none of them a sentence."""
    parts = _CRUMB.split(text.strip())
    return len(parts) >= 3 and all(
        1 <= len(p.split()) <= 3 and not _PUNCT.search(p) for p in parts
    )


def prompt_pair(text: str) -> bool:
    """Two prompts of at most two words side by side ("Log in / Register", "Sign in |
    Subscribe"): too short for a headline and its outlet, so no title line."""
    parts = _CRUMB.split(text.strip())
    return len(parts) == 2 and all(
        1 <= len(p.split()) <= 2 and not _PUNCT.search(p) for p in parts
    )


def _is_masthead(lines: list[Line], i: int = 0) -> bool:
    """A site name on top of the page ("Levant Wire"): one to three capitalised words with
    the menu right under them."""
    words = lines[i].text.split()
    return (
        1 <= len(words) <= 3
        and all(w[0].isupper() or not w[0].isalpha() for w in words)
        and not _PUNCT.search(lines[i].text)
        and i + 1 < len(lines)
        and menu_like(lines[i + 1])
    )


def masthead(lines: list[Line]) -> str:
    """The site name on top of the page, if the first line that is not furniture is one."""
    i = next((i for i, line in enumerate(lines) if not line.furniture), None)
    if i is None or not _is_masthead(lines, i) or lines[i].text.casefold() in _SECTIONS:
        return ""
    name = lines[i].text
    # One word on top may be a menu item or a button ("Inicio", "Accept"): a site's name is
    # printed again further down (footer, copyright, "About").
    if " " not in name.strip() and not any(name in ln.text for ln in lines[i + 2 :]):
        return ""
    return name


def one_block(lines: list[Line]) -> bool:
    return len({ln.block for ln in lines}) <= 1


def _is_headline(line: Line, *, first: bool = False) -> bool:
    text = MARKDOWN_HEADING.sub("", line.text)
    return (
        2 <= line.words <= 30
        and not line.furniture
        and not line.credit
        and not breadcrumb(text)
        and (first or line.block_size <= 2)
        and not text.endswith((".", ",", ";"))
        and len(text) <= 250
    )


def is_meta(line: Line) -> bool:
    return (bool(find_author(line.text)) or reading_time(line.text)
            or (line.words <= 14 and find_date(line.text) is not None))


def index_of(lines: list[Line], title: str, start: int) -> int:
    """Where the headline sits nearest the article (the article's start when it is not
    printed above it; the page's title line on top often repeats it)."""
    at = [i for i, ln in enumerate(lines[: start + 2]) if ln.text == title]
    # Share bars and menus may sit between: only prose between them says it is elsewhere.
    near = at and (at[-1] >= start - _TITLE_WINDOW
                   or (at[-1] > 0 and not any(ln.prose for ln in lines[at[-1] + 1 : start])))
    return at[-1] if near else start
