"""Reader benchmark: time to first screen, search latency after the debounce, peak memory.

    python -m bench.tui_bench synth 100000 /tmp/bench100k.jsonl --data BBC.jsonl  # a library file
    NEWSDESK_HOME=/tmp/bench100k newsdesk import /tmp/bench100k.jsonl
    python -m bench.tui_bench run /tmp/bench100k                  # the figures
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUTLETS = ("Border Wire", "Desk Daily", "Evening Ledger", "Harbour Times", "Plains Courier",
           "Riverside Post", "Northern Standard", "Capital Gazette")
QUERIES = (
    "oil", "election campaign", "mobile phone market", "film award", "bank rates",
    "football", "court ruling", "minister", "music", "shares fell sharply", "broadband",
    "chelsea", "tax", "strike", "games console", "prime minister blair", "inflation",
    "tennis", "software", "growth forecast",
)


def synth(count: int, out: Path, data: Path, seed: int = 7) -> None:
    """Write `count` export-format lines whose bodies mix paragraphs of different BBC stories."""
    rng = random.Random(seed)
    stories = [json.loads(line) for line in data.open(encoding="utf-8")]
    paragraphs = [p.strip() for s in stories for p in s["article"].split("\n\n")[1:] if p.strip()]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with out.open("w", encoding="utf-8") as fh:
        for n in range(count):
            story = stories[n % len(stories)]
            lead = story["article"].split("\n\n")[0]
            body = "\n\n".join([lead, *rng.sample(paragraphs, rng.randint(3, 7))])
            line = {
                "title": f"{story['title']} ({n})",
                "body": body,
                "outlet": OUTLETS[n % len(OUTLETS)],
                "published": (start + timedelta(minutes=7 * n)).isoformat(),
                "tags": [story["category"]] + (["watch"] if n % 97 == 0 else []),
            }
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def run(library: Path, runs: int) -> dict[str, object]:
    """Start-up, search and memory figures, each start-up in a fresh interpreter."""
    starts, rows = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-m", "bench.tui_bench", "_startup", str(library)],
                             capture_output=True, text=True, check=True)
        first, listed = (float(x) for x in out.stdout.split())
        starts.append(first)
        rows.append(listed)
    out = subprocess.run([sys.executable, "-m", "bench.tui_bench", "_search", str(library)],
                         capture_output=True, text=True, check=True)
    search = json.loads(out.stdout)
    return {"first_screen_s_median": round(statistics.median(starts), 3),
            "first_screen_s_all": [round(s, 3) for s in starts],
            "first_rows_s_median": round(statistics.median(rows), 3), **search}


def _startup(library: Path) -> None:
    # Measured from interpreter start (the process start less a few ms) to the first frame.
    import asyncio

    t0 = time.perf_counter() - _process_age()
    from tui.app import NewsdeskApp
    from tui.widgets.article_list import ArticleList

    async def go() -> tuple[float, float]:
        app = NewsdeskApp(library_path=str(library))
        async with app.run_test(size=(120, 40)) as pilot:
            drawn = time.perf_counter()  # run_test returns once the first screen is up
            listing = app.main_screen.query_one(ArticleList)
            while not listing.row_count:
                await asyncio.sleep(0.002)
            await pilot.pause()
            rows = time.perf_counter()
        return drawn - t0, rows - t0

    print(*asyncio.run(go()))


def _process_age() -> float:
    # Seconds since this process started, from /proc (Linux): counts interpreter start-up.
    import os

    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return max(0.0, uptime - start)


def _search(library: Path) -> None:
    import asyncio
    import resource

    from tui.app import NewsdeskApp
    from tui.widgets.article_list import ArticleList

    async def go() -> list[float]:
        app = NewsdeskApp(library_path=str(library))
        times: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            listing = app.main_screen.query_one(ArticleList)
            while not listing.row_count:
                await asyncio.sleep(0.01)
            await app.workers.wait_for_complete()
            for query in QUERIES:
                t = time.perf_counter()
                app.main_screen.run_search(query)  # what the debounce timer runs
                await app.workers.wait_for_complete()
                await pilot.pause()  # the rows drawn from the results' message
                times.append(time.perf_counter() - t)
        return times

    times = asyncio.run(go())
    ordered = sorted(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "search_ms_median": round(statistics.median(times) * 1000, 1),
        "search_ms_p95": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "queries": len(times),
        "peak_rss_mb": round(peak, 1),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("synth")
    p.add_argument("count", type=int)
    p.add_argument("out", type=Path)
    p.add_argument("--data", type=Path, required=True, help="BBC News summaries JSONL")
    p = sub.add_parser("run")
    p.add_argument("library", type=Path)
    p.add_argument("--runs", type=int, default=5)
    for hidden in ("_startup", "_search"):
        sub.add_parser(hidden).add_argument("library", type=Path)
    args = parser.parse_args()
    if args.cmd == "synth":
        synth(args.count, args.out, args.data)
    elif args.cmd == "run":
        print(json.dumps(run(args.library, args.runs), indent=2))
    elif args.cmd == "_startup":
        _startup(args.library)
    else:
        _search(args.library)


if __name__ == "__main__":
    main()
