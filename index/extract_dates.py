"""Publication dates in page text, kept as precise as the page was: a day, a local time, or a
time with its zone; numeric, named-month (several languages), ISO and relative forms."""

# Typographic dashes are matched on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from index.models import Precision

Order = Literal["dm", "md"]  # how a page writes an ambiguous numeric date: day or month first

# Month names and their usual abbreviations: English, then the languages news pages often use
# (French, Spanish, Portuguese, Italian, German, Dutch, Indonesian, Russian in the genitive).
_MONTH_NAMES = (
    "jan january janv janvier ene enero janeiro gen gennaio januar januari янв января",
    "feb february fevr fév février febrero fev fevereiro febbraio februar februari "
    "pebruari фев февраля",
    "mar march mars marzo março marco märz maart maret мар марта",
    "apr april avr avril abr abril aprile апр апреля",
    "may mai mayo maio mag maggio mei мая",
    "jun june juin junio junho giu giugno juni июн июня",
    "jul july juil juillet julio julho lug luglio juli июл июля",
    "aug august aout août ago agosto agustus augustus авг августа",
    "sep sept september septembre septiembre setembro set settembre сен сентября",
    "oct october octobre octubre out outubro ott ottobre okt oktober окт октября",
    "nov november novembre noviembre novembro nopember ноя ноября",
    "dec december déc décembre dic diciembre dez dezembro dicembre dezember des desember "
    "дек декабря",
)
MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_MON = "(?P<mon>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_TIME = (
    r"(?:[\s,|/–-]*(?:at|à|às|um|alle|a las|in|@)?\s*(?P<h>[0-2]?\d)[:.h](?P<mi>[0-5]\d)"
    r"(?::\d{2}(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    r"\s*(?:\(?(?P<tz>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|Z\b|[+-]\d{2}:?\d{2}\b"
    r"|[A-Z]{2,4}\b))?)?"
)
_WORDY_YEAR = r"(?:,?\s*(?:de\s+)?" + _YEAR + r"\b)"
_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # ISO: 2024-03-27, 2024-03-27T12:45:00+03:00
        r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>\d{2})"
        r"(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?",
        # the year first, as East Asian pages print it: 2024年3月27日, 2024년 3월 27일, 2024/3/27,
        # 2024.03.27 (two digits each with dots: "version 2019.11.1" is no date)
        r"(?<![\d/.])(?P<y>(?:19|20)\d{2})(?:\s*(?:年|년)\s*(?P<m>[01]?\d)\s*(?:月|월)\s*"
        r"(?P<d>[0-3]?\d)(?:\s*(?:日|일))?|/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)"
        r"|\.(?P<m3>[01]\d)\.(?P<d3>[0-3]\d))(?![\d/.]\d|\d)" + _TIME,
        # numeric, with a 4- or 2-digit year: 27-03-2022, 11/19/19, 18.11.2019
        r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[-./])(?P<b>[0-3]?\d)(?P=sep)"
        r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/.-]|\.\d)" + _TIME,
        # the time first: 11:26 pm EST, Tuesday, November 19, 2019
        r"(?<![\d:])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*"
        r"(?:(?P<tz>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,4}\b)\s*)?,?\s*"
        r"(?:[^\W\d_]+,?\s+)?" + _MON + r"\s+" + _DAY + r"\b" + _WORDY_YEAR,
        # December 18, 2024 · Dec. 18 2024 · Maret 30, 2015 · Nov 19 (no year)
        r"(?<!\w)" + _MON + r"\s+" + _DAY + r"\b" + _WORDY_YEAR + "?" + _TIME,
        # 18 December 2024 · 25. September 2018 · 22 de outubro de 2010 · 24 сентября 2018
        r"(?<![\w.])" + _DAY + r"\.?\s+(?:of\s+|de\s+)?" + _MON + r"(?!\w)" + _WORDY_YEAR + _TIME,
    )
)
_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one)\s*(?P<unit>min(?:ute)?s?|m|h(?:ou)?rs?|hours?|h|days?|d)"
    r"\s+ago\b|\b(?P<word>yesterday|today|just now)\b",
    re.IGNORECASE,
)
_UNIT = {"m": "minutes", "h": "hours", "d": "days"}
_TZ_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "IST": 5.5, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "WIB": 7, "SGT": 8, "HKT": 8,
    "HST": -10, "AKST": -9, "AKDT": -8, "AST": -4, "ADT": -3, "NZST": 12, "NZDT": 13,
}  # fmt: skip
# "ET" means EST or EDT depending on the date, so these follow the real zone's rules.
_US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
             "PT": "America/Los_Angeles"}
