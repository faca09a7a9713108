"""Search latency: `Library.search` (with snippets) beside SQLite FTS5 and a LIKE scan.

Queries are one to three words from the BBC vocabulary at mixed document frequencies
(bench/synth.py `query_words`), limit 50, relevance order. The library is the first N
articles of a synthetic export file, imported with `newsdesk import` when the folder does
not hold one yet; FTS5 (porter tokenizer, bm25 order, snippet()) gets the same articles
and the same queries, the words ORed as newsdesk ranks them.

    python -m bench.synth jsonl /tmp/corpus-100k.jsonl 100000 \
        --data /work/shared/data/bbc/summaries.jsonl
    python -m bench.search_bench /tmp/corpus-100k.jsonl --size 100000 --library /tmp/lib-100k \
        --data /work/shared/data/bbc/summaries.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synth import Corpus, query_words
from index.library import Library

NEWSDESK = Path(sys.executable).with_name("newsdesk")


def build_library(jsonl: Path, size: int, folder: Path) -> None:
    """`newsdesk import` of the first `size` articles, unless the library is there."""
    if (folder / "library.db").exists():
        return
    with (tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as part,
          jsonl.open(encoding="utf-8") as fh):
        part.writelines(itertools.islice(fh, size))
    start = time.perf_counter()
    subprocess.run([str(NEWSDESK), "--library", str(folder), "import", part.name], check=True)
    print(f"imported {size} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    Path(part.name).unlink()


def build_fts(jsonl: Path, size: int, path: Path) -> sqlite3.Connection:
    """FTS5 over the articles, and a plain table of them for the LIKE scan."""
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    db.execute("CREATE TABLE plain (title TEXT, body TEXT)")
    with db, jsonl.open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, size):
            item = json.loads(line)
            db.execute("INSERT INTO docs VALUES (?, ?)", (item["title"], item["body"]))
            db.execute("INSERT INTO plain VALUES (?, ?)", (item["title"], item["body"]))
    return db


def timed(run: Callable[[str], int], queries: list[str]) -> tuple[list[float], list[int]]:
    times, counts = [], []
    for text in queries:
        start = time.perf_counter()
        counts.append(run(text))
        times.append((time.perf_counter() - start) * 1000)
    return times, counts


def summary(name: str, times: list[float], counts: list[int]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    return (f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {max(times):.0f} | "
            f"{statistics.mean(counts):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--data", type=Path, required=True,
                        help="BBC News summaries JSONL (the query vocabulary)")
    args = parser.parse_args()
    queries = query_words(Corpus(args.data), args.queries + 20)
    warmup, queries = queries[:20], queries[20:]
    build_library(args.jsonl, args.size, args.library)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_fts(args.jsonl, args.size, Path(tmp) / "fts.db")

        def fts(text: str) -> int:
            match = " OR ".join(f'"{w}"' for w in text.split())
            rows = db.execute(
                "SELECT rowid, snippet(docs, 1, '**', '**', '…', 32) FROM docs "
                "WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 50", (match,)).fetchall()
            return len(rows)

        def like(text: str) -> int:
            # what newsboat and FreshRSS do: a substring scan, any word, no ranking
            words = text.split()
            where = " OR ".join("title LIKE ? OR body LIKE ?" for _ in words)
            params = [f"%{w}%" for w in words for _ in (0, 1)]
            rows = db.execute(f"SELECT rowid, title FROM plain WHERE {where} LIMIT 50",
                              params).fetchall()
            return len(rows)

        with Library(args.library) as library:
            def newsdesk(text: str) -> int:
                return len(library.search(text, limit=50).hits)

            def reader(text: str) -> int:
                # as the reader's search runs after the typing pause (tui/screens/main.py)
                return len(library.search(text, limit=50, snippets=False, exact=True).hits)

            articles = library.count()
            for text in warmup:  # open the searcher and the caches, as a running app has
                newsdesk(text)
                fts(text)
            rows = []
            # interleaved rounds, so load on the shared machine hits both alike
            systems = {"newsdesk Library.search (snippets)": newsdesk,
                       "newsdesk as the reader searches (exact count, no snippets)": reader,
                       "SQLite FTS5 bm25 + snippet()": fts,
                       "SQLite LIKE scan (first 50, unranked)": like}
            found: dict[str, tuple[list[float], list[int]]] = {n: ([], []) for n in systems}
            for half in (queries[::2], queries[1::2]):
                for name, run in systems.items():
                    t, c = timed(run, half)
                    found[name][0].extend(t)
                    found[name][1].extend(c)
            rows += [summary(name, *found[name]) for name in systems]
            nd_median = statistics.median(found["newsdesk Library.search (snippets)"][0])
            for name in list(systems)[2:]:
                ratio = statistics.median(found[name][0]) / nd_median
                rows.append(f"| median of {name} / newsdesk | {ratio:.2f} | | | |")
    print(f"{articles} articles, {len(queries)} queries of 1-3 words, limit 50")
    print("| system | median ms | p95 ms | max ms | mean hits |")
    print("|---|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
