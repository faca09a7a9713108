"""The outlet's readable name: the phrase in the page that spells its web address
("The Anti-June Cleaver" for theantijunecleaver.com, "New York Post" for nypost.com), and the
wire named in a dateline ("BEIRUT (Reuters) -")."""

# Typographic dashes are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from index.extract_meta import registrable_domain

_WORDS = re.compile(r"[^\W_][\w'’.&+-]*")
_LETTERS = re.compile(r"[^a-z0-9]")
_WIRE = re.compile(r"^(?:[A-Z][\w .,'’/-]{0,40}?\s)?\((?P<name>[A-Z][\w .&]{1,30}?)\)\s*[-–—]\s")
_MAX_WORDS = 6
_TLD = re.compile(r"\.(?:com|org|net|info|news|co|io)(?:\.[a-z]{2})?$", re.IGNORECASE)


def _label(url: str) -> str:
    """The name part of a URL's registrable domain: "www.nypost.com" -> "nypost"."""
    domain = registrable_domain(url)
    return _LETTERS.sub("", domain.split(".")[0].lower()) if domain else ""


def spells(phrase: str, label: str) -> bool:
    """Whether a phrase spells a domain label, whole ("The Real Deal" / "therealdeal") or as
    each word's opening letters in turn ("New York Post" / "nypost", "Los Angeles Times" /
    "latimes")."""
    phrase = _TLD.sub("", phrase)  # "Phys.org" spells "phys"
    words = [_LETTERS.sub("", w.lower()) for w in phrase.split()]
    words = [w for w in words if w]
    if not words or not label:
        return False
    if "".join(words) == label or (words[0] == "the" and "".join(words[1:]) == label):
        return True
    # "The Wall Street Journal" spells "wsj" without its article.
    if len(words) >= 2 and _initials(words, label):
        return True
    return words[0] == "the" and len(words) >= 3 and _initials(words[1:], label)


def _initials(words: list[str], label: str) -> bool:
    # Each word gives its first letter or the whole word, in order: n+y+post, cbs+sports.
    if not words:
        return not label
    first = words[0]
    return any(label.startswith(part) and _initials(words[1:], label[len(part):])
               for part in dict.fromkeys((first, first[0])))


def name_from_page(url: str, texts: Iterable[str]) -> str:
    """The phrase of capitalised words the page prints most often that spells the URL's
    site, else ""."""
    found = _spellings(_label(url), texts)
    if not found:
        return ""
    # The fullest spelling wins a tie: "Snopes.com" over "Snopes" is no better, but "The
    # Real Deal" is better than "Real Deal".
    return max(found, key=lambda p: (found[p], len(p)))


def spelled_out(short: str, texts: Iterable[str]) -> str:
    """The words a one-word site name in the title stands for, when the page prints them
    twice or more ("WSJ" -> "The Wall Street Journal", "TheHill" -> "The Hill"), else ""."""
    # Only an abbreviation or run-together words can be spelled out: "WSJ", "TheHill".
    if " " in short or not any(ch.isupper() for ch in short[1:]):
        return ""
    found = _spellings(_LETTERS.sub("", short.lower()), texts)
    phrases = [p for p, n in found.items() if n >= 2 and " " in p]
    return max(phrases, key=lambda p: (found[p], len(p))) if phrases else ""


def _spellings(label: str, texts: Iterable[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    if len(label) < 3:
        return found
    for text in texts:
        words = _WORDS.findall(text)
        for i, word in enumerate(words):
            # Cheap test first: a spelling starts with the label's letter (or "The").
            if not word[0].isupper() or word[0].lower() not in (label[0], "t"):
                continue
            for j in range(i + 1, min(len(words), i + _MAX_WORDS) + 1):
                phrase = " ".join(words[i:j]).strip(".,")
                if spells(phrase, label):
                    found[phrase] += 1
    return found


# Where a page names itself: "Follow NBC News", "Subscribe to CRN Magazine", "a reporter
# for NBC News", "Senior editor at Gizmodo".
_SELF = re.compile(
    r"(?:^|\b)(?:follow|subscribe to|(?:reporter|writer|editor|correspondent|columnist"
    r"|producer|contributor) (?:at|for|with))\s+@?(?P<name>[A-Z][\w&-]*(?:\.\w+)*"
    r"(?:\s+[A-Z][\w&-]*){0,3})",
    re.IGNORECASE,
)
_NOT_SELF = frozenset({"us", "our", "me", "this", "my", "your", "them", "him", "her"})
_CHANNELS = re.compile(r"\s+(?:newsletters?|updates|alerts|podcasts?|channel)$", re.IGNORECASE)


def self_named(texts: Iterable[str]) -> str:
    """The name the page gives itself most often in prompts and bios, else ""."""
    found: Counter[str] = Counter()
    texts = list(texts)
    for text in texts:
        for match in _SELF.finditer(text):
            name = _CHANNELS.sub("", match.group("name").strip(" ."))
            if name.split()[0].casefold() not in _NOT_SELF and name[0].isupper():
                found[name] += 1
    # A name printed once may be another outlet's ("Follow NBC Latino on Facebook").
    page = "\n".join(texts)
    named = [n for n in found if page.count(n) >= 2]
    return max(named, key=lambda p: (found[p], len(p))) if named else ""


def wire_in_dateline(paragraph: str) -> str:
    """The agency in a wire dateline opening the body ("BEIRUT (Reuters) -"), else ""."""
    match = _WIRE.match(paragraph)
    return match.group("name").strip() if match else ""


_TOLD = re.compile(
    r"\btold (?:the )?(?P<name>(?:[A-Z][\w'’-]*\s+){1,6}?(?:Agency|News|Press|Service"
    r"|Network|Television|TV|Radio|Times|Post))\s*\((?P<acr>[A-Z]{2,6})\)"
)


def attributed_publisher(body: str, lines: Iterable[str]) -> str:
    """The agency a quote is attributed to ("told the Iraqi News Agency (INA)"), only when the
    page also names it as its source: a dateline opening the body ("(INA) -", "INA -"), a
    "Source: INA" line, or a sign-off line ("— INA"). Otherwise the agency is only quoted
    in another outlet's story, and is not its publisher."""
    match = _TOLD.search(body)
    if match is None:
        return ""
    name, acr = match.group("name").strip(), match.group("acr")
    first = body.lstrip()[:80]
    as_source = re.compile(
        rf"^(?:source|via|credit)\s*:\s*(?:{re.escape(acr)}|{re.escape(name)})\W*$"
        rf"|^[\W_]*(?:{re.escape(acr)}|{re.escape(name)})\W*$",
        re.IGNORECASE,
    )
    dateline = re.match(rf"^(?:[A-Z][\w .,'’/-]{{0,40}}?\s)?\(?{re.escape(acr)}\)?\s*[-–—:]",
                        first)
    if dateline or any(as_source.match(line.strip()) for line in lines):
        return name
    return ""
