"""Rendering a Briefing: Jinja2 to Markdown, markdown-it-py to HTML, WeasyPrint to PDF."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup

from briefing.compose import Briefing
from index.errors import NewsdeskError

MARKDOWN_TEMPLATE = "briefing.md.j2"
HTML_TEMPLATE = "briefing.html.j2"
STYLESHEET = "briefing.css"
# A long briefing lists only its sections in the contents, not every story: the key points
# must start on the first page.
MAX_TOC_ARTICLES = 12

# Characters that can start Markdown syntax anywhere in a line; the rest only matter at its
# start (lists, headings, quotes), handled by _LINE_START.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")
_LINE_START = re.compile(r"^([-+=>#])|^(\d+)([.)])")
_HTTP_URL = re.compile(r"https?://[^\s<>\\]+", re.IGNORECASE)
_REF = re.compile(r"^\[(\d+)\]")
_SLUG_DROP = re.compile(r"[^\w\- ]+")


@dataclass(frozen=True, slots=True)
class TocItem:
    """A heading in the contents: level 2 for sections, 3 for articles."""

    level: int
    text: str
    id: str


def template_folder(template_dir: str | Path | None = None,
                    names: Iterable[str] = (MARKDOWN_TEMPLATE, HTML_TEMPLATE, STYLESHEET)
                    ) -> Path:
    """The folder holding the templates: the user's --template DIR or the packaged one.
    NewsdeskError when it lacks one of `names` (the templates the asked formats need)."""
    folder = Path(template_dir) if template_dir else Path(str(files("briefing.templates")))
    missing = [name for name in dict.fromkeys(names) if not (folder / name).is_file()]
    if missing:
        raise NewsdeskError(
            f"template folder {folder} lacks {', '.join(missing)}",
            hint="copy the packaged templates folder and edit the copy",
        )
    return folder


def md_escape(value: object) -> str:
    """Article text as Markdown that shows literally: one line, syntax characters escaped."""
    flat = " ".join(str(value).split())
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", flat)


def md_link(text: object, url: object) -> str:
    """A Markdown link when `url` is a plain http(s) URL, else just the escaped text."""
    url = str(url or "").strip()
    if _HTTP_URL.fullmatch(url):
        return f"[{md_escape(text)}](<{url}>)"
    return md_escape(text)


def cite(refs: object) -> str:
    """Reference numbers as Markdown that shows "[1, 4]" literally (never a link)."""
    numbers = ", ".join(str(n) for n in refs) if isinstance(refs, (list, tuple)) else str(refs)
    return f"\\[{numbers}\\]"


def environment(folder: Path) -> jinja2.Environment:
    """A Jinja2 environment on `folder`: HTML templates autoescaped, Markdown ones not (they
    escape with the `md` filter instead)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md_escape
    env.filters["md_link"] = md_link
    env.filters["cite"] = cite
    return env


def render_markdown(briefing: Briefing, folder: Path) -> str:
    """The briefing as Markdown, from the folder's briefing.md.j2."""
    return _render(environment(folder), MARKDOWN_TEMPLATE, briefing=briefing)


def markdown_to_html(markdown: str) -> tuple[str, list[TocItem]]:
    """HTML for the Markdown (raw HTML off, images off) and the headings for a contents list.
    Headings get ids: "[3] Headline" becomes ref-3, others s-<slug>."""
    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    md.core.ruler.push("heading_ids", _heading_ids)
    env: dict[str, Any] = {}
    html = md.renderer.render(md.parse(markdown, env), md.options, env)
    toc: list[TocItem] = env.get("toc", [])
    if sum(item.level == 3 for item in toc) > MAX_TOC_ARTICLES:
        toc = [item for item in toc if item.level == 2]
    return html, toc


def render_html(briefing: Briefing, markdown: str, folder: Path) -> str:
    """A standalone HTML document: the Markdown's HTML inside the folder's briefing.html.j2."""
    content, toc = markdown_to_html(markdown)
    # The heading block (before the first section) goes above the contents list.
    heading, marker, rest = content.partition("<h2")
    return _render(
        environment(folder),
        HTML_TEMPLATE,
        briefing=briefing,
        heading=Markup(heading),
        content=Markup(marker + rest),
        toc=toc,
        css=Markup((folder / STYLESHEET).read_text(encoding="utf-8")),
    )


def render_pdf(html: str, folder: Path) -> bytes:
    """The HTML as PDF. Only files inside the template folder can be loaded: article text is
    untrusted and must not make the renderer fetch anything."""
    # Imported here: WeasyPrint takes a second to import and only PDF output needs it.
    from weasyprint import HTML

    document = HTML(string=html, base_url=folder.resolve().as_uri() + "/",
                    url_fetcher=_template_fetcher(folder))
    return bytes(document.write_pdf())


def _template_fetcher(folder: Path) -> Any:
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class TemplateOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves files inside the template folder; refuses every other URL."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(root) or not path.is_file():
                raise ValueError(f"briefings load nothing from outside the templates: {url}")
            return super().fetch(url, headers)

    return TemplateOnlyFetcher(allowed_protocols=("file",))


def _render(env: jinja2.Environment, name: str, **context: Any) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        raise NewsdeskError(
            f"template {name}{where}: {exc}", hint="check your --template folder"
        ) from exc


def _heading_ids(state: StateCore) -> None:
    """Give each heading an id and record level 2 and 3 headings for the contents."""
    used: set[str] = set()
    toc: list[TocItem] = []
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = "".join(c.content for c in tokens[index + 1].children or [] if c.content)
        anchor = _anchor(text, used)
        token.attrSet("id", anchor)
        level = int(token.tag[1])
        if level in (2, 3):
            toc.append(TocItem(level, text, anchor))
    state.env["toc"] = toc


def _anchor(text: str, used: set[str]) -> str:
    if match := _REF.match(text):
        anchor = f"ref-{match[1]}"
    else:
        slug = "-".join(_SLUG_DROP.sub("", text.lower()).split()) or "section"
        anchor = f"s-{slug}"
    unique, n = anchor, 1
    while unique in used:
        n += 1
        unique = f"{anchor}-{n}"
    used.add(unique)
    return unique