_DIGIT = re.compile(r"\d")
# Characters each of _PATTERNS needs one of (none: a month name, which has no such test):
# a line without any is not tried against that pattern.
_NEEDS = (("-",), ("年", "년", "/", "."), ("-", ".", "/"), (":",), (), ())


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date as a line gives it: aware (a day or a local time carries UTC as a label only),
    how precise the line was, and where in the line it starts."""

    when: datetime
    precision: Precision
    at: int = 0
    relative: bool = False


def find_dates(line: str, reference: datetime | None = None,
               year_ref: datetime | None = None, order: Order = "md") -> list[FoundDate]:
    """Every date in a line, in order. ``reference`` (the page's save time) dates relative
    forms ("3 hours ago") and gives the year to dates printed without one (``year_ref``
    does that alone); ``order`` reads an ambiguous 05/10/2018 (see ``numeric_order``)."""
    return list(_dates(line, reference, year_ref, order))


# Bylines, dates, headlines and comment stamps all ask about the same few lines of a page.
@lru_cache(maxsize=4096)
def _dates(line: str, reference: datetime | None, year_ref: datetime | None,
           order: Order) -> tuple[FoundDate, ...]:
    found: list[FoundDate] = []
    if _DIGIT.search(line):
        taken: list[tuple[int, int]] = []
        for pattern, needs in zip(_PATTERNS, _NEEDS, strict=True):
            if needs and not any(mark in line for mark in needs):
                continue
            for match in pattern.finditer(line):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                if (date := _to_date(match, (reference, year_ref), order)) is not None:
                    found.append(date)
                    taken.append(match.span())
    if reference is not None and not found:
        found += _relative(line, reference)
    return tuple(sorted(found, key=lambda f: f.at))


def says_when(line: str) -> bool:
    """Whether a line gives a date, absolute or relative ("1 day ago", "Yesterday")."""
    return find_date(line) is not None or _RELATIVE.search(line) is not None


def find_date(line: str, reference: datetime | None = None,
              order: Order = "md") -> FoundDate | None:
    """The first date in a line, or None."""
    dates = find_dates(line, reference, order=order)
    return dates[0] if dates else None


def _to_date(match: re.Match[str], refs: tuple[datetime | None, datetime | None],
             order: Order) -> FoundDate | None:
    # Only the save time says which days are yet to come; a year reference only dates "Nov 19".
    reference, year_ref = refs
    g = match.groupdict()
    day_month = _day_month(g, order)
    if day_month is None:
        return None
    day, month = day_month
    year = _year(g.get("y"), month, day, reference or year_ref)
    if year is None:
        return None
    if g.get("a") and reference is not None and _after(year, month, day, reference):
        day, month = month, day  # the other order would be a day yet to come
    hour, minute = _clock(g)
    try:
        local = datetime(year, month, day, hour or 0, minute)
    except ValueError:
        return None
    if hour is None:
        return FoundDate(local.replace(tzinfo=UTC), "day", match.start())
    zone = _zone(g.get("tz") or "")
    if zone is None:
        return FoundDate(local.replace(tzinfo=UTC), "local", match.start())
    return FoundDate(_zoned(local, zone), "zoned", match.start())


def _day_month(g: dict[str, str | None], order: Order) -> tuple[int, int] | None:
    if mon := g.get("mon"):
        return int(g["d"] or 0), MONTHS[mon.lower().rstrip(".")]
    for m, d in (("m", "d"), ("m2", "d2"), ("m3", "d3")):
        if month := g.get(m):
            return int(g[d] or 0), int(month)
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    # 27-03-2022 and 19/11/2019 say which is the day; otherwise the page's order decides for
    # a slash, and a dot or dash is the European day.month order.
    if a > 12 >= b:
        return a, b
    if b > 12 >= a or (g.get("sep") == "/" and order == "md"):
        return b, a
    return a, b


def _after(year: int, month: int, day: int, reference: datetime) -> bool:
    try:
        return datetime(year, month, day, tzinfo=UTC) > reference + timedelta(days=1)
    except ValueError:
        return False


_NUMERIC = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:19|20)?\d\d(?![\d/])")
# Words that only English text uses this often: the page reads 05/10 the American way.
_ENGLISH = re.compile(r"\b(?:the|and|of|to|is|was|with|for)\b", re.IGNORECASE)


_MONTH_DAY = re.compile(r"(?:" + _MON + r"\s+" + _DAY + r"|" + _DAY.replace("?P<d>", "?P<d2>")
                        + r"\.?\s+" + _MON.replace("?P<mon>", "?P<mon2>") + r")", re.IGNORECASE)
_CLOCK = r"[0-2]?\d:[0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?"
_YEAR_AND_CLOCK = re.compile(
    r"(?P<t>" + _CLOCK + r")?[\s,]*(?P<y>(?:19|20)\d{2})(?:[\s,]+(?P<t2>" + _CLOCK + r"))?",
    re.IGNORECASE)


def joined_stamp(line: str, following: str) -> str | None:
    """A date stamp split over two lines as one line: a month and day alone ("November 20")
    over a line of only its year and time ("15:23 2019") read "November 20 2019 15:23"."""
    line = line.strip()
    # The anchored test of the next line first: it fails at once on almost every line.
    if not following or len(line.split(None, 4)) > 4:
        return None
    tail = _YEAR_AND_CLOCK.fullmatch(following.strip())
    if tail is None:
        return None
    head = _MONTH_DAY.search(line)
    if head is None or head.end() != len(line):
        return None
    clock = tail.group("t") or tail.group("t2") or ""
    return f"{line} {tail.group('y')} {clock}".rstrip()


def ambiguous_date(line: str) -> bool:
    """Whether a line holds a slash date that could be read either way (05/10/2018)."""
    return "/" in line and any(int(a) <= 12 and int(b) <= 12 for a, b in _NUMERIC.findall(line))


def numeric_order(text: str) -> Order:
    """How the page writes 05/10/2018: "dm" (day first) or "md" (month first). A date on the
    page whose day is above 12 settles it; otherwise English text reads month first and
    other languages day first."""
    votes = 0
    for a, b in _NUMERIC.findall(text):
        votes += (int(a) > 12 >= int(b)) - (int(b) > 12 >= int(a))
    if votes:
        return "dm" if votes > 0 else "md"
    sample = text[:20000]
    return "md" if len(_ENGLISH.findall(sample)) * 25 >= len(sample.split()) else "dm"


def _year(text: str | None, month: int, day: int, reference: datetime | None) -> int | None:
    if text is None:
        # "Nov 19": the most recent such day up to the reference time.
        if reference is None:
            return None
        year = reference.year
        return year - 1 if (month, day) > (reference.month, reference.day) else year
    year = int(text)
    return year + 2000 if year < 100 else year


def _clock(g: dict[str, str | None]) -> tuple[int | None, int]:
    if g.get("h") is None:
        return None, 0
    hour, minute = int(g["h"] or 0), int(g.get("mi") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 else (None, 0)


def _zone(text: str) -> tzinfo | None:
    """The zone a page named, or None when it named none (or one we cannot read)."""
    text = text.upper().replace(" ", "")
    if not text:
        return None
    if text in _US_ZONES:
        try:
            return ZoneInfo(_US_ZONES[text])
        except ZoneInfoNotFoundError:  # no tz database here: standard time is close
            return timezone(timedelta(hours={"ET": -5, "CT": -6, "MT": -7, "PT": -8}[text]))
    if text.startswith(("GMT", "UTC")) and len(text) > 3:
        text = text[3:]
    if text[:1] in "+-":
        digits = text[1:].replace(":", "")
        hours = int(digits[:-2] or 0) if len(digits) > 2 else int(digits)
        minutes = int(digits[-2:]) if len(digits) > 2 else 0
        offset = timedelta(hours=hours, minutes=minutes)
        return timezone(-offset if text[0] == "-" else offset) if hours <= 14 else None
    if text in _TZ_HOURS:
        return timezone(timedelta(hours=_TZ_HOURS[text]))
    return None


def _zoned(local: datetime, zone: tzinfo) -> datetime:
    # Keep the page's own offset (its day stays the day it printed), as a fixed offset.
    aware = local.replace(tzinfo=zone)
    offset = aware.utcoffset() or timedelta(0)
    return local.replace(tzinfo=timezone(offset) if offset else UTC)


def _relative(line: str, reference: datetime) -> list[FoundDate]:
    match = _RELATIVE.search(line)
    if match is None or len(line.split()) > 12:
        return []
    ref = reference if reference.tzinfo else reference.replace(tzinfo=UTC)
    word = (match.group("word") or "").lower()
    if word:
        if word == "just now":
            return [FoundDate(ref, "zoned", match.start(), relative=True)]
        day = ref - timedelta(days=1 if word == "yesterday" else 0)
        return [FoundDate(_midnight(day), "day", match.start(), relative=True)]
    n_text = match.group("n").lower()
    n = 1 if n_text in ("a", "an", "one") else int(n_text)
    unit = _UNIT[match.group("unit")[0].lower()]
    when = ref - timedelta(**{unit: n})
    if unit == "days":
        return [FoundDate(_midnight(when), "day", match.start(), relative=True)]
    return [FoundDate(when.replace(second=0, microsecond=0), "zoned", match.start(),
                      relative=True)]


def _midnight(when: datetime) -> datetime:
    return datetime(when.year, when.month, when.day, tzinfo=UTC)


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?=[/_-]|$)"
    r"|/(?P<y3>(?:19|20)\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d)(?=[/_-]|\d{6,}|$)"
    r"|/(?P<y2>(?:19|20)\d{2})/(?P<m2>[01]?\d)/(?!\d)"
)


def url_date(url: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) printed in a URL's path: /2019/11/19/, /20191119..."""
    path = url.split("?", 1)[0]
    match = _URL_DATE.search(path)
    if match is None:
        return None
    if match.group("y") or match.group("y3"):
        y, m, d = (int(match.group(k) or match.group(k + "3")) for k in ("y", "m", "d"))
        return (y, m, d) if 1 <= m <= 12 and 1 <= d <= 31 else None
    y, m = int(match.group("y2")), int(match.group("m2"))
    return (y, m, None) if 1 <= m <= 12 else None


_PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|publicado|publiziert|publié|pubblicato|diterbitkan|on|by|von|por)\b",
    re.IGNORECASE,
)
_UPDATED_CUE = re.compile(
    r"\b(?:updated?|modified|edited|atualizado|actualizado|aktualisiert|mis à jour|last)\b",
    re.IGNORECASE,
)


