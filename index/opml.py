"""OPML subscription lists: read the feeds out of one, write one from the library's feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from index.errors import InputError, NewsdeskError
from index.feeds import Feed, FeedStore, name_from_url, slug
from index.models import utcnow


@dataclass(frozen=True, slots=True)
class Outline:
    """One feed in an OPML file: its address, title and tags (categories and folders)."""

    url: str
    title: str = ""
    tags: tuple[str, ...] = ()


def read_opml(data: bytes, origin: str = "the OPML file") -> list[Outline]:
    """Every feed outline (with an xmlUrl) in an OPML document, folders flattened to tags."""
    # ElementTree never resolves external entities, and expat caps entity expansion.
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{origin} is not valid OPML ({exc})") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise InputError(f"{origin} is not an OPML file", hint="export one from your feed reader")
    return list(_outlines(body, (), origin))


MAX_DEPTH = 32  # folders within folders; feed readers export two or three


def _outlines(parent: ET.Element, folders: tuple[str, ...], origin: str
              ) -> Iterator[Outline]:
    if len(folders) > MAX_DEPTH:
        raise InputError(f"{origin} nests folders more than {MAX_DEPTH} deep",
                         hint="flatten its folders in your feed reader and export again")
    for node in parent.findall("outline"):
        title = (node.get("title") or node.get("text") or "").strip()
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        if url:
            named = tuple(f for f in folders if f)
            yield Outline(url, title, (*named, *_categories(node.get("category", ""))))
        else:
            # An untitled folder still counts towards the depth.
            yield from _outlines(node, (*folders, title or ""), origin)


def _categories(value: str) -> list[str]:
    # OPML 2.0: comma-separated, each a slash-delimited path such as "/world/europe".
    return [part for cat in value.split(",") for part in cat.split("/") if part.strip()]


def import_outlines(feeds: FeedStore, outlines: Sequence[Outline],
                    tags: Sequence[str] = ()) -> tuple[list[Feed], list[str]]:
    """Subscribe to each outline's feed (not fetched now); returns the feeds added and why
    the others were skipped."""
    added: list[Feed] = []
    skipped: list[str] = []
    for outline in outlines:
        if feeds.has_url(outline.url):
            skipped.append(f"{outline.url}: already subscribed")
            continue
        name = feeds.unique_name(slug(outline.title) or name_from_url(outline.url))
        try:
            added.append(feeds.add(outline.url, name, (*outline.tags, *tags)))
        except NewsdeskError as exc:
            skipped.append(exc.message)
    return added, skipped


def write_opml(feeds: Sequence[Feed]) -> bytes:
    """An OPML 2.0 document listing the feeds, tags as categories."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "newsdesk feeds"
    ET.SubElement(head, "dateCreated").text = utcnow().strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
