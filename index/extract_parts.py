"""The parts of an article besides its body: the standfirst under the headline and the photo
captions with their credits, told apart from the body's prose by shape and position."""

# Typographic dashes are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.extract_lines import Line

# Words that open a caption: "FILE - A convoy ...", "FILE PHOTO: ...", "In this photo ...".
_CAPTION_START = re.compile(
    r"^(?:file(?: photo)?\s*[-–—:]|\(?file photo\)?|in this (?:file )?(?:photo|image|picture)"
    r"|pictured\s*:|above\s*:|top\s*:|photo\s*:|image\s*:|caption\s*:|image caption\b"
    r"|video\s*:)",
    re.IGNORECASE,
)
# Photo agencies and wires, as they close a credit.
_AGENCIES = (
    r"(?:ap|afp|epa|reuters|getty(?: images)?|associated press|bloomberg|shutterstock|alamy"
    r"|xinhua|dpa|ansa|anadolu(?: agency)?|sipa|efe|pool|handout|istock(?:photo)?"
    r"|nurphoto|zuma(?: press)?|imago|tass|kyodo|yonhap|pa(?: images| media| wire)?)"
)
# "... in Austria. Jane Doe / Reuters file": a photographer's name and an agency.
_NAME_AGENCY = (r"[.!?]\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s*/\s*(?:[\w.'’-]+\s*/\s*)?"
                + _AGENCIES + r"(?:\s+file)?")
# A credit closing a caption: "... on Tuesday. (AP Photo/Jane Doe)", "... June 30. [CTS]",
# "... in Austria. Jane Doe / Reuters file".
_CREDIT_END = re.compile(
    r"(?:\((?:[^()]{0,40}\b(?:photo|image|picture|credit|via)\b[^()]{0,60})\)"
    r"|\[[A-Z]{2,6}\]|\b(?:submitted|file|staff|courtesy|handout) (?:photo|image)"
    r"|" + _NAME_AGENCY + r")\W*$",
    re.IGNORECASE,
)
# The same photographer-and-agency credit alone: it marks a caption of any length.
_NAME_AGENCY_END = re.compile(_NAME_AGENCY + r"\W*$", re.IGNORECASE)
# For credit lines such as "Jane Doe, AP" or "Jane Doe | Getty".
_AGENCY = re.compile(r"\b(?:" + _AGENCIES + r"|file)\W*$", re.IGNORECASE)
# A credit in brackets, a name and nothing else: "(Walt Disney Co.)", "(Jane Doe)".
_BRACKETED_NAME = re.compile(r"^\((?:[A-Z][\w.&'’-]*\s?){2,5}\)$")
# A photo gallery's counter: "Image 2 of 5", "1 / 23".
_GALLERY_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}$",
    re.IGNORECASE,
)
# A photo agency's name run on after the caption's last sentence, with no stop:
# "A stock image of a woman holding a joint. Getty" (a wire's sign-off, "... the US. PTI",
# is not a photo agency's and stays in the body).
_AGENCY_TAIL = re.compile(r"[.!?]\s+(" + _AGENCIES + r")$", re.IGNORECASE)
# An agency in brackets closing a caption: "... in Nogales, Ariz. (AP)", in the agency's
# own capitals ("(ePA)" is an abbreviation in a sentence).
_AGENCY_BRACKETS = re.compile(r"\((" + _AGENCIES + r")\)\W*$", re.IGNORECASE)
# A media player's caption label: the short lines right above it are the player's own.
_MEDIA_LABEL = re.compile(r"^(?:media|image|video) caption\b", re.IGNORECASE)
_MAX_PLAYER_WORDS = 12
# A credit line opened by its label: "Photo: ...", "(Image: © ...)", "Photograph by ...".
_CREDIT_LABEL = re.compile(r"^\(?(?:photo(?:graph)?|image|picture|credit)s?\b", re.IGNORECASE)
# A credit as the last sentence of a long caption: "... during the cruise phase. Credit: ESA".
# An article's paragraph never signs off with a credit label; a picture's caption does.
_CREDIT_SENTENCE = re.compile(
    r"[.!?)]\s+(?:photo |image |picture )?credits?\s*:\s*(?:\S+\s*){1,8}$", re.IGNORECASE)
