"""Source types: which inputs newsdesk reads and how each becomes an article (one registry).

To read a new kind of file, write a module with a function ``(text, source) -> Extracted``
(the decoded input and its `index.ingest.Source`; raise InputError when it holds no article)
and add one line to SOURCES naming its file suffixes and that function as "module:function"
(imported when the first such file is read). `newsdesk add`, `summarize` and the reader's
add prompt pick it up from there. A `Source` carries its SourceType itself, never a
name, so a kind is always one of these. Web pages arrive as HTML (index/fetch.py and the
feeds fetch them); URL is what `expand` gives an address before it is fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from index.ingest import Source
    from index.models import Extracted

Extractor = Callable[[str, "Source"], "Extracted"]


@dataclass(frozen=True, slots=True)
class SourceType:
    """One kind of input: the file suffixes that name it and the function that reads it."""

    suffixes: frozenset[str]
    reader: str  # "module:function", an Extractor

    def extract(self, text: str, source: Source) -> Extracted:
        """The article the decoded input holds."""
        module, name = self.reader.split(":")
        read: Extractor = getattr(import_module(module), name)
        return read(text, source)


def read_text(text: str, source: Source) -> Extracted:
    """Plain text or Markdown: a page's visible text, cleaned of what surrounds the article."""
    # Imported here: the cleaners pull in trafilatura and lxml, which plain reads do not need.
    from index.extract import clean_text

    return clean_text(text, url=source.url, filename=Path(source.origin).name,
                      saved=source.saved)


def read_html(text: str, source: Source) -> Extracted:
    """A saved or fetched web page."""
    from index.extract import extract_html

    return extract_html(text, url=source.url)


SOURCES: dict[str, SourceType] = {
    "text": SourceType(frozenset({".txt", ".text", ".md", ".markdown"}), "index.sources:read_text"),
    "html": SourceType(frozenset({".html", ".htm", ".xhtml"}), "index.sources:read_html"),
}
TEXT: Final = SOURCES["text"]
HTML: Final = SOURCES["html"]
URL: Final = "url"  # an address to fetch; it becomes an HTML source


def kind_of(path: Path) -> SourceType | None:
    """The source type a file's suffix names (a trailing .gz aside), or None."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return next((kind for kind in SOURCES.values() if last in kind.suffixes), None)
