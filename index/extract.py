"""Turn scraped page text or HTML into a clean article: title, body, byline, date, outlet."""

# Typographic dashes, quotes and full-width marks are matched on purpose.

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from index.errors import InputError
from index.extract_boiler import without_boilerplate
from index.extract_byline import (
    NearLine,
    bio_name,
    choose_author,
    desk_byline,
    desk_outlet,
    outlet_in_byline,
)
from index.extract_dates import FoundDate, find_date
from index.extract_headline import Candidate as HeadlineCandidate
from index.extract_headline import Page as HeadlinePage
from index.extract_headline import candidates
from index.extract_headline import choose as choose_headline
from index.extract_lines import Line, is_furniture, keep, main_region, split_lines
from index.extract_lists import trailing_list
from index.extract_meta import (
    copyright_outlet,
    known_outlet,
    outlet_from_url,
    registrable_domain,
    reporting_credit,
)
from index.extract_outlet import (
    attributed_publisher,
    name_from_page,
    self_named,
    spelled_out,
    wire_in_dateline,
)
from index.extract_parts import Parts, split_parts
from index.extract_published import META_LOOKAHEAD, published
from index.extract_region import after_headline, thread_start, without_about_box, without_bio
from index.extract_title import (
    MARKDOWN_HEADING,
    breadcrumb,
    index_of,
    is_meta,
    masthead,
    one_block,
    page_title,
    page_title_whole,
    prompt_pair,
    rule_title,
)
from index.extract_visible import visible_text
from index.models import Extracted

__all__ = [
    "body_candidates", "clean_text", "extract_html", "headline_candidates", "outlet_from_url",
]

_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
# Ask for the time of day as well, and prefer the original publication over an update.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_REPEAT_GAP = 3  # lines within which a repeated line is a copy, not the article's own
def clean_text(text: str, *, url: str = "", filename: str = "",
               saved: datetime | None = None) -> Extracted:
    """The article in the visible text of a news page, without the page around it.

    ``saved`` is when the page was saved (a file's mtime): "3 hours ago" counts from it.

    Raises InputError for empty input, binary junk, or text with no article-like prose.
    """
    layout = _layout(text, filename)
    lines, (start, end), suffix = layout.lines, layout.region, layout.suffix
    meta = _remembered(is_meta)  # the headline, captions and body ask of the same lines
    title = _headline(layout, meta)
    anchor = index_of(lines, title, start)
    date = published(lines, (anchor, title), (start, end), url, saved)
    if _already_clean(lines, start, end):
        body_lines = lines[start:]
    else:
        region = lines[start:end]
        body_lines = without_boilerplate(region, [ln for ln in region if keep(ln)], lines)
        body_lines += trailing_list(lines, end)
    printed = anchor if anchor < len(lines) and lines[anchor].text == title else None
    parts = split_parts(lines, body_lines, printed, meta)
    author = _author(lines, anchor, start, end, title)
    body = _body(without_about_box(without_bio(parts.body, author)), title, lines, meta)
    return Extracted(
        title=_clean_title(title) or _title_from_filename(filename) or _first_words(body_lines),
        body=body,
        standfirst=parts.standfirst,
        captions=parts.captions,
        dropped=_dropped(lines, body, title, parts),
        author=author,
        outlet=_outlet(url, suffix, lines, body, start),
        published=date.when if date else None,
        published_precision=date.precision if date else "zoned",
        url=url,
    )


@dataclass(frozen=True, slots=True)
class _Layout:
    """The page's lines, the article's run of them, and its title line's two parts."""

    lines: list[Line]
    region: tuple[int, int]
    headline: str
    suffix: str


def _layout(text: str, filename: str) -> _Layout:
    text = _check_text(text, filename)
    lines = split_lines(text)
    start, end = main_region(lines)
    if not any(line.prose for line in lines[start:end]):
        raise InputError(
            f"{filename or 'the input'} has no article text",
            "expected paragraphs of prose, found only short lines such as menus or lists",
        )
    headline, suffix = page_title(lines[0].text)
    # A bar of prompts on top ("Sign in | Subscribe") names no outlet.
    suffix = "" if prompt_pair(lines[0].text) else suffix
    if suffix and _printed_whole(lines, start):
        # The page prints its title line whole, "Take C.A.R.E. - at the fair 2018": what
        # looked like an outlet after the dash is the headline's own second half.
        headline = page_title_whole(lines[0].text)
    start = after_headline(lines, (start, end), headline) if start > 0 else start
    end = thread_start(lines, (start, end))
    return _Layout(lines, (start, end), headline, suffix)


def _printed_whole(lines: list[Line], start: int) -> bool:
    """Whether the title line is printed again, suffix and all, on a line of its own above
    the article's second line (a site's name is never printed after the headline)."""
    first = lines[0].text
    return any(line.text == first for line in lines[1 : start + 2])


def _remembered(test: Callable[[Line], bool]) -> Callable[[Line], bool]:
    """A test of a line (which reads only its text and word count) remembered per text."""
    known: dict[tuple[str, int], bool] = {}

    def remembered(line: Line) -> bool:
        key = (line.text, line.words)
        found = known.get(key)
        if found is None:
            found = known[key] = test(line)
        return found

    return remembered