_CLOSERS = "\"'”’»)] "
_STOPS = frozenset(".!?…")
_QUOTES = re.compile(r"[\"“”«»]|\s'|'\s")
_MIN_CAPTION_WORDS = 3  # words before an agency's name that make a caption
_MAX_WORDS = 35  # a caption is shorter than this, unless a credit frames it
_MAX_FRAMED_WORDS = 70  # wire captions under a photo, its credit in the same block
_CREDIT_SEPARATOR = re.compile(r"\s*[/|,]\s*|\s+via\s+")


@dataclass(frozen=True, slots=True)
class Parts:
    """Body lines with the standfirst and captions taken out, and those parts."""

    body: list[Line]
    standfirst: str
    captions: tuple[str, ...]


def credit_line(line: Line) -> bool:
    """A photo credit on its own line: "Jane Doe, AP", "(Jane Doe / Associated Press)",
    "Jane Doe | Bloomberg | Getty Images", "Jane Doe/Getty Images"."""
    if line.credit:
        return True
    text = line.text.strip()
    if line.words > 10 or text.endswith((".", "!", "?", ":")):
        return False
    inner = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    parts = [p for p in _CREDIT_SEPARATOR.split(inner) if p]
    agency = _AGENCY.search(inner) or (text.startswith("(") and "/" in inner)
    return len(parts) >= 2 and bool(agency)


def is_caption(line: Line, following: Line | None) -> bool:
    """A photo caption: opened like one ("FILE - ..."), closed by a credit, or followed by
    a credit line."""
    text = line.text
    if ("redit" in text and _CREDIT_SENTENCE.search(text)) or (
            "/" in text and _NAME_AGENCY_END.search(text)):
        return True
    if line.words > _MAX_WORDS:  # a paragraph, even when an image's credit follows it
        return False
    if _CAPTION_START.match(text) or _CREDIT_END.search(text) or _agency_tail(text):
        return True
    if following is None or following.block - line.block > 1:
        return False
    if _over_media_label(line, following):
        return True
    if _QUOTES.search(text):  # quoted speech is the story's, unless a labelled credit
        return _labelled_credit(following)  # names the picture under it ("(Image credit: X)")
    return _bare_credit(following) or _named_under(line, following)


def _over_media_label(line: Line, following: Line) -> bool:
    """A player's notice or title right above its caption label ("Media playback is
    unsupported on your device" / "Media caption ..."): short, no sentence's stop."""
    return (line.words <= _MAX_PLAYER_WORDS and line.text.rstrip(_CLOSERS)[-1:] not in _STOPS
            and bool(_MEDIA_LABEL.match(following.text)))


def _labelled_credit(line: Line) -> bool:
    """A bare credit line that says it is one, alone in its block: "(Image credit: Jane
    Doe)" ("Image copyright EPA" over "Image caption ..." is the credit of the photo below)."""
    return line.block_size == 1 and bool(_CREDIT_LABEL.match(line.text)) and _bare_credit(line)


def _named_under(line: Line, following: Line) -> bool:
    """A caption with no stop at its end and a name in brackets under it in the same block
    ("Kevin Mayer, who oversees the service" / "(Walt Disney Co.)"); a sentence that a
    sign-off such as "(Associated Press)" closes is the story's last paragraph."""
    return (following.block == line.block and bool(_BRACKETED_NAME.match(following.text))
            and line.text.rstrip(_CLOSERS)[-1:] not in _STOPS)


def _agency_tail(text: str) -> bool:
    """A caption closed by a photo agency's name, bare or in brackets, in its own capitals
    ("... Getty", "... (AP)", "... (Reuters)")."""
    found = _AGENCY_TAIL.search(text) or _AGENCY_BRACKETS.search(text)
    if not found or len(text[: found.start()].split()) < _MIN_CAPTION_WORDS:
        return False  # a sign-off on its own line ("(Associated Press)") is no caption
    name = found.group(1)
    return name[0].isupper() and (name.isupper() or name[1:].islower() or " " in name)


def framed_caption(lines: list[Line], i: int) -> bool:
    """A caption with its photo's credit under it in the same block of lines, perhaps after
    a cut copy of itself (galleries print "... unveil the car at" and "... at."): wire
    captions run longer than a paragraph-sized caption, and the shared block tells them
    from a paragraph that happens to sit above an image."""
    line = lines[i]
    if line.words > _MAX_FRAMED_WORDS or line.credit or line.furniture:
        return False
    for after in lines[i + 1 : i + 3]:
        if after.block != line.block:
            return False
        if _bare_credit(after):
            return True
        if not _near_copy(line.text, after.text):
            return False
    return False


