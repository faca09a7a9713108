"""How long a user's tag, mark and search take while two bulk imports run.

    python -m bench.synth jsonl /tmp/busy-a.jsonl 4000 --data /work/shared/data/bbc/summaries.jsonl
    python -m bench.synth jsonl /tmp/busy-b.jsonl 4000 --data ... (another seed or slice)
    python -m bench.busy_bench /tmp/busy-lib /tmp/busy-a.jsonl /tmp/busy-b.jsonl

Each user action opens the library afresh (as a command does) in this process, so the
figures are the library's waits, not Python's start-up. The same actions are first timed
with the library idle (--idle rounds), then while the imports run: median, p95 and max of
each, both phases in the same run, so a loaded machine shows in both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from index.library import Library


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("imports", type=Path, nargs=2)
    parser.add_argument("--idle", type=int, default=30, help="rounds timed before the imports")
    args = parser.parse_args()
    with Library(args.library) as library:  # one article to tag, before the imports
        ids = library.store.ids(limit=1)
    if not ids:
        sys.exit("the library needs one article first: newsdesk --library DIR add FILE")
    env = {**os.environ, "NEWSDESK_HOME": str(args.library)}
    command = [sys.executable, "-c", "from tui.cli import main; main()", "import"]
    idle: dict[str, list[float]] = {"tag": [], "mark": [], "search": []}
    for n in range(args.idle):
        time_actions(args.library, ids[0], n, idle)
    procs = [subprocess.Popen([*command, str(path)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for path in args.imports]
    busy: dict[str, list[float]] = {"tag": [], "mark": [], "search": []}
    n = 0
    while any(p.poll() is None for p in procs):
        time_actions(args.library, ids[0], n, busy)
        n += 1
    for phase, timings in (("idle", idle), ("busy", busy)):
        for action, values in timings.items():
            report(phase, action, values)


def time_actions(library_dir: Path, article: str, n: int,
                 timings: dict[str, list[float]]) -> None:
    """Tag, mark and search once each, each in a freshly opened library, timing each."""
    for action in timings:
        start = time.perf_counter()
        with Library(library_dir) as library:
            if action == "tag":
                library.tag(article, add=[f"t{n % 3}"])
            elif action == "mark":
                library.mark(article, starred=bool(n % 2))
            else:
                library.search("government OR minister", limit=20)
        timings[action].append(time.perf_counter() - start)


def report(phase: str, action: str, values: list[float]) -> None:
    """One line: how many, median, p95 and max."""
    if not values:
        return
    values.sort()
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    print(f"{phase} {action:>7}: n={len(values)} median={statistics.median(values):.3f} s "
          f"p95={p95:.3f} s max={values[-1]:.3f} s")

if __name__ == "__main__":
    main()
