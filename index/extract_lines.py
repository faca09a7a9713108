"""Line classification for scraped page text: prose, page furniture, and the main region."""

# Typographic dashes, quotes and full-width marks are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"^[-+]?\d[\d.,:%]*$")
# An embedded post (a tweet quoted in the article) signs off with its author, handle and date.
_SIGN_OFF = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s.{0,30}\d{4}\W*$")
_TABLE_ROW_WEIGHT = 2.0  # a table's row argues for the article like a short sentence
_TABLE_ROWS = 5  # lines of a numeric table, at least
_ROW_NUMBERS = 3  # numbers on a table's row, at least
# Only runs that need changing: matching every single space would triple the cost.
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f]")
# Every _SPACE match holds two spaces or one of these; most pages have neither, and looking
# for them is cheaper than trying _SPACE at every single space.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u3000]")
# A short line that is one of these is page furniture, whatever page it sits on.
_FURNITURE = re.compile(
    r"^(?:[\W_]*(?:share(?: this| on| via)?(?: article| story| page| post)?|tweet|e-?mail|print"
    r"|comments?|\d+\s+comments?|leave a comment|post a comment|view comments|add comment"
    r"|read (?:more|next|also|the original)|continue reading|see more|show more|load more"
    r"|trending(?: now| stories| topics)?|most (?:read|popular|viewed|shared)|popular"
    r"|related(?: articles| stories| news| content| topics| posts| coverage)?|you may also like"
    r"|recommended(?: for you)?|more (?:from|on|in|stories|news)\b.*|advertisement|advertising"
    r"|sponsored(?: content)?|promoted|ad|ads|sign (?:in|up)|log ?in|log ?out|register"
    r"|subscribe(?: now| today)?|newsletters?|follow us(?: on)?.*|skip to (?:main )?content"
    r"|skip to navigation|accessibility(?: links| help)?|menu|main menu|search|close|open"
    r"|home|homepage|back to top|top|next|previous|prev|loading\W*|click here.*|whatsapp"
    r"|facebook|twitter|linkedin|reddit|pinterest|instagram|youtube|telegram|flipboard"
    r"|messenger|copy link|copied|breaking news|breaking|live|latest(?: news)?|news|video"
    r"|videos|photos?|gallery|watch|listen|tags?|topics?|filed under.*|cookies?"
    r"|privacy(?: policy)?|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?"
    r"|site ?map|rss(?: feed)?|(?:[+-]\s*a\s*){2}|(?:a\s+){2}a|xs\s+sm\s+md\s+lg|text size"
    r"|font size|listen to (?:this )?article|save(?: article)?|bookmark|like|reply|report"
    r"|you are here:?|image|photo|caption|expand|collapse|embed|hide caption"
    r"|toggle caption|enlarge this image|full screen|view gallery"
    # a share bar flattened into one line: "Whatsapp Facebook Pint Download"
    r"|(?:(?:whatsapp|facebook|twitter|pinterest|pint|linkedin|reddit|e-?mail|print|share"
    r"|tweet|telegram|google\+|messenger|copy link|flipboard|sms)[\W_]*){2,}\w*)[\W_]*)$",
    re.IGNORECASE,
)
# Headings that open the block after an article (teasers, comments): the article ends there.
_END_MARKER = re.compile(
    r"^[\W_]*(?:(?:top rated |latest |most |more |related |recent |\d+ )?comments?\b"
    r"|related\b|recommended\b|you (?:may|might) (?:also )?like|read next\b"
    r"|more (?:from|on|in|stories|news|articles|headlines)\b|more \w+ \w+$"
    r"|latest (?:headlines|news|stories|posts)"
    r"|most (?:read|popular|viewed|shared|recent)|popular\b|trending\b|editor'?s picks"
    r"|around the web|from the web|promoted stories|further reading|what to read next"
    r"|share your thoughts|join the conversation|leave a (?:reply|comment)|post a comment)",
    re.IGNORECASE,
)
# Phrases that make even a long line page furniture: footers, cookie and sign-up notices.
_NOTICE = re.compile(
    r"all rights reserved|©|\(c\) (?:19|20)\d\d|copyright (?:©\s*)?(?:19|20)\d\d|uses? cookies"
    r"|use of cookies|cookie (?:policy|settings|preferences)|privacy policy"
    r"|terms of (?:use|service)|sign up (?:for|to) (?:our|the)\b.*newsletter"
    r"|subscribe to (?:our|the)\b.*newsletter"
    r"|enable javascript|javascript is disabled|ad ?blocker|your browser (?:does not|doesn't)"
    r"|may not be (?:published|reproduced|redistributed)|reproduction (?:in whole|without)"
    r"|this (?:article|story|content) (?:is|was) (?:only )?available to"
    r"|already a subscriber|subscribe (?:now|today) (?:for|to)|unlimited (?:digital )?access",
    re.IGNORECASE,
)
_NOTICE_OPENING = 6  # words before the notice phrase in a long notice line
# Every _NOTICE match contains one of these (lowercase) substrings.
_NOTICE_KEYS = (
    "rights reserved", "©", "(c) ", "copyright", "cookie", "privacy policy", "terms of",
    "newsletter", "javascript", "blocker", "your browser", "may not be", "reproduction",
    "available to", "subscribe", "unlimited",
)  # fmt: skip
# Photo credits and caption labels, with or without the caption text after them.
_CREDIT = re.compile(
    r"^\W*(?:image|photo|picture|video|graphic)(?:\s*(?:source|caption|credit)s?)\s*[,:]"
    r"|^\W*(?:photo(?:graph)?|image|credit|pictured|picture|source)\s*:\s*\S.{0,60}$"
    r"|^\W*\(?(?:photo|image|picture|credit)s?\s*(?:credit)?\s*:[^)]{1,60}\)?\W*$"
    r"|^[\w .&/-]{2,50}(?:/|\s)(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)\W*$"
    r"|^\W*(?:getty images|afp|reuters|ap photo|epa|shutterstock|alamy)(?:\s*via\s*[\w ]+)?\W*$"
    r"|^.*\((?:photo|image|picture|file photo|credit)s?\b[^()]{0,60}\)\W*$"
    # "Photo by Jane Doe", "Photograph courtesy of the museum"
    r"|^\W*(?:photo(?:graph)?s?|images?|pictures?)\s+(?:by|courtesy(?: of)?)\s+\S.{0,50}$",
    re.IGNORECASE,
)
# A caption with its credit run on at the end: "Farmers at work. Image source, Getty Images".
_CREDIT_TAIL = re.compile(
    r"\b(?:image source|image caption|photograph|photo credit|credit)\s*[,:]\s*[^.!?]{1,60}$"
    r"|\bimage caption\W*$",
    re.IGNORECASE,
)
_CREDIT_TAIL_KEYS = ("image", "photograph", "credit")  # every _CREDIT_TAIL match holds one
_ENDS = frozenset(".!?…:;。！？")
_CLOSERS = "\"'”’»)] "
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_INNER_PUNCT = re.compile(r"[,.;:!?，。、]")
_TEASER_ENDS = ("…", "...", "[…]", "[...]", "…]", "…)")
_BULLET = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")
_SEPARATOR = re.compile(r"\s+[|｜•·]\s+")
_WORD_EDGES = "\"'‘’“”(),:;?!.-—–"
# Words a sentence leaves in lower case and a headline capitalises.
_SMALL_WORDS = frozenset((
    "to", "in", "of", "for", "and", "with", "on", "at", "a", "an", "the", "is", "are", "from",
    "by", "as", "after", "before", "into", "over",
))  # fmt: skip


