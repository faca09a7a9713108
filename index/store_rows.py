"""An Article as a row of the articles table, and back: the store's edge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from index.models import Article, parse_published, published_text, utcnow
from index.textsafe import clean, clean_line

ARTICLE_COLUMNS = (
    "id, title, body, outlet, author, published, added, url, origin, "
    "read, starred, in_basket, duplicate_of"
)
# The same columns with the body left out, for list views over large libraries.
LIST_COLUMNS = ARTICLE_COLUMNS.replace("body", "'' AS body")


def iso(value: datetime | None) -> str | None:
    """A stored time: ISO text (UTC times sort as text)."""
    return value.isoformat() if value else None


def to_row(a: Article) -> tuple[object, ...]:
    """The article's values for ARTICLE_COLUMNS, in order."""
    return (
        a.id,
        a.title,
        a.body,
        a.outlet,
        a.author,
        published_text(a.published, a.published_precision),
        iso(a.added),
        a.url,
        a.origin,
        int(a.read),
        int(a.starred),
        int(a.in_basket),
        a.duplicate_of,
    )


def from_row(row: Sequence[object], tags: tuple[str, ...]) -> Article:
    """The Article of a row of ARTICLE_COLUMNS (or LIST_COLUMNS), with its tags."""
    (
        aid,
        title,
        body,
        outlet,
        author,
        published,
        added,
        url,
        origin,
        read,
        starred,
        basket,
        dup,
    ) = row
    when, precision = parse_published(published)  # type: ignore[arg-type]
    # Cleaned on the way out too: libraries from before ingest cleaned text may hold
    # control characters, and no reader of the store should see them.
    return Article(
        id=str(aid),
        title=clean_line(str(title)),
        body=clean(str(body)),
        outlet=clean_line(str(outlet)),
        author=clean_line(str(author)),
        published=when,
        published_precision=precision,
        added=datetime.fromisoformat(added) if added else utcnow(),  # type: ignore[arg-type]
        url=clean_line(str(url)),
        origin=clean_line(str(origin)),
        tags=tags,
        read=bool(read),
        starred=bool(starred),
        in_basket=bool(basket),
        duplicate_of=dup,  # type: ignore[arg-type]
    )