def _headline_page(layout: _Layout, meta: Callable[[Line], bool] = is_meta) -> HeadlinePage:
    lines, start = layout.lines, layout.region[0]
    rule = rule_title(lines, start, layout.headline, layout.suffix)
    # A one-word first line with no outlet after it is a menu item ("Home"), never a title.
    # Nor is a path of sections ("Home > News > Regional"), nor "Log in / Register".
    single_word = not layout.suffix and len(layout.headline.split()) < 2
    menu = single_word or breadcrumb(layout.headline) or prompt_pair(lines[0].text)
    return HeadlinePage(lines, start, "" if menu else layout.headline, rule, meta)


def _headline(layout: _Layout, meta: Callable[[Line], bool]) -> str:
    """The learned model's pick among the headline candidates (the page title's headline
    when it wins), else the rules' pick."""
    page = _headline_page(layout, meta)
    if _already_clean(layout.lines, *layout.region):
        return page.rule  # a note: its first line, when it is shaped like a title
    best = choose_headline(page)
    return best.text if best is not None else page.rule


def headline_candidates(text: str) -> list[HeadlineCandidate]:
    """The headline candidates of a page with their signals (for bench/headline_fit.py)."""
    return candidates(_headline_page(_layout(text, "")))


def body_candidates(text: str) -> tuple[list[Line], list[Line], list[Line]]:
    """The article's run of lines, those of them the region rules keep as the body (before
    the body-line model judges them), and the page's lines (for bench/body_fit.py); no
    lines for a clean note."""
    layout = _layout(text, "")
    (start, end), lines = layout.region, layout.lines
    if _already_clean(lines, start, end):
        return [], [], lines
    region = lines[start:end]
    return region, [line for line in region if keep(line)], lines


def extract_html(html: str, *, url: str = "") -> Extracted:
    """The article in an HTML page, by trafilatura; falls back to cleaning the page's text."""
    if not html or not html.strip():
        raise InputError("the page is empty", "check that the download worked")
    # Imported here because trafilatura takes a noticeable time to import and only HTML needs it.
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        include_comments=False,
        include_tables=True,
        # Measured on the dev pages: precision mode F1 0.967, default 0.957, recall 0.956.
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    title = _clean_title(getattr(doc, "title", "") or "")
    body = _paragraphs(getattr(doc, "text", "") or "", title) if doc is not None else ""
    if not body:
        return clean_text(visible_text(html), url=url)
    sitename = (getattr(doc, "sitename", "") or "").strip()
    outlet = known_outlet(sitename) or (outlet_from_url(url) if url else "") or sitename
    if url and sitename and outlet == registrable_domain(url):
        outlet = sitename
    date = _parse_iso(getattr(doc, "date", "") or "")
    return Extracted(
        title=title or _first_words(body.split("\n\n")),
        body=body,
        author=(getattr(doc, "author", "") or "").replace(";", ",").strip(),
        outlet=outlet,
        published=date.when if date else None,
        published_precision=date.precision if date else "zoned",
        url=url,
    )


def _check_text(text: str, filename: str) -> str:
    name = filename or "the input"
    if not text or not text.strip():
        raise InputError(f"{name} is empty", "give a file or page that holds article text")
    # A sample is enough to tell binary from text, and keeps the check cheap on long pages.
    sample = text[:2000] + text[len(text) // 2 : len(text) // 2 + 2000]
    junk = len(_JUNK.findall(sample))
    letters = _letters(sample)
    if junk > 0.05 * len(sample) or letters < 0.4 * len(sample.replace(" ", "")):
        raise InputError(f"{name} does not look like text", "is it a binary file?")
    return _JUNK.sub("", text)


def _letters(text: str) -> int:
    """How many letters (str.isalpha) a text holds: its ASCII letters counted by deleting
    them in C, and its other characters (mostly a few quotes and dashes) one by one."""
    ascii_only = text.encode("ascii", "ignore")
    letters = len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS))
    if len(ascii_only) < len(text):
        letters += sum(map(str.isalpha, _NON_ASCII.findall(text)))
    return letters


def _already_clean(lines: list[Line], start: int, end: int) -> bool:
    """A note or clean article: nothing but a title above the prose, no furniture anywhere.
    Such text is kept whole, lists and short lines included."""
    return (
        start <= 1
        and end == len(lines)
        and not any(line.furniture or line.credit for line in lines)
    )


def _not_byline(line: Line) -> bool:
    return (line.credit or line.furniture or line.end_marker or line.bullet
            or (line.prose and line.words > 20))