@dataclass(slots=True)
class Line:
    """One non-blank line of the page and what it looks like."""

    text: str
    words: int
    block: int  # index of the run of adjacent non-blank lines it belongs to
    block_size: int = 1
    run: int = 1  # how many non-prose lines in a row this one sits among
    prose: bool = False
    furniture: bool = False
    end_marker: bool = False
    credit: bool = False
    bullet: bool = False
    table: bool = False  # a row of a numeric table a sentence introduces
    sign_off: bool = False  # an embedded post's "— Jane Doe (@jane) May 3, 2019"


def split_lines(text: str) -> list[Line]:
    """Non-blank, whitespace-collapsed lines, grouped into blocks by blank lines."""
    if "  " in text or _ODD_SPACE.search(text):
        text = _SPACE.sub(" ", text)
    raws = text.splitlines()
    notices = _notice_lines(raws)
    lines: list[Line] = []
    block = 0
    for number, raw in enumerate(raws):
        clean = raw.strip()
        if not clean:
            block += 1
            continue
        line = Line(clean, _word_count(clean), block)
        line.furniture = number in notices and (
            line.words <= 80 or _opens_with_notice(clean))
        lines.append(line)
    sizes: dict[int, int] = {}
    for line in lines:
        sizes[line.block] = sizes.get(line.block, 0) + 1
    for line in lines:
        line.block_size = sizes[line.block]
        _classify(line)
    _mark_tables(lines)
    _mark_runs(lines)
    return lines


