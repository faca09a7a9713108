"""Times write_briefing (PDF + Markdown) on a library built from BBC-style JSON-lines articles:
wall time and this process's CPU time (the figure to trust on a loaded machine)."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from briefing.build import Selection, write_briefing
from index.filters import Filter
from index.library import Library

RUNS = 3


def main(argv: Sequence[str] | None = None) -> None:
    """Build (or reuse) a library, then print wall time and peak memory per article count."""
    args = _parser().parse_args(argv)
    source = Path(args.source)
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as scratch:
        work = Path(scratch)
        root = source if (source / "library.db").exists() else work / "library"
        with Library(root) as library:
            if root != source:
                _import(library, source, max(args.articles), work)
            for count in args.articles:
                for algorithm in args.algorithms.split(","):
                    _time(library, count, work, args.runs, algorithm)


def _import(library: Library, data: Path, count: int, work: Path) -> None:
    """Import the first `count` articles, each with a date, outlet, URL and category tag."""
    lines = []
    for number, line in enumerate(data.read_text(encoding="utf-8").splitlines()[:count]):
        row = json.loads(line)
        lines.append(json.dumps({
            "id": f"bbc{number:05d}", "title": row["title"], "body": row["article"],
            "outlet": "BBC", "url": f"https://www.bbc.co.uk/news/{row['id']}",
            "published": f"2026-11-{1 + number % 20:02d}T{number % 24:02d}:00:00+00:00",
            "tags": [row.get("category") or "news"],
        }))
    started = time.perf_counter()
    results = list(library.import_jsonl(lines, origin=str(data)))
    print(f"imported {len(results)} articles in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


def _time(library: Library, count: int, work: Path, runs: int, algorithm: str) -> None:
    ids = tuple(sorted(library.ids(Filter(duplicates=False)))[:count])
    selection = Selection(ids=ids)
    times, cpu = [], []
    for run in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        outputs = {"pdf": work / f"b{count}.pdf", "markdown": work / f"b{count}.md"}
        files = write_briefing(library, selection, outputs=outputs, algorithm=algorithm,
                               progress=_progress(run == 0))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_kb = (work / f"b{count}.pdf").stat().st_size / 1024
    print(f"{files.articles} articles, {algorithm}: median {statistics.median(times):.2f} s "
          f"(runs {', '.join(f'{t:.2f}' for t in times)}), CPU median "
          f"{statistics.median(cpu):.2f} s, peak RSS so far {peak_mb:.0f} MB, "
          f"PDF {size_kb:.0f} KB")


def _progress(show: bool):  # type: ignore[no-untyped-def]
    def report(stage: str, done: int, total: int) -> None:
        if show and (done == total or done % 50 == 0):
            print(f"  {stage}: {done}/{total}", file=sys.stderr)

    return report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", help="a summaries.jsonl file, or an existing library folder")
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 300],
                        help="article counts to brief (default: 50 300)")
    parser.add_argument("--algorithms", default="newsdesk,lead,lexrank",
                        help="summary algorithms, timed in the same run (default: newsdesk, and "
                             "the peers lead and lexrank)")
    parser.add_argument("--runs", type=int, default=RUNS)
    return parser


if __name__ == "__main__":
    main()
