"""What makes a sentence fit for a briefing: no captions or credits, facts, no dangling start."""

from __future__ import annotations

import functools
import re

# Photo captions and credits as news pages print them ("FILE - In this 2001 file photo, ...",
# "(Photo: Getty Images)", "Image copyright AFP Image caption ...", "[CTS]").
_CAPTION = re.compile(
    r"^\W*(?:FILE\b|FILE PHOTO|CORRECTS\b|FOR MOVEMENT\b|Image copyright|Image caption|Photo\b"
    r"|Photograph\b|Picture\b|Pictured\b|Caption\b|Credit\b|Enlarge\b|Gallery\b|Watch:|Video:)"
    r"|\[CTS\]|\(Photo\b|\bPhoto(?:graph)?:|\bPhotos?\s+by\b|\bPic(?:ture)?:?\s+[A-Z]"
    r"|Getty Images|\bAP Photo\b|\bfile (?:photo|image|picture)\b|\bundated (?:photo|handout)"
    r"|\bphoto (?:released|provided|taken) by\b|\bis pictured\b|\bare pictured\b"
    r"|\b(?:poses?|posing|stands?) for a (?:portrait|photo(?:graph)?)\b"
    r"|\bin this (?:[\w-]+ ){0,2}(?:photo(?:graph)?|image|picture)\b"
    r"|\((?:Associated Press|AP|Reuters|AFP|EPA)(?: Photo)?\)\s*$|\bCredit:|\bImage:"
    r"|/(?:AP|AFP|Reuters|EPA|Getty|Shutterstock|Invision)\b",
    re.IGNORECASE,
)
# Wire captions date themselves in full: "on Tuesday, Oct. 27, 2009," which prose rarely does.
_CAPTION_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b"
)
# Page furniture that reads like a sentence.
_FURNITURE = re.compile(
    r"\b(?:sign up|subscribe|newsletter|follow (?:us|him|her|them|me)\b|on twitter|on facebook"
    r"|read or share|share this|click here|scroll down|skip ad|autoplay|full screen"
    r"|all rights reserved|copyright \d{4}|reach (?:him|her|them) at|contributed to this report"
    r"|this story has been (?:updated|corrected)|terms of (?:use|service)|privacy policy)\b",
    re.IGNORECASE,
)
# A link, an address or a handle in a short line: "Read or Share this story: https://...".
_LINK = re.compile(r"https?://\S+|www\.\S+|\S+@\w\S*|(?:^|\s)@\w+")
_LINK_LINE_WORDS = 6
# A section label or kicker glued before a sentence: "WORLD NEWS | ", "Analysis:".
_SECTION_LABEL = re.compile(r"^(?:[A-Z][A-Z &]{2,}\s*[|:\u2022]|[A-Z][a-z]+:\s)")
# Openers that lean on an earlier sentence: without it the reader cannot tell who is meant.
_DANGLING = re.compile(
    r"^\W*(?:he|she|it|they|them|his|her|its|their|this|these|those|that|there|such|but|and"
    r"|also|however|meanwhile|instead|still|yet|so|then|the (?:group|company|man|woman|agency"
    r"|move|decision|report|statement|official|incident|attack|plan|deal|bill|latest))\b",
    re.IGNORECASE,
)
# The writer's own voice, outside quotation marks: first person, advice, hedged expectation.
# Reporting says who said so; a note or an opinion piece says what the writer thinks.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|us)\b")
# Searched in the lowercased sentence: three times faster than re.IGNORECASE on an alternation.
_HEDGE = re.compile(
    r"\b(?:should|ought|might|likely|unlikely|probably|perhaps|possibly|presumably|arguably"
    r"|suggests|seems|worth|in my view|it is clear|clearly)\b"
)
# Searched in the lowercased sentence, as _HEDGE.
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|according to|reported|reports|announced|confirmed|added|stated"
    r"|estimated|warned|quoted)\b"
)
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')
# Searched in the lowercased sentence (digits and number words never overlap, so one
# lowercase pattern counts what a case-blind one would).
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten"
                     r"|dozen|hundreds?|thousands?|millions?|billions?)\b")