def _notice_lines(raws: list[str]) -> set[int]:
    """Numbers of the lines holding a footer or notice phrase.

    Plain substring search for key words over the whole page finds the few candidate lines;
    running the full pattern over every line costs about a millisecond a page.
    """
    joined = "\n".join(raws)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a few characters change length when lowered
        candidates = {n for n, raw in enumerate(raws) if _has_notice_key(raw.lower())}
    else:
        starts = list(accumulate((len(raw) + 1 for raw in raws), initial=0))
        candidates = set()
        for key in _NOTICE_KEYS:
            at = lowered.find(key)
            while at >= 0:
                candidates.add(bisect_right(starts, at) - 1)
                at = lowered.find(key, at + 1)
    return {n for n in candidates if _NOTICE.search(raws[n])}


def _opens_with_notice(text: str) -> bool:
    """A long notice says what it is in its first words ("This website uses cookies to
    ..."); an article paragraph that mentions cookies or copyright does so further in."""
    found = _NOTICE.search(text)
    return found is not None and len(text[: found.start()].split()) < _NOTICE_OPENING


def _has_notice_key(lowered: str) -> bool:
    return any(key in lowered for key in _NOTICE_KEYS)


def _mark_tables(lines: list[Line]) -> None:
    """Mark the rows of numeric tables that a sentence ending in a colon introduces
    ("The standings after 36 races:" over "1 Kyle Doe 5040 5 1 17 27"): short lines,
    but the article's, where a block of short lines is otherwise a menu."""
    start = 0
    while start < len(lines):
        end = start + lines[start].block_size
        block = lines[start:end]
        if (len(block) >= _TABLE_ROWS and start > 0 and lines[start - 1].prose
                and lines[start - 1].text.endswith(":")
                and sum(_numeric_row(ln.text) for ln in block) >= 0.8 * len(block)):
            for line in block:
                line.table = not line.furniture
        start = end


def _numeric_row(text: str) -> bool:
    return sum(bool(_NUMBER.match(token)) for token in text.split()) >= _ROW_NUMBERS


def _mark_runs(lines: list[Line]) -> None:
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or lines[i].prose:
            for line in lines[start:i]:
                line.run = i - start
            start = i + 1


