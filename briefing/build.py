"""Writing a briefing: select, compose, render, and save PDF / Markdown / HTML atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import EllipsisType

from briefing.compose import Options, compose
from briefing.render import render_html, render_markdown, render_pdf, template_folder
from briefing.select import (
    Selection,
    parse_since,
    search_members,
    select_articles,
    select_stories,
)
from briefing.summarizers import DEFAULT_ALGORITHM
from index.errors import NewsdeskError
from index.library import Library

__all__ = ["BriefingFiles", "Selection", "default_path", "parse_since", "write_briefing"]

Progress = Callable[[str, int, int], None]
OutPath = str | Path | None | EllipsisType


@dataclass(frozen=True, slots=True)
class BriefingFiles:
    """What write_briefing wrote (None for an output not asked for) and how many stories."""

    pdf: Path | None
    markdown: Path | None
    html: Path | None
    articles: int


def default_path(suffix: str, today: datetime | None = None) -> Path:
    """briefing-YYYY-MM-DD.<suffix> in the current folder."""
    return Path(f"briefing-{(today or datetime.now(UTC)):%Y-%m-%d}.{suffix}")


def write_briefing(
    library: Library,
    selection: Selection,
    *,
    title: str | None = None,
    sections: str = "tags",
    pdf: OutPath = ...,
    markdown: OutPath = ...,
    html: OutPath = None,
    sentences: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    template_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> BriefingFiles:
    """Write a briefing on the selected articles. `...` means briefing-YYYY-MM-DD.pdf / .md in
    the current folder, None means not that output. Raises NewsdeskError when nothing matches
    (and then writes nothing). Uses no UI and no shared state, so a worker thread may call it
    as long as nothing else uses `library` meanwhile."""
    if sections not in ("tags", "searches"):
        raise NewsdeskError(f"unknown sections {sections!r}", hint="use tags or searches")
    folder = template_folder(template_dir)
    articles = select_articles(library, selection)
    if not articles and selection.new:
        raise NewsdeskError("nothing new since the last briefing; nothing written",
                            hint="drop --new to brief everything selected")
    if not articles:
        raise NewsdeskError("no articles match this selection; nothing written",
                            hint="widen it: a longer --since, fewer tags, another query")
    names = selection.searches or tuple(n for n, _ in library.saved_searches())
    members = search_members(library, names) if sections == "searches" else {}
    copies = {a.id: library.duplicates_of(a.id) for a in articles}
    now = datetime.now(UTC)
    briefing = compose(articles, selection, copies=copies, members=members, today=now,
                       options=Options(title, sections, sentences, algorithm), progress=progress)
    text = render_markdown(briefing, folder)
    targets = {kind: _target(path, kind, now) for kind, path in
               (("pdf", pdf), ("md", markdown), ("html", html))}
    page = render_html(briefing, text, folder) if targets["pdf"] or targets["html"] else ""
    if targets["md"]:
        _write_atomic(targets["md"], text.encode("utf-8"))
    if targets["html"]:
        _write_atomic(targets["html"], page.encode("utf-8"))
    if targets["pdf"]:
        if progress:
            progress("rendering PDF", 0, 1)
        _write_atomic(targets["pdf"], render_pdf(page, folder))
        if progress:
            progress("rendering PDF", 1, 1)
    _remember(library, selection, {a.id for a in articles})
    return BriefingFiles(targets["pdf"], targets["md"], targets["html"], len(articles))


def _remember(library: Library, selection: Selection, briefed: set[str]) -> None:
    """Record the stories this briefing covered, so `--new` leaves them out next time."""
    stories = select_stories(library, selection)
    library.record_briefing([s for s in stories if briefed.intersection(s.article_ids)])


def _target(path: OutPath, suffix: str, now: datetime) -> Path | None:
    if path is None:
        return None
    return default_path(suffix, now) if path is ... else Path(path)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename: a kill never leaves a half file under
    the real name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a briefing is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
