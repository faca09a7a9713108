"""Article-cleanup quality: shingle precision/recall/F1 of clean_text and extract_html bodies."""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.cleanup_meta import load_meta, report_meta, score_meta
from index.errors import InputError
from index.extract import clean_text, extract_html
from index.models import Extracted

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Case:
    """One annotated page: its text, its HTML path and the true body."""

    id: str
    url: str
    text: str
    truth: str
    html_path: Path


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of one prediction, plus the time it took."""

    case: Case
    precision: float
    recall: float
    ms: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's unit: lowercase word 4-grams, counted (a multiset)."""
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def precision_recall(predicted: str, truth: str) -> tuple[float, float]:
    """Per-document P and R; an empty prediction scores 0 on both (not undefined)."""
    pred, true = shingles(predicted), shingles(truth)
    if not pred or not true:
        return 0.0, 0.0
    shared = sum((pred & true).values())
    return shared / sum(pred.values()), shared / sum(true.values())


def load(data_dir: Path) -> list[Case]:
    """The dev set's cases, in file order."""
    cases = []
    with (data_dir / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            path = data_dir / "html" / f"{row['id']}.html.gz"
            cases.append(Case(row["id"], row["url"], row["text"], row["truth"], path))
    return cases


def run(cases: list[Case], predict: Callable[[Case], str]) -> list[Score]:
    """Score every case; a rejected input (InputError) counts as an empty prediction."""
    scores = []
    for case in cases:
        start = time.perf_counter()
        try:
            body = predict(case)
        except InputError:
            body = ""
        ms = (time.perf_counter() - start) * 1000
        scores.append(Score(case, *precision_recall(body, case.truth), ms))
    return scores


def summary(scores: list[Score]) -> tuple[float, float, float]:
    """Averaged P and R over documents, and the F1 of those averages."""
    if not scores:
        return 0.0, 0.0, 0.0
    p = statistics.fmean(s.precision for s in scores)
    r = statistics.fmean(s.recall for s in scores)
    return p, r, f1(p, r)


def report(name: str, scores: list[Score], worst: int) -> None:
    """Print overall, held-out split and timing figures, then the worst pages."""
    even = [s for i, s in enumerate(scores) if i % 2 == 0]
    odd = [s for i, s in enumerate(scores) if i % 2 == 1]
    print(f"\n{name}  (n={len(scores)})")
    for label, part in (("all", scores), ("even", even), ("odd", odd)):
        p, r, f = summary(part)
        print(f"  {label:<5} P={p:.3f}  R={r:.3f}  F1={f:.3f}")
    print(f"  median {statistics.median(s.ms for s in scores):.2f} ms/doc")
    for s in sorted(scores, key=lambda s: s.f1)[:worst]:
        print(f"  worst F1={s.f1:.3f} P={s.precision:.2f} R={s.recall:.2f}  {s.case.url}")


def read_html(case: Case) -> str:
    """The page's original HTML, decoded leniently."""
    return gzip.decompress(case.html_path.read_bytes()).decode("utf-8", errors="replace")


def _extracted(case: Case, with_url: bool = True) -> Extracted | None:
    try:
        return clean_text(case.text, url=case.url if with_url else "")
    except InputError:
        return None


def score_meta_of(cases: list[Case], meta_path: Path, misses: int, with_url: bool = True
                  ) -> None:
    """Headline, date, author and outlet of clean_text against the HTML's metadata."""
    pages = [(c.id, c.url, _extracted(c, with_url)) for c in cases]
    meta = load_meta(meta_path)
    texts = {c.id: c.text for c in cases}
    report_meta("clean_text", score_meta(pages, meta, texts), misses)
    even = [p for i, p in enumerate(pages) if i % 2 == 0]
    odd = [p for i, p in enumerate(pages) if i % 2 == 1]
    report_meta("clean_text, even pages", score_meta(even, meta, texts), 0)
    report_meta("clean_text, odd pages", score_meta(odd, meta, texts), 0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path, help="folder holding dev.jsonl and html/")
    parser.add_argument("--html", action="store_true", help="also score extract_html")
    parser.add_argument("--worst", type=int, default=5, help="list the N worst pages")
    parser.add_argument("--meta", type=Path, metavar="JSONL",
                        help="also score headline/date/author/outlet against this file")
    parser.add_argument("--no-url", action="store_true",
                        help="score metadata from the text alone, as for a .txt file")
    args = parser.parse_args(argv)
    cases = load(args.data_dir)
    if args.meta:
        score_meta_of(cases, args.meta, args.worst, with_url=not args.no_url)
    report("keep-all-text baseline", run(cases, lambda c: c.text), 0)
    report("clean_text", run(cases, lambda c: clean_text(c.text, url=c.url).body), args.worst)
    if args.html:
        # Decompression stays outside the timed call so ms/doc is the extractor's own time.
        pages = {c.id: read_html(c) for c in cases}
        scores = run(cases, lambda c: extract_html(pages[c.id], url=c.url).body)
        report("extract_html", scores, args.worst)


if __name__ == "__main__":
    main()