def _author(lines: list[Line], anchor: int, start: int, end: int, title: str) -> str:
    """The byline near the headline (or under an earlier printed copy of it), else a
    "Reporting by" credit or a writer's bio after the article."""
    copies = _copies(lines, title, start, anchor) if title else []
    anchors = [anchor, *copies]
    window = range(max(0, min(anchor, start) - 16), min(len(lines), start + META_LOOKAHEAD))
    indices = sorted({*window, *(i for c in copies for i in range(c - 2, c + 5)
                                 if 0 <= i < len(lines))})
    # A line the headline holds is the headline (or its breadcrumbs), never a byline.
    near = [NearLine(i, lines[i].text, _not_byline(lines[i]) or lines[i].text in title)
            for i in indices]
    credited = [a for ln in lines[start:] if (a := reporting_credit(ln.text) or bio_name(ln.text))]
    found = choose_author(near, anchors, [ln.text for ln in lines if ln.words <= 8], credited)
    found = found or next(iter(credited), "")
    return "" if desk_byline(found) else found


def _copies(lines: list[Line], title: str, before: int, anchor: int) -> list[int]:
    """Where the headline is printed above ``before`` besides ``anchor``, a word added or
    left out ("Why you just can't ..." for "Why you can't ...")."""
    mine = set(title.casefold().split())
    low, high = 0.8 * len(mine), 1.25 * len(mine)
    found = []
    for i, line in enumerate(lines[:before]):
        # Cheap test first: a copy has about as many words as the headline.
        if i == anchor or not low <= line.words <= high + 1:
            continue
        words = set(line.text.casefold().split())
        if len(words & mine) >= 0.8 * max(len(words), len(mine)):
            found.append(i)
    return found


def _clean_title(title: str) -> str:
    return MARKDOWN_HEADING.sub("", title).strip().strip("*_").strip()


def _title_from_filename(filename: str) -> str:
    stem = PurePath(filename).stem if filename else ""
    words = re.sub(r"[-_.]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def _first_words(paragraphs: list[Line] | list[str]) -> str:
    first = next((p if isinstance(p, str) else p.text for p in paragraphs), "")
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _body(lines: list[Line], title: str, page: list[Line], meta: Callable[[Line], bool]) -> str:
    """Kept lines as paragraphs, minus the headline, bylines, date lines and copies."""
    position = {id(line): number for number, line in enumerate(page)}
    folded_title = title.casefold()
    last_seen: dict[str, int] = {}
    paragraphs: list[str] = []
    last_block = None
    # With no blank lines at all, each line is the only paragraph mark there is.
    single = one_block(lines)
    for line in lines:
        key, number = line.text.casefold(), position[id(line)]
        # A copy printed right after its first printing is a gallery's or a layout's double;
        # farther down, a repeated line is the article's own (recipes, plans, refrains).
        near = number - last_seen.get(key, -_REPEAT_GAP - 1) <= _REPEAT_GAP
        last_seen[key] = number
        dated = not line.prose and not line.sign_off and meta(line)
        if key == folded_title or near or dated:
            continue
        if line.block == last_block and paragraphs and not single:
            paragraphs[-1] += "\n" + line.text
        else:
            paragraphs.append(line.text)
        last_block = line.block
    return "\n\n".join(paragraphs)


def _outlet(url: str, suffix: str, lines: list[Line], body: str, start: int) -> str:
    """A known site's name, the page title's suffix, the phrase that spells the site's
    address, a copyright owner, the masthead, the wire in the dateline, else the domain."""
    from_url = outlet_from_url(url) if url else ""
    if from_url and from_url != registrable_domain(url):
        return from_url
    short = [ln.text for ln in lines if ln.words <= 12]
    if suffix:
        return known_outlet(suffix) or spelled_out(suffix, short) or suffix
    if url and (name := name_from_page(url, short)):
        return name
    for line in lines[:start + META_LOOKAHEAD]:
        if line.words <= 16 and (name := outlet_in_byline(line.text) or desk_outlet(line.text)):
            return known_outlet(name) or name
    # The page's name for itself before a copyright owner, often its parent company.
    if name := self_named(ln.text for ln in lines if ln.words <= 40):
        return known_outlet(name) or name
    for line in reversed(lines):
        if line.furniture and (name := copyright_outlet(line.text)):
            # A company's initials the page spells out: "NYP" -> "New York Post".
            return known_outlet(name) or spelled_out(name, short) or name
    if name := masthead(lines):
        return known_outlet(name) or name
    if name := attributed_publisher(body, (ln.text for ln in lines if ln.words <= 6)):
        return name
    if name := wire_in_dateline(body):
        return known_outlet(name) or name
    return from_url


def _dropped(lines: list[Line], body: str, title: str, parts: Parts) -> tuple[str, ...]:
    """The input's lines that are in no part of the article, in page order."""
    kept = set(body.splitlines()) | {title, parts.standfirst}
    kept |= {c for caption in parts.captions for c in (caption, caption.split(" (")[0])}
    return tuple(ln.text for ln in lines if ln.text not in kept)


def _paragraphs(text: str, title: str) -> str:
    """trafilatura's lines as paragraphs, without the headline it sometimes repeats on top
    or the comment and share prompts it leaves at the end."""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    # Comment prompts and share bars inside <article> come through as the last lines.
    while paragraphs and is_furniture(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _parse_iso(text: str) -> FoundDate | None:
    found = find_date(text) if text else None
    # trafilatura prints a bare day as midnight with no zone.
    if found and found.precision == "local" and (found.when.hour, found.when.minute) == (0, 0):
        return FoundDate(found.when, "day")
    return found
