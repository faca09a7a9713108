"""Where the article starts and ends inside the heaviest run of lines: after its own printed
headline, and before a thread of reader comments."""

from __future__ import annotations

import re

from index.extract_dates import find_date
from index.extract_lines import Line

# "2 days ago at 07:52 am", "3h ago": a comment's time stamp when no date is printed.
_AGO = re.compile(r"\b\d{1,3}\s*(?:min(?:ute)?s?|m|h(?:ou)?rs?|hours?|h|days?|d|weeks?|w)"
                  r"\s+ago\b", re.IGNORECASE)
_QUOTE_SIGN_OFF = ("—", "–", "-", "~")  # noqa: RUF001 (typographic dashes on purpose)
_STAMP_WORDS = 12  # a time stamp line is short: a name, a date, "said:" at most
_BACK_OFF = 3  # lines above the first stamp that may head the thread (name, "Comments")
_MIN_KEPT_WORDS = 60  # never cut an article down to less prose than this
_WORD = re.compile(r"\w+")
_ABOUT_REACH = 20  # words into the paragraph under an "About X" heading that name X again


def after_headline(lines: list[Line], region: tuple[int, int], headline: str) -> int:
    """The region's new start when the page prints its own headline inside it: everything
    above that line is the page around the article (teaser lists, menus)."""
    start, end = region
    if not headline:
        return start
    folded = headline.casefold()
    # Printed on its own: in a block with other lines it is a photo gallery's title.
    printed = [i for i in range(start, end)
               if lines[i].block_size <= 2 and lines[i].text.casefold() == folded]
    if not printed:
        return start
    after = printed[0] + 1
    words = sum(ln.words for ln in lines[after:end] if ln.prose)
    return after if words >= _MIN_KEPT_WORDS else start


def thread_start(lines: list[Line], region: tuple[int, int]) -> int:
    """The region's new end when reader comments follow the article: two or more short time
    stamp lines, each with prose after it, below the article's first prose."""
    start, end = region
    first_prose = next((i for i in range(start, end) if lines[i].prose), end)
    stamps = [i for i in range(first_prose + 1, end) if _stamp(lines[i])
              and _prose_follows(lines, i, end)]
    if len(stamps) < 2:
        return end
    cut = stamps[0]
    # The commenter's name, a "Comments" heading or "12 thoughts on ..." sit just above.
    while cut > first_prose + 1 and stamps[0] - cut < _BACK_OFF and not lines[cut - 1].prose:
        cut -= 1
    kept = sum(ln.words for ln in lines[start:cut] if ln.prose)
    return cut if kept >= _MIN_KEPT_WORDS else end


def _stamp(line: Line) -> bool:
    # "Sam K. on May 3 at 6:02 pm said:" reads as a sentence, but it introduces one.
    if line.words > _STAMP_WORDS or (line.prose and not line.text.endswith(":")):
        return False
    # An embedded post quoted in the article signs off with its date: "— Jane Doe (@jane)
    # November 1, 2019". That closes a quote; it does not open a reader's comment.
    if line.text.startswith(_QUOTE_SIGN_OFF) or "(@" in line.text:
        return False
    return bool(_AGO.search(line.text)) or find_date(line.text) is not None


def _prose_follows(lines: list[Line], i: int, end: int) -> bool:
    return any(ln.prose for ln in lines[i + 1 : min(end, i + 4)])


def without_bio(lines: list[Line], author: str) -> list[Line]:
    """The body lines without the writer's bio that closes many articles ("Jane Doe is a
    freelance writer based in ..."), and whatever follows it: a line in the last third of
    the body that opens with the byline's name and goes on to say who they are."""
    if not author or len(author.split()) > 4 or len(lines) < 3:
        return lines
    bio = re.compile(re.escape(author) + r"\s+(?:is|was|has|writes|covers|reports)\b",
                     re.IGNORECASE)
    for i in range(len(lines) - 1, (2 * len(lines)) // 3 - 1, -1):
        if bio.match(lines[i].text):
            # The name or "About Jane Doe" just above belongs to the bio box.
            cut = i - 1 if i > 0 and author.casefold() in lines[i - 1].text.casefold() \
                and lines[i - 1].words <= 6 else i
            return lines[:cut]
    return lines


def without_about_box(lines: list[Line]) -> list[Line]:
    """The body lines without an "About <name>" box closing them ("About Acme", "Über Jane
    Doe", "Sobre Ana Lima" over a paragraph that begins by naming them again), in any
    language: a short heading in the last third whose words after the first are all
    capitalised and all printed again in the prose line under it."""
    for i in range((2 * len(lines)) // 3, len(lines) - 1):
        if _about_heading(lines[i], lines[i + 1]):
            kept = sum(ln.words for ln in lines[:i] if ln.prose)
            return lines[:i] if kept >= _MIN_KEPT_WORDS else lines
    return lines


def _about_heading(line: Line, following: Line) -> bool:
    words = line.text.rstrip(":").split()
    if line.prose or not 2 <= len(words) <= 5 or not following.prose:
        return False
    name = words[1:]
    opening = set(_WORD.findall(" ".join(following.text.split()[:_ABOUT_REACH])))
    return all(w[:1].isupper() for w in name) and all(
        set(_WORD.findall(w)) <= opening for w in name)
