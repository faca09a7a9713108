"""Cleanup CPU time per article: clean_text over every page of a dev file, best of N runs per
page, caches emptied before each run.

With --against DIR (a folder holding an older `index/` package, e.g. made by
`git archive COMMIT index | tar -x -C DIR`), both versions are loaded in this one process and
timed page by page, alternately, so that a loaded machine slows both alike; the ratio of the
medians is the figure to compare.

    .venv/bin/python -m bench.cleanup_speed /work/shared/data/cleanup/dev.jsonl \\
        [--against /tmp/old] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Clean = Callable[..., object]


@dataclass(frozen=True, slots=True)
class Version:
    """One version's clean_text, and how to empty its caches (so that repeated timings of
    a page do not count cache hits that a new article would not get)."""

    clean: Clean
    clear: Callable[[], None]


def load_version(folder: Path | None) -> Version:
    """clean_text of the `index` package in ``folder`` (None: the installed one). The
    modules are dropped from sys.modules afterwards so another version can load."""
    if folder is not None:
        sys.path.insert(0, str(folder))
    try:
        function: Clean = importlib.import_module("index.extract").clean_text
        modules = [m for n, m in sys.modules.items() if n.startswith("index.")]
    finally:
        if folder is not None:
            sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n == "index" or n.startswith("index.")]:
            del sys.modules[name]
    caches = [f for m in modules for f in vars(m).values() if hasattr(f, "cache_clear")]
    return Version(function, lambda: [f.cache_clear() for f in caches] and None)


def page_ms(version: Version, text: str, url: str, runs: int) -> float:
    """The best of ``runs`` CPU timings of one clean_text on one page, in milliseconds (CPU
    time: on a loaded machine, wall time mostly measures waiting for a core)."""
    best = float("inf")
    for _ in range(runs):
        version.clear()
        start = time.process_time()
        with contextlib.suppress(Exception):  # either version's InputError: time counts
            version.clean(text, url=url)
        best = min(best, time.process_time() - start)
    return best * 1000


def report(name: str, times: list[float]) -> None:
    total = sum(times) / 1000
    print(f"{name:<8} median {statistics.median(times):.2f} ms/page, mean "
          f"{statistics.fmean(times):.2f}, {len(times) / total:.0f} pages/s in one process")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path, help="a JSONL file of {text, url} pages")
    parser.add_argument("--against", type=Path, help="folder holding an older index/ package")
    parser.add_argument("--runs", type=int, default=5, help="timings per page (best kept)")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines()]
    versions = {"current": load_version(None)}
    if args.against:
        versions["older"] = load_version(args.against)
    times: dict[str, list[float]] = {name: [] for name in versions}
    for row in rows:
        for name, version in versions.items():
            times[name].append(page_ms(version, row["text"], row.get("url", ""), args.runs))
    kb = statistics.median(len(r["text"].encode()) / 1024 for r in rows)
    print(f"{len(rows)} pages, median {kb:.1f} KB of text")
    for name, found in times.items():
        report(name, found)
    if args.against:
        ratio = statistics.median(times["current"]) / statistics.median(times["older"])
        print(f"current / older, medians: {ratio:.2f}")


if __name__ == "__main__":
    main()
