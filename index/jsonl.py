"""Reading one line of the JSON-lines export format strictly: types checked, sizes capped.

Every field is checked, never coerced: `"read": "false"` is not true and `"tags": "abc"` is
not three tags. A bad line is refused with a message naming the field; the import goes on.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from index import dedupe
from index.ingest import MAX_BODY_CHARS, article_id, normalize_tags
from index.models import UNTITLED, Article, Precision, parse_published, utcnow
from index.textsafe import clean, clean_line, visible_line

# Ids are what `show` and `tag` take: lowercase letters, digits, '-' and '_'.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
MAX_LINE_CHARS = 4 * MAX_BODY_CHARS  # JSON escapes may make a line longer than its body
# Longest accepted value of each one-line field, in characters.
FIELD_CAPS = {"title": 1_000, "outlet": 300, "author": 500, "url": 4_000, "origin": 4_000,
              "standfirst": 5_000}
MAX_CAPTIONS = 200
MAX_TAGS, MAX_TAG_CHARS = 200, 100
STRING_FIELDS = ("id", "title", "body", "outlet", "author", "url", "origin", "published",
                 "added", "duplicate_of", "standfirst")
FLAGS = ("read", "starred", "in_basket")


class BadLine(ValueError):
    """A line that is not an article in the export format; the message says why."""


def parse_line(line: str, where: str) -> tuple[Article, str, tuple[int, ...]]:
    """The article on one export line, with its dedupe keys; BadLine when it is not one."""
    if len(line) > MAX_LINE_CHARS:
        raise BadLine(f"the line is over {MAX_LINE_CHARS // 1_000_000} million characters")
    data = _object(line)
    _check_types(data)
    body = clean(data.get("body") or "").strip()
    if not body:
        raise BadLine("no body")
    if len(body) > MAX_BODY_CHARS:
        raise BadLine(f"the body is over {MAX_BODY_CHARS // 1_000_000} million characters")
    fields = {name: _one_line(data, name) for name in FIELD_CAPS}
    chash, bands = dedupe.keys(body)
    published, precision = _published(data)
    article = Article(
        id=_article_id(data.get("id"), chash, fields["url"] or where),
        title=fields["title"] or UNTITLED,
        body=body,
        outlet=fields["outlet"],
        author=fields["author"],
        published=published,
        published_precision=precision,
        standfirst=fields["standfirst"],
        captions=_captions(data.get("captions")),
        added=_date(data, "added") or utcnow(),
        url=fields["url"],
        origin=fields["origin"] or where,
        tags=_tags(data.get("tags")),
        **{flag: bool(data.get(flag)) for flag in FLAGS},  # type: ignore[arg-type]
    )
    return article, chash, tuple(bands)


def _object(line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except RecursionError:
        raise BadLine("nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and invalid escapes
        raise BadLine(f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise BadLine("not a JSON object")
    return data


def _check_types(data: dict[str, Any]) -> None:
    for name in STRING_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise BadLine(f"{name} must be a string, not {_kind(data[name])}")
    for name in FLAGS:
        if data.get(name) is not None and not isinstance(data[name], bool):
            raise BadLine(f"{name} must be true or false, not {_kind(data[name])}")
    for name in ("tags", "captions"):
        value = data.get(name)
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(v, str) for v in value)):
            raise BadLine(f"{name} must be a list of strings, not {_kind(value)}")


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _one_line(data: dict[str, Any], name: str) -> str:
    value = clean_line(data.get(name) or "")
    if len(value) > FIELD_CAPS[name]:
        raise BadLine(f"{name} is over {FIELD_CAPS[name]} characters")
    return value


def _article_id(value: str | None, chash: str, where: str) -> str:
    """The id as given, lowercased; one `show` could not find is refused."""
    if value is None or not value.strip():
        return article_id(chash, where)
    normalized = value.strip().lower()
    if not ID_PATTERN.fullmatch(normalized):
        raise BadLine(f"id {visible_line(value)[:80]!r} is not one newsdesk can show or tag "
                      "(lowercase letters, digits, - and _, up to 64)")
    return normalized


def _tags(value: list[str] | None) -> tuple[str, ...]:
    tags = value or []
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG_CHARS for t in tags):
        raise BadLine(f"at most {MAX_TAGS} tags of up to {MAX_TAG_CHARS} characters")
    return normalize_tags(tags)


def _captions(value: list[str] | None) -> tuple[str, ...]:
    captions = [clean_line(c) for c in value or [] if c.strip()]
    if len(captions) > MAX_CAPTIONS or any(len(c) > FIELD_CAPS["standfirst"] for c in captions):
        raise BadLine(f"at most {MAX_CAPTIONS} captions of up to 5000 characters")
    return tuple(captions)


def _published(data: dict[str, Any]) -> tuple[datetime | None, Precision]:
    try:
        return parse_published(data.get("published") or None)
    except ValueError:
        value = visible_line(data["published"])[:40]
        raise BadLine(f"published is not an ISO date: {value!r}") from None


def _date(data: dict[str, Any], name: str) -> datetime | None:
    value = data.get(name)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadLine(f"{name} is not an ISO date: {visible_line(value)[:40]!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=utcnow().tzinfo)
