"""ROUGE of every summary algorithm on a CNN/DailyMail-style JSONL file, as a Markdown table."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rouge_score.rouge_scorer import RougeScorer

from briefing.summarizers import ALGORITHMS, _document, summarize
from briefing.text import Tokenizer

METRICS = ("rouge1", "rouge2", "rougeLsum")
# The textbook Lead-3: first sentences straight from the splitter, no prose filter.
RAW_LEAD = "lead-raw"
SPLIT_ALGORITHMS = ("newsdesk", "lead")

Summarize = Callable[[str, int], list[str]]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table for the algorithms asked for (default: all, plus raw Lead-N)."""
    args = _parser().parse_args(argv)
    if args.splitter == "pysbd":
        _document.TOKENIZER = PysbdTokenizer()  # compare splitters on the same pipeline
    rows = [json.loads(line) for line in Path(args.data_file).read_text().splitlines() if line]
    names = args.algorithms.split(",") if args.algorithms else [*ALGORITHMS, RAW_LEAD]
    scorer = RougeScorer(list(METRICS), use_stemmer=True)
    print(f"{len(rows)} articles, {args.sentences} sentences, {args.splitter} splitter\n")
    print("| algorithm | R1 | R2 | RLsum | ms/article |\n|---|---:|---:|---:|---:|")
    splits: dict[str, list[list[float]]] = {}
    for name in names:
        scores, ms = _evaluate(_summarizer(name), rows, args.sentences, scorer)
        print(f"| {name} | {_fmt(scores)} | {ms:.1f} |", flush=True)
        if name in SPLIT_ALGORITHMS:
            splits[name] = scores
    _print_splits(splits)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_file", help="JSONL with {id, article, reference} per line")
    parser.add_argument("--algorithms", default="", help="comma-separated, default: all")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--splitter", choices=("regex", "pysbd"), default="regex")
    return parser


def _summarizer(name: str) -> Summarize:
    if name == RAW_LEAD:
        return lambda body, n: list(_document.TOKENIZER.to_sentences(body)[:n])
    return lambda body, n: summarize(body, sentences=n, algorithm=name)


def _evaluate(
    summarizer: Summarize, rows: list[dict[str, str]], sentences: int, scorer: RougeScorer
) -> tuple[list[list[float]], float]:
    """Per-document [R1, R2, RLsum] F1 and the mean time to summarize one article."""
    scores, elapsed = [], 0.0
    for row in rows:
        start = time.perf_counter()
        summary = summarizer(row["article"], sentences)
        elapsed += time.perf_counter() - start
        result = scorer.score(row["reference"], "\n".join(summary))
        scores.append([result[m].fmeasure for m in METRICS])
    return scores, 1000 * elapsed / max(len(rows), 1)


def _fmt(scores: list[list[float]]) -> str:
    means = [100 * statistics.fmean(column) for column in zip(*scores, strict=True)]
    return " | ".join(f"{m:.2f}" for m in means)


def _print_splits(splits: dict[str, list[list[float]]]) -> None:
    if not splits:
        return
    print("\n| algorithm | half | R1 | R2 | RLsum |\n|---|---|---:|---:|---:|")
    for name, scores in splits.items():
        print(f"| {name} | even (tuning) | {_fmt(scores[0::2])} |")
        print(f"| {name} | odd (held out) | {_fmt(scores[1::2])} |")


class PysbdTokenizer(Tokenizer):
    """pysbd sentences, for measuring the regex splitter against it."""

    def __init__(self) -> None:
        import pysbd  # only the comparison run pays for it

        self._segmenter = pysbd.Segmenter(language="en", clean=False)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences as pysbd finds them, stripped."""
        return tuple(s.strip() for s in self._segmenter.segment(paragraph) if s.strip())


if __name__ == "__main__":
    main()