_DATE_LINE_WORDS = 12


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line near the article that may hold its date, with where it sits."""

    index: int
    text: str
    sentence: bool  # a line of the article's prose, not a date line


def choose_date(lines: list[DateLine], anchor: int, url: str = "",
                reference: datetime | None = None, order: Order = "md",
                page_year: datetime | None = None) -> FoundDate | None:
    """The publication date among the lines around the headline (``anchor``): the date line
    next to the headline and byline, "published" over "updated", the date the URL prints
    over the site's "today" in the masthead; the URL's own date when no line gives one.
    ``page_year`` reads a year-less date when neither the save time nor the URL can."""
    from_url = url_date(url) if url else None
    # A date printed without its year ("Posted Nov 19") takes the year of the URL's date.
    year_ref = reference or (datetime(from_url[0], from_url[1], 28, tzinfo=UTC)
                             if from_url else page_year)
    # The date line sits near the headline; look further up only when nothing is near.
    best = _best_date(lines, anchor, 20, from_url, (reference, year_ref), order) or _best_date(
        lines, anchor, 40, from_url, (reference, year_ref), order)
    if from_url is not None and (day := from_url[2]) is not None:
        by_url = FoundDate(datetime(from_url[0], from_url[1], day, tzinfo=UTC), "day")
        # An "updated" line is all the page shows: the URL keeps the first day.
        if best is None or (best[1] and best[0].when.date() != by_url.when.date()):
            return by_url
    return best[0] if best is not None else None


def _best_date(lines: list[DateLine], anchor: int, above: int,
               from_url: tuple[int, int, int | None] | None,
               refs: tuple[datetime | None, datetime | None], order: Order,
               ) -> tuple[FoundDate, bool] | None:
    """The best-scoring date within ``above`` lines over the headline, and whether its line
    called it an update."""
    best: tuple[float, FoundDate, bool] | None = None
    for line in lines:
        if line.sentence or len(line.text.split()) > 30 or line.index < anchor - above:
            continue
        since = 0
        for found in find_dates(line.text, *refs, order):
            if found.relative and line.index == anchor:
                continue  # "… approves budget today": the headline's news, not a time stamp
            # The words before this date and after the previous one are its label:
            # "Updated Nov 19, 9:41 AM; Posted Nov 18" posts on the 18th.
            label = line.text[since: found.at]
            score = _date_score(line, found, anchor, from_url, label)
            if best is None or score > best[0]:
                best = (score, found, bool(_UPDATED_CUE.search(label)))
            since = found.at + 1
    return (best[1], best[2]) if best is not None and best[0] > -8 else None


def _date_score(line: DateLine, found: FoundDate, anchor: int,
                from_url: tuple[int, int, int | None] | None, before: str) -> float:
    score = -0.3 * abs(line.index - anchor) - (1.5 if line.index < anchor else 0.0)
    score += 1.0 if _PUBLISHED_CUE.search(before) else 0.0
    score -= 1.5 if _UPDATED_CUE.search(before) else 0.0
    score += 0.5 if found.precision != "day" else 0.0
    # A date line is short; a date inside a long line is a caption's or a sentence's.
    score -= 0.2 * max(0, len(line.text.split()) - _DATE_LINE_WORDS)
    score -= 1.0 if found.relative else 0.0
    if from_url is not None:
        y, m, d = from_url
        day = found.when.date()
        if (day.year, day.month) == (y, m):
            score += 4.0 if d is None or day.day == d else 1.0
        else:
            score -= 2.0
    return score