def _word_count(text: str) -> int:
    """Words, counting two CJK characters as one since those scripts do not use spaces."""
    words = len(text.split())
    if text.isascii():
        return words
    return max(words, len(_CJK.findall(text)) // 2)


def _classify(line: Line) -> None:
    text = line.text
    line.bullet = bool(_BULLET.match(text))
    line.sign_off = "(@" in text and bool(_SIGN_OFF.match(text))
    if line.words <= 12 and not line.furniture:
        line.furniture = bool(_FURNITURE.match(text))
        line.end_marker = line.words <= 6 and bool(_END_MARKER.match(text))
    # "(Image: © Jane Doe)" is a credit even though its © makes it a notice too.
    if line.words <= 40 and (not line.furniture or "©" in text):
        line.credit = bool(_CREDIT.match(text)) or _credit_tail(text)
    ends = text.rstrip(_CLOSERS)[-1:] in _ENDS
    # A line cut off with an ellipsis is a teaser for another page, not this article's prose.
    # A long line with no punctuation at all is a tag cloud or a menu flattened into one line.
    # The cheap tests of shape first: most lines of a page are short menu items.
    line.prose = (
        not line.furniture
        and (
            (line.words >= 8 and ends)
            or (line.words >= 20 and bool(_INNER_PUNCT.search(text)))
            or (line.words >= 5 and ends and "." in text)
        )
        and not text.endswith(_TEASER_ENDS)
        and not title_case(text)
        and not headed_teaser(text)
    )


def _credit_tail(text: str) -> bool:
    # The substring test first: the pattern itself is slow to try at every position.
    lowered = text.lower()
    return any(key in lowered for key in _CREDIT_TAIL_KEYS) and bool(_CREDIT_TAIL.search(text))


def headed_teaser(text: str) -> bool:
    """A link to another article, its headline and summary run together on one line
    ("Ford Recalls F-150s In Canada The carmaker said on Monday ..."): five or more capitalised
    words open it, among them a small word capitalised the headline way ("In", "To")."""
    words = text.split(maxsplit=12)
    run = small = 0
    for i, word in enumerate(words[:12]):
        core = word.strip(_WORD_EDGES)
        if not core:  # a dash: what follows starts a new sentence
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            break
        run += 1
        after_stop = i == 0 or words[i - 1].endswith((".", ":", "?", "!", "-", "—", "–"))
        small += core.casefold() in _SMALL_WORDS and not after_stop
    return run >= 5 and small >= 1 and len(words) > run + 3


def title_case(text: str) -> bool:
    """Headline Style Capitals On Most Words: a headline or link, not a sentence."""
    if ". " in text:  # a sentence ends inside it; the cheapest test first
        return False
    words = [w for w in text.split() if len(w) > 3]
    if len(words) < 4 or len(words) > 25:
        return False
    capitals = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    return capitals >= 0.7 * len(words)


def weight(line: Line) -> float:
    """How much a line argues for being inside the article (negative: against)."""
    if line.end_marker:
        return -20.0
    if line.furniture:
        return -6.0
    if line.table:
        return _TABLE_ROW_WEIGHT
    if line.prose:
        # Prose packed with other lines in one block is more often a list of teasers.
        return min(line.words, 80) ** 0.9 * (0.5 if line.block_size >= 3 else 1.0)
    if line.credit:
        return -1.0
    if line.bullet:
        return 0.5
    # Runs of short lines are menus and link lists; a lone short line is a heading.
    return -3.0 if line.block_size >= 3 or line.run >= 3 else -1.0


def main_region(lines: list[Line]) -> tuple[int, int]:
    """The [start, end) span of lines with the greatest total weight (the article core).

    Cutting hard at "Comments" or "Related" headings was tried and lost recall: such
    headings also sit inside articles. A heavy negative weight lets prose bridge them.
    """
    return _heaviest(lines, 0, len(lines))[1]


def _heaviest(lines: list[Line], lo: int, hi: int) -> tuple[float, tuple[int, int]]:
    """Maximum-sum contiguous span of line weights within [lo, hi) (Kadane)."""
    best, best_span = 0.0, (lo, lo)
    running, start = 0.0, lo
    for i in range(lo, hi):
        if running <= 0:
            running, start = 0.0, i
        running += weight(lines[i])
        if running > best:
            best, best_span = running, (start, i + 1)
    return best, best_span


def is_furniture(text: str) -> bool:
    """Whether a line is page furniture, alone or as a bar of such items
    ("Leave a comment · 0 Comments", "Share | Print")."""
    parts = [part for part in _SEPARATOR.split(text.strip()) if part]
    return bool(parts) and all(_furniture_part(part) for part in parts)


def _furniture_part(text: str) -> bool:
    words = _word_count(text)
    return bool(
        (words <= 12 and _FURNITURE.match(text))
        or (words <= 6 and _END_MARKER.match(text))
        or (words <= 80 and _NOTICE.search(text))
    )


def keep(line: Line) -> bool:
    """Whether a line inside the main region belongs in the body."""
    if line.sign_off:  # the article quotes the post
        return True
    if line.furniture or line.credit or line.end_marker:
        return False
    if line.prose or line.bullet or line.table:
        return True
    return line.block_size <= 2 and line.words >= 2
