"""Metadata found in page text: bylines and outlet names (dates: extract_dates)."""

# Typographic dashes, quotes and full-width marks are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Domains whose outlet name is not simply the domain; checked by suffix so "edition.cnn.com"
# and "www.bbc.co.uk" both match.
KNOWN_OUTLETS: dict[str, str] = {
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "bloomberg.com": "Bloomberg",
    "cnn.com": "CNN",
    "cnbc.com": "CNBC",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "foxnews.com": "Fox News",
    "npr.org": "NPR",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "DW",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
    "news.sky.com": "Sky News",
    "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker",
    "time.com": "TIME",
    "lemonde.fr": "Le Monde",
    "spiegel.de": "Der Spiegel",
    "afp.com": "AFP",
}

# Second-level public suffixes common on news sites ("bbc.co.uk" is registrable, "co.uk" not).
_SECOND_LEVEL = frozenset(
    ("co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz",
     "co.in", "co.jp", "co.za", "co.kr", "com.br", "com.ar", "com.mx", "com.tr", "com.cn",
     "com.hk", "com.sg", "com.my", "com.pk", "com.ng", "com.eg", "com.sa", "com.ua", "co.il")
)  # fmt: skip

_HOST = re.compile(r"[\w.-]+")
_BY = re.compile(
    r"^(?:written\s+|words\s+|reporting\s+)?by[:\s]\s*(?P<name>[^|•·\n]{2,80}?)"
    r"\s*(?:$|[|•·;]|,\s|\s[-–—]\s|\s(?:on|for|in|published|updated)\s)",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(r"^reporting\s+by\b", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|del|der|la|bin|al-\w+)){1,3}"
_NAME_COMMA_OUTLET = re.compile(
    rf"^(?P<name>{_NAME}(?:\s+and\s+{_NAME})?),\s+[A-Z][\w.&]*(?: +[\w.&]+){{0,5}} *$"
)
_NAME_DASH_DATE = re.compile(rf"^(?P<name>{_NAME})\s+[-–—|]\s+\S")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?)?[,.]?\s*"
    r"(?P<name>[A-Z][\w.&' -]{1,60}?)\s*(?:[,.]|\ball rights\b|\bltd\b|\binc\b|$)",
    re.IGNORECASE,
)
_CORPORATE = re.compile(
    r"(?:[\s,]+(?:group|llc|inc|ltd|limited|plc|holdings?|company|co|corp|corporation|media"
    r"|gmbh|ag|sa|network|interactive|publishing|enterprises))+\.?$",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"\b(?:the way|far|now|then|default|using|clicking|continuing|subscribing|signing)\b",
    re.IGNORECASE,
)


def _host(url: str) -> str:
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return ""
    return host if "." in host and _HOST.fullmatch(host) else ""


def registrable_domain(url: str) -> str:
    """The part of a URL's host a person registers: "www.bbc.co.uk" -> "bbc.co.uk"."""
    host = _host(url)
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return host
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_from_url(url: str) -> str:
    """The outlet behind a URL: a known name ("BBC"), else the registrable domain."""
    host = _host(url)
    for domain, name in KNOWN_OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return registrable_domain(url)


def known_outlet(name: str) -> str:
    """The canonical spelling of an outlet name if it is one we know, else ""."""
    folded = name.casefold().strip()
    for outlet in KNOWN_OUTLETS.values():
        if outlet.casefold() == folded:
            return outlet
    return ""


def find_author(line: str) -> str:
    """The author name(s) in a byline ("By Jane Doe |", "Jane Doe, Reuters"), else ""."""
    if len(line) > 120:
        return ""
    match = _BY.match(line) or _NAME_COMMA_OUTLET.match(line) or _NAME_DASH_DATE.match(line)
    if not match:
        return ""
    name = match.group("name").strip(" ,.:;")
    if not name or _NOT_A_NAME.search(name) or any(ch.isdigit() for ch in name):
        return ""
    return name if len(name.split()) <= 10 else ""


def reporting_credit(line: str) -> str:
    """The reporter named in a wire-style credit after the article
    ("Reporting by Jane Doe; Editing by John Roe" -> "Jane Doe"), else ""."""
    # Only the first credit matters: "...; additional reporting by ...; Editing by ...".
    return find_author(line.split(";")[0]) if _REPORTING_BY.match(line) else ""


def copyright_outlet(line: str) -> str:
    """The owner named in a copyright footer ("© 2022 Example News. All rights reserved.")."""
    match = _COPYRIGHT.search(line[:200])  # a long footer names its owner first
    if not match:
        return ""
    name = match.group("name").strip(" .,-")
    name = re.sub(r"^(?:copyright|by)\s+", "", name, flags=re.IGNORECASE)
    # The brand, not the company: "The Slate Group LLC" -> "Slate", "NYP Holdings" -> "NYP".
    brand = _CORPORATE.sub("", name).strip(" ,.")
    brand = re.sub(r"^the\s+", "", brand, flags=re.IGNORECASE) if brand != name else brand
    name = brand or name
    return name if 1 <= len(name.split()) <= 5 else ""
