"""Time of picking a story summary's sentences (parsing excluded), newsdesk beside sumy LexRank.

Every cluster is parsed once (newsdesk's splitter and prose filter) into one StoryDocument;
then each system picks from the same sentences: newsdesk's StorySummarizer.pick with the
cluster's word budget (the longest reference), LexRank ranking the same sentences. Prints CPU
and wall medians per cluster and their ratio. Single runs on a shared machine are noisy: run it
with the default OpenBLAS threads and with OPENBLAS_NUM_THREADS=1, and compare in one run only.

    python -m bench.pick_bench /work/evaldata/mds_duc2004.dev.jsonl [more.jsonl ...] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefing.summarizers._document import STEMMER, STOP_WORDS, build_document
from briefing.summarizers.story import StoryDocument, StorySummarizer

Cluster = tuple[StoryDocument, int]


def main(argv: Sequence[str] | None = None) -> None:
    """Print one Markdown table: median CPU and wall ms per cluster, and newsdesk's ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_files", nargs="+", help="JSONL: {docs, reference[, references]}")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the clusters")
    args = parser.parse_args(argv)
    clusters = [cluster for path in args.data_files for cluster in load(Path(path))]
    systems = {"newsdesk": newsdesk, "lexrank": lexrank}
    timings = {name: time_system(system, clusters, args.rounds) for name, system in systems.items()}
    print(f"\n{len(clusters)} clusters, {args.rounds} rounds (medians per cluster)\n")
    print("| system | CPU ms | wall ms | CPU / newsdesk |\n|---|---:|---:|---:|")
    base = timings["newsdesk"][0]
    for name, (cpu, wall) in timings.items():
        print(f"| {name} | {cpu:.1f} | {wall:.1f} | {cpu / base:.2f} |")


def load(path: Path) -> list[Cluster]:
    """Each cluster of a data file as one parsed story and its word budget."""
    clusters = []
    for line in path.read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            references = row.get("references") or [row["reference"]]
            document = StoryDocument([build_document(d["text"], d.get("title") or "")
                                      for d in row["docs"]])
            clusters.append((document, max(len(r.split()) for r in references)))
    return clusters


def time_system(
    system: Callable[[Cluster], object], clusters: list[Cluster], rounds: int
) -> tuple[float, float]:
    """Median CPU and wall milliseconds per cluster over `rounds` passes (one warm-up)."""
    cpu: list[float] = []
    wall: list[float] = []
    for round_ in range(rounds + 1):
        for cluster in clusters:
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            system(cluster)
            if round_:  # the first pass warms caches (stems, imports)
                cpu.append(1000 * (time.process_time() - start_cpu))
                wall.append(1000 * (time.perf_counter() - start_wall))
    return statistics.median(cpu), statistics.median(wall)


def newsdesk(cluster: Cluster) -> object:
    """newsdesk's pick within the cluster's word budget."""
    document, budget = cluster
    return StorySummarizer(STEMMER, stop_words=STOP_WORDS).pick(document, words=budget)


def lexrank(cluster: Cluster) -> object:
    """sumy LexRank over the same sentences (it rates them all; ten are taken)."""
    summarizer = LexRankSummarizer(STEMMER)
    summarizer.stop_words = STOP_WORDS
    return summarizer(ObjectDocumentModel(cluster[0].paragraphs), 10)


if __name__ == "__main__":
    main()
