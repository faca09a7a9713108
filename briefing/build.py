"""Writing a briefing: select, compose, render, and save PDF / Markdown / HTML atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from briefing.compose import TOP_STORIES, Options, compose
from briefing.outputs import Rendered
from briefing.registry import FORMATS, SECTIONS, OutputFormat, Sections, output_format
from briefing.render import template_folder
from briefing.select import Selection, parse_since, search_members, select_stories, story_articles
from briefing.story_picks import KeptPicks
from briefing.summarizers import DEFAULT_ALGORITHM
from index.errors import NewsdeskError
from index.filters import Filter
from index.library import Library

__all__ = ["BriefingFiles", "Selection", "default_path", "parse_since", "write_briefing"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class BriefingFiles:
    """What write_briefing wrote, by format name (briefing.registry.FORMATS), and how many
    stories."""

    paths: dict[str, Path]
    articles: int


def default_path(suffix: str, today: datetime | None = None) -> Path:
    """briefing-YYYY-MM-DD.<suffix> in the current folder."""
    return Path(f"briefing-{(today or datetime.now(UTC)):%Y-%m-%d}.{suffix}")


def write_briefing(
    library: Library,
    selection: Selection,
    *,
    outputs: Mapping[str, str | Path] | None = None,
    title: str | None = None,
    sections: Sections = "tags",
    sentences: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    top: int = TOP_STORIES,
    template_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> BriefingFiles:
    """Write a briefing on the selected articles: `outputs` maps format names to files; None
    writes every default format (PDF and Markdown) as briefing-YYYY-MM-DD.<suffix> here.
    The `top` stories are told in full, the others in one line each.
    Raises NewsdeskError when nothing matches (and then writes nothing). Uses no UI and no
    shared state, so a worker thread may call it as long as nothing else uses `library`."""
    if sections not in SECTIONS:
        raise NewsdeskError(f"unknown sections {sections!r}",
                            hint=f"use {' or '.join(SECTIONS)}")
    now = datetime.now(UTC)
    targets = _targets(outputs, now)
    folder = template_folder(template_dir, [t for name in targets
                                            for t in FORMATS[name].templates])
    # the saved searches of the sections also select: run once, used for both
    members = _search_sections(library, selection) if sections == "searches" else {}
    stories = select_stories(library, selection, searched=members)
    if not stories and selection.new:
        raise NewsdeskError("nothing new since the last briefing; nothing written",
                            hint="drop --new to brief everything selected")
    if not stories:
        raise NewsdeskError("no articles match this selection; nothing written",
                            hint="widen it: a longer --since, fewer tags, another query")
    kept = KeptPicks(library)
    briefing = compose(stories, story_articles(library, stories), _shown(library, selection),
                       members=members,
                       today=now, options=Options(title, sections, sentences, algorithm, top),
                       progress=progress, memo=kept)
    kept.save()
    rendered = Rendered(briefing, folder)
    for name, path in targets.items():
        _write_format(FORMATS[name], rendered, path, progress)
    # Recorded so that `--new` leaves these stories out next time.
    library.record_briefing(stories)
    return BriefingFiles(targets, briefing.article_count)


def _shown(library: Library, selection: Selection) -> Selection:
    """The selection as the heading describes it: a period that leaves no article of the
    library out (`--since 36500d`, the hint's "every article") is no criterion, and would
    print as "since 1926-12-17"."""
    if selection.since is None or library.count(Filter(until=selection.since)):
        return selection
    return replace(selection, since=None)


def _search_sections(library: Library, selection: Selection) -> dict[str, set[str]]:
    """The ids each section's saved search finds: the searches asked for, else every one."""
    names = selection.searches or tuple(n for n, _ in library.saved_searches())
    return search_members(library, names)


def _targets(outputs: Mapping[str, str | Path] | None, now: datetime) -> dict[str, Path]:
    """Output files by format name, in the registry's order."""
    if outputs is None:
        return {name: default_path(f.suffix, now) for name, f in FORMATS.items() if f.by_default}
    for name in outputs:
        output_format(name)
    return {name: Path(outputs[name]) for name in FORMATS if name in outputs}


def _write_format(kind: OutputFormat, rendered: Rendered, path: Path,
                  progress: Progress | None) -> None:
    if progress and kind.stage:
        progress(kind.stage, 0, 1)
    _write_atomic(path, kind.write(rendered))
    if progress and kind.stage:
        progress(kind.stage, 1, 1)


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
