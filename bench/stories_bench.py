"""Story grouping quality (B-cubed P/R/F1, ARI) and speed, newsdesk against a plain baseline.

    .venv/bin/python -m bench.stories_bench DATA.jsonl [DATA.jsonl ...] [--speed N] [--library N]
        [--halves]

Each line: {"id", "title", "text", "published" (date text or null), "event", ...}; articles
with the same "event" report the same event. The baseline is a plain TF-IDF single-pass
grouping (cosine to the cluster centroid >= 0.25, whole text, no dates), run in the same run.
--speed N times `group` over N articles (the data repeated with fresh ids if needed);
--library N times Library.stories over N of them imported into a library on disk.
--halves also scores each half of a file alone (topics, else events, split by the parity of
their last number; each half grouped on its own), so that a rule can be seen to help both.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from index.analysis import NEWS_STOP_WORDS
from index.errors import InputError
from index.extract import clean_text
from index.library import Library
from index.models import Article
from index.stories import group
from index.story_vectors import WORD

Grouper = Callable[[Sequence[Article]], list[list[int]]]


def load(path: Path) -> tuple[list[Article], list[str]]:
    """Articles as `add` would make them from a file of title, date line and text, and their
    gold event labels."""
    articles, labels = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            row = json.loads(line)
            articles.append(_article(f"{number:05d}", row))
            labels.append(str(row["event"]))
    return articles, labels


def halves(path: Path) -> dict[str, list[int]]:
    """Row numbers of the even and odd halves of a file: its topics (else its events) split
    by the parity of the last number in their name."""
    found: dict[str, list[int]] = {"even": [], "odd": []}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for number, row in enumerate(rows):
        digits = re.findall(r"\d+", str(row.get("topic") or row["event"]))
        if digits:
            found["odd" if int(digits[-1]) % 2 else "even"].append(number)
    return found


def _article(aid: str, row: dict[str, str | None]) -> Article:
    parts = [row.get("title") or "", row.get("published") or "", row.get("text") or ""]
    text = "\n\n".join(p for p in parts if p)
    added = datetime(2000, 1, 1, tzinfo=UTC)
    try:
        found = clean_text(text, url=row.get("url") or "")
    except InputError:
        return Article(id=aid, title=parts[0], body=parts[2], added=added)
    return Article(id=aid, title=found.title, body=found.body, published=found.published,
                   added=added, outlet=found.outlet, url=found.url)


def _plain_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in NEWS_STOP_WORDS]


def baseline(articles: Sequence[Article], threshold: float = 0.25) -> list[list[int]]:
    """Plain TF-IDF single pass over the whole text, input order, centroid cosine."""
    bags = [Counter(_plain_words(a.title + "\n" + a.body)) for a in articles]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {t: i for i, t in enumerate(df)}
    n = len(bags)
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, bag in enumerate(bags):
        for t, c in bag.items():
            m[r, vocab[t]] = (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1)
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    groups: list[list[int]] = []
    cents: list[np.ndarray] = []
    for i in range(n):
        if cents:
            sims = np.array([c @ m[i] for c in cents])
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                groups[best].append(i)
                c = m[groups[best]].mean(axis=0)
                cents[best] = c / np.linalg.norm(c)
                continue
        groups.append([i])
        cents.append(m[i].copy())
    return groups


def bcubed(groups: list[list[int]], labels: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over articles."""
    cluster = {i: g for g in groups for i in g}
    gold: Counter[str] = Counter(labels)
    p = r = 0.0
    for i, label in enumerate(labels):
        same = sum(1 for j in cluster[i] if labels[j] == label)
        p += same / len(cluster[i])
        r += same / gold[label]
    p, r = p / len(labels), r / len(labels)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def ari(groups: list[list[int]], labels: Sequence[str]) -> float:
    """Adjusted Rand index."""
    def pairs(k: float) -> float:
        return k * (k - 1) / 2

    cells: Counter[tuple[int, str]] = Counter()
    for g, members in enumerate(groups):
        for i in members:
            cells[(g, labels[i])] += 1
    index = sum(pairs(v) for v in cells.values())
    a = sum(pairs(len(g)) for g in groups)
    b = sum(pairs(v) for v in Counter(labels).values())
    expected = a * b / pairs(len(labels))
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def score(name: str, grouper: Grouper, articles: list[Article], labels: list[str]) -> None:
    start = time.perf_counter()
    groups = grouper(articles)
    took = time.perf_counter() - start
    p, r, f = bcubed(groups, labels)
    print(f"  {name:10s} B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  ARI {ari(groups, labels):.3f}  "
          f"stories {len(groups)} (gold {len(set(labels))})  {took:.2f}s")


