"""Placing articles into stored stories on a library of N articles: the first grouping of the
whole library, then new articles added one at a time, each placed (Library.stories of it).

    .venv/bin/python -m bench.place_bench CORPUS.jsonl --articles 5000 [--new 5]

CORPUS.jsonl is `newsdesk import` input (e.g. /work/benchdata/corpus-100k.jsonl): the first N
lines make the library, the next --new lines are the new articles. The peer, in the same run:
grouping each new article's neighbours of +-7 days from scratch (index.stories.group over
them, what placing cost before stories were kept), timed on the same articles. Wall and CPU
(process time) are printed; on a loaded machine CPU is the figure to compare.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from index.library import Library
from index.stories import group
from index.story_assign import WINDOW, _utc

Timed = tuple[float, float]


def timed(work: Callable[[], object]) -> Timed:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def neighbours(library: Library, article_id: str, most: int = 2000) -> list[str]:
    """The roots dated within WINDOW of an article (up to `most`, as placing reads)."""
    date = _utc(library.get(article_id).date)
    rows = library.store.db.execute(
        "SELECT id FROM articles WHERE duplicate_of IS NULL "
        "AND COALESCE(published, added) BETWEEN ? AND ? LIMIT ?",
        ((date - WINDOW).isoformat(), (date + WINDOW).isoformat(), most))
    return [r[0] for r in rows]


def run(corpus: Path, articles: int, new: int, root: Path) -> None:
    with corpus.open(encoding="utf-8") as lines:
        first = list(itertools.islice(lines, articles))
        later = list(itertools.islice(lines, new))
    with Library(root) as library:
        list(library.import_jsonl(first, "bench"))
        ids = library.store.ids()
        wall, cpu = timed(lambda: library.stories(ids))
        print(f"first grouping of {len(ids)} articles: {wall:.2f} s wall, {cpu:.2f} s CPU")
        placing: list[Timed] = []
        regroup: list[Timed] = []
        for line in later:
            before = set(library.store.ids())
            list(library.import_jsonl([line], "bench"))
            added = [i for i in library.store.ids() if i not in before]
            if not added:
                continue  # a copy of an article already there
            placing.append(timed(functools.partial(library.stories, added)))
            around = library.store.get_many(neighbours(library, added[0]))
            regroup.append(timed(functools.partial(group, around)))
        for name, times in (("placing one new article", placing),
                            ("peer: regrouping its neighbours", regroup)):
            print(f"{name}: median {statistics.median(t[0] for t in times):.2f} s wall, "
                  f"{statistics.median(t[1] for t in times):.2f} s CPU "
                  f"({len(times)} articles)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak RSS {peak} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--new", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="place-bench-") as folder:
        run(args.corpus, args.articles, args.new, Path(folder))


if __name__ == "__main__":
    main()
