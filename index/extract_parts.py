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
    r"|pictured\s*:|above\s*:|top\s*:|photo\s*:|image\s*:|caption\s*:|image caption\b)",
    re.IGNORECASE,
)
# A credit closing a caption: "... on Tuesday. (AP Photo/Jane Doe)", "... June 30. [CTS]".
_CREDIT_END = re.compile(
    r"(?:\((?:[^()]{0,40}\b(?:photo|image|picture|credit|via)\b[^()]{0,60})\)"
    r"|\[[A-Z]{2,6}\])\W*$",
    re.IGNORECASE,
)
# Photo agencies and wires, for credit lines such as "Jane Doe, AP" or "Jane Doe | Getty".
_AGENCY = re.compile(
    r"\b(?:ap|afp|epa|reuters|getty(?: images)?|associated press|bloomberg|shutterstock|alamy"
    r"|xinhua|dpa|ansa|anadolu(?: agency)?|sipa|efe|pool|handout|file|istock(?:photo)?"
    r"|nurphoto|zuma(?: press)?|imago|tass|kyodo|yonhap|pa(?: images| media| wire)?)\W*$",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"“”«»]|\s'|'\s")
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
    if line.words > 35:  # a paragraph, even when an image's credit follows it
        return False
    if _CAPTION_START.match(text) or _CREDIT_END.search(text):
        return True
    # Quoted speech is the story's, not a picture's.
    return (following is not None and line.words <= 35 and following.block - line.block <= 1
            and not _QUOTES.search(text) and _bare_credit(following))


def _bare_credit(line: Line) -> bool:
    """A credit line with no caption of its own ("Jane Doe / AP", not "Smoke rises. (Photo:
    AP)", which is a caption itself)."""
    return credit_line(line) and ". " not in line.text and not _CREDIT_END.search(line.text)


def split_parts(lines: list[Line], kept: list[Line], anchor: int | None,
                is_meta: Callable[[Line], bool]) -> Parts:
    """Take the standfirst and the captions (each with its credit) out of the kept lines.
    ``anchor`` is where the headline is printed (None: not printed above the article)."""
    position = {id(line): i for i, line in enumerate(lines)}
    standfirst = _standfirst(lines, anchor, is_meta) if anchor is not None else ""
    captions: list[str] = []
    body: list[Line] = []
    for line in kept:
        i = position[id(line)]
        following = lines[i + 1] if i + 1 < len(lines) else None
        if standfirst and line.text == standfirst:
            continue
        if is_caption(line, following):
            credit = f" ({following.text.strip('() ')})" if following and credit_line(
                following) and not line.credit else ""
            if (text := line.text + credit) not in captions:
                captions.append(text)
            continue
        body.append(line)
    return Parts(body, standfirst, tuple(captions))


def _standfirst(lines: list[Line], anchor: int, is_meta: Callable[[Line], bool]) -> str:
    """The sentence or two printed right under the headline: a prose line next to it that a
    byline, a date line or page furniture follows before the body's prose does."""
    for i in range(anchor + 1, min(anchor + 3, len(lines))):
        line = lines[i]
        if is_meta(line) or line.furniture or line.credit:
            continue
        if not 6 <= line.words <= 60 or line.text.endswith(":"):
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
