"""ROUGE of multi-article summaries (newsdesk's story summarizer and three baselines, one run).

Metric as /work/shared/data/mds/README.md defines it: rouge-score with stemming, ROUGE-1/2/L F1,
each output cut to the reference's length in words, averaged over the human summaries, then
over clusters. Every system sees the same sentences (newsdesk's offline splitter and prose
filter), so the comparison is of the choice of sentences only.

    python -m bench.mds_bench /work/evaldata/mds_duc2004.dev.jsonl [more.jsonl ...]

After each table: the first system against each other one, cluster by cluster.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score.rouge_scorer import RougeScorer
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefing.summarizers import summarize_story
from briefing.summarizers._document import STEMMER, STOP_WORDS, TOKENIZER, build_document
from briefing.summarizers.news import tfidf_rows

METRICS = ("rouge1", "rouge2", "rougeL")
REDUNDANT = 0.5  # the centroid baseline skips a sentence this similar to one it took
Docs = list[tuple[str, str]]
System = Callable[[Docs, int], list[str]]


def main(argv: Sequence[str] | None = None) -> None:
    """Print one Markdown table per data file: R1 / R2 / RL and time per cluster."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_files", nargs="+", help="JSONL: {docs, reference[, references]}")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    args = parser.parse_args(argv)
    scorer = RougeScorer(list(METRICS), use_stemmer=True)
    for path in args.data_files:
        rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        print(f"\n{Path(path).name}: {len(rows)} clusters\n")
        print("| system | R1 | R2 | RL | ms/cluster |\n|---|---:|---:|---:|---:|")
        per_system = {}
        for name in args.systems.split(","):
            scores, ms = per_system[name] = evaluate(SYSTEMS[name], rows, scorer)
            columns = zip(*scores, strict=True)
            means = " | ".join(f"{100 * statistics.fmean(c):.1f}" for c in columns)
            print(f"| {name} | {means} | {ms:.0f} |", flush=True)
        print_pairs({name: scores for name, (scores, _) in per_system.items()})


def print_pairs(per_system: dict[str, list[list[float]]]) -> None:
    """The first system against each other one, cluster by cluster: wins / losses, and the mean
    difference on the even and on the odd clusters (a margin that is not noise holds on both)."""
    first, *others = per_system
    if not others:
        return
    print(f"\n| {first} vs | R1 won/lost | R2 won/lost | RL won/lost "
          "| R1 diff even/odd | RL diff even/odd |\n|---|---:|---:|---:|---:|---:|")
    for other in others:
        pairs = list(zip(per_system[first], per_system[other], strict=True))
        cells = [f"{sum(a[m] > b[m] for a, b in pairs)}/{sum(a[m] < b[m] for a, b in pairs)}"
                 for m in range(len(METRICS))]
        for m in (0, 2):
            halves = [pairs[start::2] for start in (0, 1)]
            cells.append("/".join(f"{100 * statistics.fmean(a[m] - b[m] for a, b in half):+.2f}"
                                  for half in halves if half))
        print(f"| {other} | " + " | ".join(cells) + " |")


def evaluate(
    system: System, rows: list[dict[str, Any]], scorer: RougeScorer
) -> tuple[list[list[float]], float]:
    """Per-cluster [R1, R2, RL] F1 (mean over its references) and mean milliseconds."""
    scores, elapsed = [], 0.0
    for row in rows:
        docs = [(d.get("title") or "", d["text"]) for d in row["docs"]]
        references = row.get("references") or [row["reference"]]
        budget = max(len(r.split()) for r in references)
        start = time.perf_counter()
        words = " ".join(system(docs, budget)).split()
        elapsed += time.perf_counter() - start
        per_reference = []
        for reference in references:
            cut = " ".join(words[: len(reference.split())])
            result = scorer.score(reference, cut)
            per_reference.append([result[m].fmeasure for m in METRICS])
        scores.append([statistics.fmean(c) for c in zip(*per_reference, strict=True)])
    return scores, 1000 * elapsed / max(len(rows), 1)


def newsdesk(docs: Docs, budget: int) -> list[str]:
    """newsdesk's story summarizer with a word budget."""
    return [p.text for p in summarize_story(docs, words=budget)]


def _sentences(docs: Docs) -> list[list[str]]:
    return [[str(s) for s in build_document(body).sentences] for _, body in docs]


def _until(sentences: Sequence[str], budget: int) -> list[str]:
    out, total = [], 0
    for sentence in sentences:
        if total >= budget:
            break
        out.append(sentence)
        total += len(sentence.split())
    return out


def round_robin_lead(docs: Docs, budget: int) -> list[str]:
    """First sentence of each article in turn, then the second of each, and so on."""
    per_doc = _sentences(docs)
    order = [d[i] for i in range(max(map(len, per_doc), default=0)) for d in per_doc if i < len(d)]
    return _until(order, budget)


class _RankedLexRank(LexRankSummarizer):  # type: ignore[misc]
    """sumy's LexRank, its sentences returned best first instead of in document order."""

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):  # type: ignore[no-untyped-def]
        ranked = sorted(sentences, key=lambda s: -rating[s])
        return tuple(ranked[:count])


def lexrank(docs: Docs, budget: int) -> list[str]:
    """sumy LexRank over all the articles' sentences as one document."""
    paragraphs = [p for _, body in docs for p in build_document(body).paragraphs]
    document = ObjectDocumentModel(paragraphs)
    summarizer = _RankedLexRank(STEMMER)
    summarizer.stop_words = STOP_WORDS
    return _until([str(s) for s in summarizer(document, 40)], budget)


def centroid(docs: Docs, budget: int) -> list[str]:
    """MEAD-style: sentences ranked by TF-IDF cosine to the cluster's centroid (smoothed idf
    over its sentences), skipping any whose cosine to one already taken is 0.5 or more."""
    sentences = [s for d in _sentences(docs) for s in d]
    terms = [[STEMMER(w.lower()) for w in TOKENIZER.to_words(s) if w.lower() not in STOP_WORDS]
             for s in sentences]
    matrix = tfidf_rows(terms)
    taken: list[int] = []
    for i in np.argsort(-(matrix @ matrix.mean(axis=0)), kind="stable"):
        if all(matrix[i] @ matrix[j] < REDUNDANT for j in taken):
            taken.append(int(i))
    return _until([sentences[i] for i in taken], budget)


SYSTEMS: dict[str, System] = {
    "newsdesk": newsdesk,
    "lead-rr": round_robin_lead,
    "lexrank": lexrank,
    "centroid": centroid,
}

if __name__ == "__main__":
    main()