_DIGIT = re.compile(r"\d")
_NAME = re.compile(r"(?<=[\w,;] )[A-Z][a-z\u00e0-\u00ff]+(?:[- ][A-Z][a-z\u00e0-\u00ff]+)*")


# Words one of the patterns above needs: a sentence with none of them skips the slow search.
_CAPTION_CLUES = ("photo", "getty", "file", "pic", "credit", "image", "portrait", "press)",
                  "(ap", "reuters", "afp", "epa", "/", "[cts]", "undated", "caption", "enlarge",
                  "gallery", "watch:", "video:", "corrects", "movement")
_FURNITURE_CLUES = ("sign up", "subscribe", "newsletter", "follow", "twitter", "facebook",
                    "share", "click", "scroll", "skip ad", "autoplay", "full screen", "rights",
                    "copyright", "reach", "contributed", "this story", "terms of", "privacy")


def is_caption(sentence: str) -> bool:
    """Whether the sentence is a photo caption, a credit or page furniture, not news."""
    lower = sentence.lower()
    if any(clue in lower for clue in _CAPTION_CLUES) and _CAPTION.search(sentence):
        return True
    if any(clue in lower for clue in _FURNITURE_CLUES) and _FURNITURE.search(sentence):
        return True
    if "day," in sentence and _CAPTION_DATE.search(sentence):
        return True
    if not ("@" in sentence or "http" in sentence or "www." in sentence):
        return False  # what _LINK needs: its "\S+@" is slow where it cannot match
    return bool(_LINK.search(sentence)) and len(_LINK.sub("", sentence).split()) < _LINK_LINE_WORDS


def is_fragment(sentence: str) -> bool:
    """Whether the sentence is a piece of a longer quotation: its quotation marks do not pair
    up ('"Each family received one barrel.' opens a quote another sentence closes)."""
    straight = sentence.count('"')
    curly = sentence.count("\u201c") - sentence.count("\u201d")
    return straight % 2 == 1 or curly != 0


def has_section_label(sentence: str) -> bool:
    """Whether a kicker or section label ("WORLD |", "Analysis:") opens the sentence."""
    return bool(_SECTION_LABEL.match(sentence))


def is_dangling(sentence: str) -> bool:
    """Whether the sentence opens by pointing back at something it does not name."""
    return bool(_DANGLING.match(sentence))


# Asked twice of every candidate (its own weight, and its article's share of reporting).
@functools.lru_cache(maxsize=4096)
def is_commentary(sentence: str) -> bool:
    """Whether the sentence is the writer's view rather than reported fact: outside quotation
    marks it speaks in the first person or hedges ("should", "likely", "suggests"), and it
    names no source ("said", "according to"). A question is commentary too."""
    own = _QUOTED.sub(" ", sentence)
    if own.rstrip().endswith("?"):
        return True
    lower = own.lower()
    own_view = _FIRST_PERSON.search(own) or _HEDGE.search(lower)
    return bool(own_view) and not _ATTRIBUTION.search(lower)


def is_reported(sentence: str) -> bool:
    """Whether the sentence carries reporting: it names a source, a figure, a person or place
    (a spelled-out "one" is not a figure: "this one", "one site")."""
    return bool(_DIGIT.search(sentence) or _NAME.search(sentence)
                or _ATTRIBUTION.search(sentence.lower()))


def facts(sentence: str) -> float:
    """How much the sentence names and counts, 0..1: numbers, names of people and places."""
    numbers = len(_NUMBER.findall(sentence.lower()))
    names = len(_NAME.findall(sentence))
    return min(1.0, 0.25 * numbers + 0.2 * names)


def normalized(sentence: str) -> str:
    """A key for spotting the same sentence twice: lowercase words only."""
    return " ".join(re.findall(r"\w+", sentence.lower()))