def _near_copy(one: str, other: str) -> bool:
    """Two printings of one caption: equal, or one a cut copy of the other's start
    ("... unveil the car at... more" under "... unveil the car at the show. less")."""
    shared = next((k for k, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
                  min(len(one), len(other)))
    return shared >= 40 and shared >= 0.7 * min(len(one), len(other))


def _bare_credit(line: Line) -> bool:
    """A credit line with no caption of its own ("Jane Doe / AP", "(Image: © Jane Doe)",
    "Photo: Gene J. Doe", not "Smoke rises. (Photo: AP)", which is a caption itself)."""
    text = line.text
    if _CREDIT_LABEL.match(text):
        return credit_line(line)
    return credit_line(line) and ". " not in text and not _CREDIT_END.search(text)


def split_parts(lines: list[Line], kept: list[Line], anchor: int | None,
                is_meta: Callable[[Line], bool]) -> Parts:
    """Take the standfirst and the captions (each with its credit) out of the kept lines.
    ``anchor`` is where the headline is printed (None: not printed above the article)."""
    position = {id(line): i for i, line in enumerate(lines)}
    standfirst = _standfirst(lines, anchor, is_meta) if anchor is not None else ""
    captions: list[str] = []
    caption_lines: set[str] = set()
    caption_ids: set[int] = set()
    # Photos often sit between the headline and the body: their captions count too.
    first = position[id(kept[0])] if kept else len(lines)
    header = [ln for ln in lines[anchor + 1 : first] if not (
        ln.furniture or ln.credit or credit_line(ln) or is_meta(ln)
        or _GALLERY_COUNTER.match(ln.text))] if anchor is not None else []
    for line in header + kept:
        i = position[id(line)]
        following = lines[i + 1] if i + 1 < len(lines) else None
        if standfirst and line.text == standfirst:
            continue
        if (is_caption(line, following) or framed_caption(lines, i)
                or _between_credit_and_byline(lines, i, is_meta)
                or _after_gallery_counter(lines, i)):
            caption_lines.add(line.text)
            caption_ids.add(id(line))
            credit = f" ({following.text.strip('() ')})" if following and credit_line(
                following) and not line.credit else ""
            if (text := line.text + credit) not in captions:
                captions.append(text)
    # Galleries print a caption twice, once without its credit: both copies are the caption.
    # A copy printed as a paragraph of its own is the article's: photo galleries reprint
    # the story's own sentences under its pictures.
    body = [line for line in kept if id(line) not in caption_ids
            and (line.text not in caption_lines or line.block_size == 1)
            and not (standfirst and line.text == standfirst)]
    return Parts(body, standfirst, tuple(captions))


def _after_gallery_counter(lines: list[Line], i: int) -> bool:
    """A gallery's caption: the line right under "Image 2 of 5"."""
    return (i > 0 and lines[i].words <= _MAX_FRAMED_WORDS
            and bool(_GALLERY_COUNTER.match(lines[i - 1].text)))


def _between_credit_and_byline(lines: list[Line], i: int,
                               is_meta: Callable[[Line], bool]) -> bool:
    """A caption printed under its photo's credit: a short line between a bare credit line
    and the byline or date line ("Jane Doe | Getty Images" / caption / "By Ann Roe")."""
    if i == 0 or i + 1 >= len(lines) or lines[i].words > _MAX_WORDS:
        return False
    return _bare_credit(lines[i - 1]) and is_meta(lines[i + 1])


def _standfirst(lines: list[Line], anchor: int, is_meta: Callable[[Line], bool]) -> str:
    """The sentence or two printed right under the headline: a prose line next to it that a
    byline, a date line or page furniture follows before the body's prose does."""
    for i in range(anchor + 1, min(anchor + 3, len(lines))):
        line = lines[i]
        if is_meta(line) or line.furniture or line.credit:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if (not 6 <= line.words <= 60 or line.text.endswith(":")
                or is_caption(line, following) or framed_caption(lines, i)
                or (i > 0 and _after_gallery_counter(lines, i))):
            return ""
        return line.text if _meta_follows(lines, i, is_meta) else ""
    return ""


def _meta_follows(lines: list[Line], i: int, is_meta: Callable[[Line], bool]) -> bool:
    for after in lines[i + 1 : i + 4]:
        if is_meta(after) or after.furniture:
            return True
        if after.prose or is_caption(after, None):
            return False
    return False
