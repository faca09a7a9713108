"""Reading inputs: files and folders to decoded text, and text to storable articles."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from index import dedupe
from index.errors import InputError
from index.models import UNTITLED, Article, Extracted, utcnow
from index.sources import TEXT, URL, SourceType, kind_of
from index.store import NewArticle, pack
from index.textsafe import clean, clean_line, visible

MAX_BYTES = 20 * 1024 * 1024  # a saved page with inline scripts can be large; an article is not
MAX_UNPACKED = 50 * 1024 * 1024
# Clean article text: the longest real news article is a few hundred KB. Anything longer
# is a dump, not an article, and would cost every later step (index, dedupe, summaries).
MAX_BODY_CHARS = 1_000_000
# Control characters but tab, line feed, form feed and carriage return: many mean binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Source:
    """One input as it arrived: where from, its bytes, and how to read them."""

    origin: str
    raw: bytes
    kind: SourceType  # one of index.sources.SOURCES
    url: str = ""
    saved: datetime | None = None  # when the page was saved: "3 hours ago" counts from it


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A folder `expand` could not list, and why."""

    why: str


# What `expand` found an input to be: a source type, an address to fetch, a folder it could
# not list, or (None) a file in a folder that is not an article format.
Found = SourceType | Literal["url"] | Unreadable | None


def is_url(arg: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return arg.lower().startswith(("http://", "https://"))


def expand(args: Iterable[str]) -> Iterator[tuple[str, Found]]:
    """Every input named by the arguments as (origin, kind); folders are walked in order.

    kind is None for a file a folder holds that is not an article format (it is reported
    as skipped); a file named explicitly is read whatever its suffix.
    """
    for arg in args:
        if is_url(arg):
            yield arg, URL
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            yield from _walk(path)
        else:
            yield arg, kind_of(path) or TEXT


def _walk(folder: Path) -> Iterator[tuple[str, Found]]:
    """The files under a folder in order; a sub-folder that cannot be listed is reported
    (as Unreadable), not skipped in silence."""
    unreadable: list[OSError] = []

    def reported() -> Iterator[tuple[str, Found]]:
        while unreadable:
            failed = unreadable.pop(0)
            yield str(failed.filename or folder), Unreadable(str(failed.strerror or failed))

    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from reported()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                child = Path(root) / name
                yield str(child), kind_of(child)
    yield from reported()


def read_file(origin: str, kind: SourceType) -> Source:
    """The bytes of a file (unpacked when gzipped); InputError when it cannot be an article."""
    path = Path(origin).expanduser()
    try:
        stat = path.stat()
        size = stat.st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{origin} is too large ({size / 2**20:.0f} MB)",
                hint=f"articles up to {MAX_BYTES // 2**20} MB are accepted",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{origin}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{origin} is a folder") from None
    except OSError as exc:
        raise InputError(f"cannot read {origin}: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".gz":
        raw = _gunzip(origin, raw)
    saved = datetime.fromtimestamp(stat.st_mtime, UTC).replace(microsecond=0)
    return Source(origin=str(path), raw=raw, kind=kind, saved=saved)


def _gunzip(origin: str, raw: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as fh:
            data = fh.read(MAX_UNPACKED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{origin} is not a readable gzip file ({exc})") from None
    if len(data) > MAX_UNPACKED:
        raise InputError(f"{origin} unpacks to more than {MAX_UNPACKED // 2**20} MB")
    return data


def decode(origin: str, raw: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if not raw.strip():
        raise InputError(f"{origin} is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:8192]:
        raise InputError(
            f"{origin} looks like a binary file, not an article",
            hint="newsdesk reads .txt, .md and .html files",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Old news archives are mostly Windows-1252; bytes it does not define fall back to Latin-1.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def extract(source: Source) -> Extracted:
    """The article in one source: cleaned text and what metadata it gives."""
    text = decode(source.origin, source.raw)
    control = len(_CONTROL.findall(text, 0, 4096))
    if control > 40:
        raise InputError(f"{source.origin} looks like a binary file, not an article")
    if source.kind is TEXT and len(text) > 2 * MAX_BODY_CHARS:
        check_length(source.origin, text)  # refused before the cleaners spend time on it
    try:
        return source.kind.extract(text, source)
    except InputError as exc:
        # The cleaners speak of "the page" or "the input": name the file or address.
        if source.origin in exc.message:
            raise
        raise InputError(f"{visible(source.origin)}: {exc.message}", exc.hint) from None
    except RecursionError:
        raise InputError(f"{visible(source.origin)}: its elements nest too deeply to read",
                         hint="save the page's text (.txt) and add that instead") from None


def article_id(content: str, where: str) -> str:
    """A short, stable id: the same text from the same place always gets the same id."""
    return hashlib.blake2b(f"{content}\0{where}".encode(), digest_size=6).hexdigest()


def prepare(source: Source, extracted: Extracted, tags: Iterable[str] = ()) -> NewArticle:
    """A storable article from an extracted one, with its dedupe keys."""
    # Stored text carries no control characters (see index.textsafe).
    body = clean(extracted.body).strip()
    if not body:
        raise InputError(f"{visible(source.origin)}: no article text found in it")
    check_length(source.origin, body)
    chash, bands, shingles = dedupe.fingerprint(body)
    url = clean_line(extracted.url or source.url)
    origin = clean_line(source.origin)
    article = Article(
        id=article_id(chash, url or origin),
        title=clean_line(extracted.title) or UNTITLED,
        body=body,
        outlet=clean_line(extracted.outlet),
        author=clean_line(extracted.author),
        published=extracted.published,
        published_precision=extracted.published_precision,
        standfirst=extracted.standfirst,
        captions=extracted.captions,
        added=utcnow(),
        url=url,
        origin=origin,
        tags=normalize_tags(tags),
    )
    return NewArticle(article, chash, bands, pack(source.raw), extracted.dropped, shingles)


def check_length(origin: str, body: str) -> None:
    """InputError when an article's clean text is longer than MAX_BODY_CHARS."""
    if len(body) > MAX_BODY_CHARS:
        raise InputError(
            f"{visible(origin)}: {len(body) / 1e6:.1f} million characters of text is too long "
            "for an article",
            hint=f"articles up to {MAX_BODY_CHARS // 1_000_000} million characters are "
                 "accepted; split the file if it holds several",
        )


def normalize_tag(tag: str) -> str:
    """Tags are lowercase words joined by hyphens: 'Iraq Syria' becomes 'iraq-syria'."""
    cleaned = "-".join(clean_line(tag).lower().replace(",", " ").split())
    return cleaned.lstrip("+-") if cleaned.startswith(("+", "-")) else cleaned


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Normalized, unique, sorted tags."""
    return tuple(sorted({t for t in (normalize_tag(x) for x in tags) if t}))
