"""Search relevance on the NPL test collection: MAP (top 1,000) and nDCG@10.

The NPL documents are imported as articles (no title: the collection has none; the doc id
kept in `origin`), each query runs through `Library.search(query, limit=1000)` as a user's
would, and the ranking is scored against the judged pairs. Beside it, in the same run:
plain Whoosh (StemmingAnalyzer, BM25F defaults, words ORed) over the same documents.

    python -m bench.relevance_bench /work/shared/data/npl
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from index.library import Library

# Query syntax characters (quotes, colons, brackets, operators' punctuation) become spaces;
# NPL queries are upper case, which the parser would read as AND/OR/NOT: a user types
# lower case.
_NOT_WORD = re.compile(r"[^\w\s]+")


def load(data: Path) -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    """(docs, queries, relevant doc ids per query)."""
    docs = {d["doc_id"]: d["text"] for d in map(json.loads, (data / "docs.jsonl").open())}
    queries = {q["query_id"]: q["text"] for q in map(json.loads, (data / "queries.jsonl").open())}
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in list((data / "qrels.tsv").open())[1:]:
        qid, did, rel = line.split()
        if int(rel) > 0:
            qrels[qid].add(did)
    return docs, queries, qrels


def query_text(text: str) -> str:
    """A query as a user would type it: lower case, no punctuation."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked[:1000], 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def ndcg10(ranked: list[str], relevant: set[str]) -> float:
    dcg = sum(1 / math.log2(r + 1) for r, d in enumerate(ranked[:10], 1) if d in relevant)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(10, len(relevant)) + 1))
    return dcg / ideal if ideal else 0.0


def evaluate(run: Callable[[str], list[str]], queries: dict[str, str],
             qrels: dict[str, set[str]]) -> tuple[float, float, float]:
    """(MAP, nDCG@10, median query ms) over the judged queries."""
    aps, ndcgs, times = [], [], []
    for qid, text in queries.items():
        if qid not in qrels:
            continue
        start = time.perf_counter()
        ranked = run(query_text(text))
        times.append(time.perf_counter() - start)
        aps.append(average_precision(ranked, qrels[qid]))
        ndcgs.append(ndcg10(ranked, qrels[qid]))
    times.sort()
    return sum(aps) / len(aps), sum(ndcgs) / len(ndcgs), times[len(times) // 2] * 1000


def build_library(folder: Path, docs: dict[str, str]) -> Library:
    library = Library(folder)
    lines = (json.dumps({"title": "", "body": text, "origin": did}) for did, text in docs.items())
    statuses: dict[str, int] = defaultdict(int)
    for result in library.import_jsonl(lines, origin="npl"):
        statuses[result.status] += 1
    print(f"imported: {dict(statuses)}", file=sys.stderr)
    return library


def newsdesk_run(library: Library) -> Callable[[str], list[str]]:
    def run(text: str) -> list[str]:
        return [h.article.origin for h in library.search(text, limit=1000).hits]

    return run


def plain_whoosh_run(folder: Path, docs: dict[str, str]) -> Callable[[str], list[str]]:
    """Whoosh as its tutorial writes it: StemmingAnalyzer, BM25F defaults, words ORed."""
    from whoosh import fields, index, qparser, scoring
    from whoosh.analysis import StemmingAnalyzer

    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(StemmingAnalyzer()))
    ix = index.create_in(str(folder), schema)
    with ix.writer(limitmb=256) as writer:
        for did, text in docs.items():
            writer.add_document(id=did, body=text)
    searcher = ix.searcher(weighting=scoring.BM25F())
    parser = qparser.QueryParser("body", schema, group=qparser.OrGroup)

    def run(text: str) -> list[str]:
        return [hit["id"] for hit in searcher.search(parser.parse(text), limit=1000)]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the NPL collection folder")
    args = parser.parse_args()
    docs, queries, qrels = load(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        plain = plain_whoosh_run(Path(tmp), docs)
        rows.append(("plain Whoosh BM25F, StemmingAnalyzer, OR", *evaluate(plain, queries, qrels)))
        with build_library(Path(tmp) / "lib", docs) as library:
            rows.append(("newsdesk Library.search",
                         *evaluate(newsdesk_run(library), queries, qrels)))
    print("| system | MAP | nDCG@10 | median ms/query |")
    print("|---|---:|---:|---:|")
    for name, map_, ndcg, ms in rows:
        print(f"| {name} | {map_:.4f} | {ndcg:.4f} | {ms:.0f} |")


if __name__ == "__main__":
    main()