def speed(articles: list[Article], n: int, runs: int = 5) -> None:
    pool = [a.with_state(id=f"{k:06d}") for k, a in
            enumerate(articles[i % len(articles)] for i in range(n))]
    times: dict[str, list[float]] = {"newsdesk": [], "baseline": []}
    for _ in range(runs):
        for name, fn in (("newsdesk", group), ("baseline", baseline)):
            start = time.perf_counter()
            fn(pool)
            times[name].append(time.perf_counter() - start)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"speed over {n} articles, median of {runs}: newsdesk {med['newsdesk']:.2f}s, "
          f"baseline {med['baseline']:.2f}s (ratio {med['newsdesk'] / med['baseline']:.2f})")


def library_speed(articles: list[Article], n: int, keep: Path | None = None) -> None:
    """`Library.stories` over n articles of a fresh library on disk: the first call places
    every article into a story, the second reads the stored stories; the baseline grouping of
    the same articles in the same run."""
    pool = [articles[i % len(articles)] for i in range(n)]
    with tempfile.TemporaryDirectory() as folder, Library(keep or Path(folder)) as library:
        lines = [json.dumps({"id": f"a{k:05d}", "title": a.title, "body": a.body,
                             "published": a.published.isoformat() if a.published else None,
                             "added": "2026-11-20T00:00:00+00:00", "outlet": a.outlet})
                 for k, a in enumerate(pool)]
        list(library.import_jsonl(lines, "bench"))
        ids = library.store.ids()
        roots = [a for a in library.store.get_many(ids) if a.duplicate_of is None]
        start = time.perf_counter()
        first = library.stories(ids)
        placing = time.perf_counter() - start
        start = time.perf_counter()
        library.stories(ids)
        stored = time.perf_counter() - start
        start = time.perf_counter()
        baseline(roots)
        plain = time.perf_counter() - start
    print(f"Library.stories over {len(ids)} articles ({len(roots)} not copies, "
          f"{len(first)} stories): first call {placing:.2f}s, again {stored:.2f}s; "
          f"baseline grouping {plain:.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--speed", type=int, default=0, metavar="N")
    parser.add_argument("--library", type=int, default=0, metavar="N",
                        help="time Library.stories over N articles of a library on disk")
    parser.add_argument("--halves", action="store_true",
                        help="score each half (topic parity) alone too")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="make that library in DIR (new) and keep it, to time the CLI")
    args = parser.parse_args()
    for path in args.data:
        articles, labels = load(path)
        print(f"{path.name}: {len(articles)} articles, {len(set(labels))} events")
        score("baseline", baseline, articles, labels)
        score("newsdesk", group, articles, labels)
        for name, rows in (halves(path) if args.halves else {}).items():
            print(f" {name} half: {len(rows)} articles")
            part, gold = [articles[i] for i in rows], [labels[i] for i in rows]
            score("baseline", baseline, part, gold)
            score("newsdesk", group, part, gold)
    everything = [a for path in args.data for a in load(path)[0]]
    if args.speed:
        speed(everything, args.speed)
    if args.library:
        library_speed(everything, args.library, args.keep)


if __name__ == "__main__":
    main()
