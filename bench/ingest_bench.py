"""Ingest speed: articles per second into a fresh library, beside a plain Whoosh writer and FTS5.

Every contender reads the same folder of scraped-style .txt files (see bench/synth.py) into
an empty index, in one run, so the ratios hold however busy the shared machine is. Each contender
runs in its own child process; peak RSS is the larger `ru_maxrss` of that process
(RUSAGE_SELF) and of the processes it waited for (RUSAGE_CHILDREN).

The newsdesk measured is the source tree given by --tree (by default the one holding this
file): each child runs in that folder with it on PYTHONPATH, so the in-process contenders and
the CLI alike import its index/. (`PYTHONPATH=OLD python -m bench.ingest_bench` is not enough:
`-m` and `-c` put the current folder before PYTHONPATH, so in-process contenders would measure
the current tree against itself.)

    python -m bench.synth txt /tmp/corpus-20k 20000 --data /work/shared/data/bbc/summaries.jsonl
    python -m bench.ingest_bench /tmp/corpus-20k --rounds 3 [--tree /tmp/old-checkout]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

NEWSDESK = Path(sys.executable).with_name("newsdesk")
HERE = Path(__file__).resolve()


def text_files(folder: Path) -> Iterator[Path]:
    """The corpus files in the order `newsdesk add` walks them."""
    return iter(sorted(folder.rglob("*.txt")))


def title_and_body(path: Path) -> tuple[str, str]:
    """What a plain indexer without a cleaner sees: first line as title, the rest as body."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return first, rest


def cli_add(folder: Path, work: Path) -> int:
    """`newsdesk add FOLDER` into a fresh library, as a user runs it."""
    out = subprocess.run([str(NEWSDESK), "--library", str(work / "lib"), "add", str(folder)],
                         capture_output=True, text=True, check=True)
    return int(re.search(r"(\d+) added", out.stderr).group(1))  # type: ignore[union-attr]


def library_add(folder: Path, work: Path) -> int:
    """`Library.add` in-process (no CLI, no progress bar)."""
    from index.library import Library

    with Library(work / "lib") as library:
        return sum(1 for r in library.add([str(folder)]) if r.status == "added")


def library_add_stages(folder: Path, work: Path) -> int:
    """`Library.add` in-process, printing (to stderr) the CPU per article of each stage of
    the process that stores and indexes, of the cleaner processes, and how long it waited."""
    # Imported here, and patched here only: the other contenders run unwrapped.
    from bench.ingest_stages import Stages

    with Stages() as stages:
        added = library_add(folder, work)
    print(stages.report(added), file=sys.stderr)
    return added


def plain_whoosh(folder: Path, work: Path) -> int:
    """Whoosh as its tutorial writes it: StemmingAnalyzer title/body, one commit."""
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    schema = fields.Schema(id=fields.ID(stored=True, unique=True),
                           title=fields.TEXT(analyzer=StemmingAnalyzer()),
                           body=fields.TEXT(analyzer=StemmingAnalyzer()))
    (work / "wh").mkdir()
    ix = index.create_in(str(work / "wh"), schema)
    writer = ix.writer()
    paths = list(text_files(folder))
    for path in paths:
        title, body = title_and_body(path)
        writer.add_document(id=str(path), title=title, body=body)
    writer.commit()
    return len(paths)


def fts5(folder: Path, work: Path) -> int:
    """SQLite FTS5 with the porter tokenizer, one transaction."""
    db = sqlite3.connect(work / "fts.db")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    paths = list(text_files(folder))
    with db:
        for path in paths:
            db.execute("INSERT INTO docs VALUES (?, ?)", title_and_body(path))
    db.close()
    return len(paths)


CONTENDERS: dict[str, Callable[[Path, Path], int]] = {
    "newsdesk add (CLI)": cli_add,
    "Library.add": library_add,
    "Library.add (stages)": library_add_stages,
    "plain Whoosh": plain_whoosh,
    "SQLite FTS5": fts5,
}


def run_one(name: str, folder: Path, tree: Path) -> tuple[int, float, float]:
    """(articles, seconds, peak RSS MB) of one contender in a child process that imports
    newsdesk from `tree`."""
    # The contenders come from this file, whatever the tree holds (an old tree may lack it).
    script = ("import sys, time, runpy; from pathlib import Path;"
              f"b = runpy.run_path({str(HERE)!r});"
              f"w = Path(sys.argv[1]); t = time.perf_counter();"
              f"n = b['CONTENDERS'][{name!r}](Path({str(folder.resolve())!r}), w);"
              "import resource as r; g = r.getrusage;"
              "print(n, time.perf_counter() - t,"
              " max(g(r.RUSAGE_SELF).ru_maxrss, g(r.RUSAGE_CHILDREN).ru_maxrss))")
    work = Path(tempfile.mkdtemp(prefix="ingest-", dir=os.environ.get("BENCH_TMP")))
    try:
        # `-c` puts the child's folder first on sys.path; PYTHONPATH reaches the CLI's process
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(tree), *filter(None, [os.environ.get("PYTHONPATH")])])}
        done = subprocess.run([sys.executable, "-c", script, str(work)], cwd=tree, env=env,
                              capture_output=True, text=True, check=True)
        out = done.stdout.split()
        if name == "Library.add (stages)":
            print(done.stderr.rstrip(), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # the largest of the child and its own children (the CLI; Whoosh's sub-writers)
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", action="append", choices=list(CONTENDERS))
    parser.add_argument("--tree", type=Path, default=HERE.parent.parent,
                        help="the newsdesk source tree to measure (default: this one)")
    args = parser.parse_args()
    names = args.only or list(CONTENDERS)
    tree = args.tree.resolve()
    if not (tree / "index" / "library.py").is_file():
        parser.error(f"{tree} is not a newsdesk source tree (no index/library.py)")
    print(f"newsdesk from {tree}", file=sys.stderr)
    times: dict[str, list[float]] = {n: [] for n in names}
    counts: dict[str, int] = {}
    peaks: dict[str, float] = {}
    for round_ in range(args.rounds):
        for name in names:  # interleaved, so load on the machine hits every contender alike
            n, seconds, peak = run_one(name, args.folder, tree)
            counts[name] = n
            times[name].append(seconds)
            peaks[name] = max(peaks.get(name, 0.0), peak)
            print(f"round {round_ + 1} {name}: {n} articles, {seconds:.1f} s, "
                  f"{n / seconds:.0f}/s, peak RSS {peak:.0f} MB", file=sys.stderr)
    print("| contender | articles | median s | articles/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        med = statistics.median(times[name])
        print(f"| {name} | {counts[name]} | {med:.1f} | {counts[name] / med:.0f} | "
              f"{peaks[name]:.0f} |")


if __name__ == "__main__":
    main()
