"""Synthetic news corpora for the library benchmarks, made from BBC News paragraphs.

Each synthetic article is a BBC headline (numbered, so titles differ) over paragraphs drawn
from several BBC articles until it reaches about 760 words: realistic news prose and
vocabulary, and no two articles near-duplicates of each other. As `.txt` files it is wrapped
in a scraped page's menus, byline, share prompts and footer, so the cleaner does real work;
as JSON lines it is the export format that `newsdesk import` reads.

    python -m bench.synth txt  /tmp/corpus-20k 20000 --data /work/shared/data/bbc/summaries.jsonl
    python -m bench.synth jsonl /tmp/corpus-100k.jsonl 100000 --data ...
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_WORDS = 700  # stop once past this: articles average about 760 words
OUTLETS = ("The Coastal Herald", "Northern Post", "Daily Ledger", "Evening Courier")
MENU = ("Skip to content", "Accessibility links", "Home", "News", "Sport", "Business",
        "Weather", "Opinion")
SHARE = ("Share this article", "Facebook", "Twitter", "Email")
FOOTER = ("Related stories", "More from this section", "Terms of use", "Privacy policy",
          "Cookies", "Contact us")
AUTHORS = ("Anna Berg", "Tom Lind", "Priya Shah", "Martin Okafor", "Lucy Wren")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Synthetic:
    """One synthetic article before formatting."""

    number: int
    title: str
    paragraphs: tuple[str, ...]
    outlet: str
    author: str
    published: datetime
    category: str


class Corpus:
    """BBC articles as paragraph pools, and a seeded stream of synthetic articles."""

    def __init__(self, data: Path) -> None:
        self.sources: list[tuple[str, str, list[str]]] = []
        for line in data.open(encoding="utf-8"):
            item = json.loads(line)
            paragraphs = [p.strip() for p in item["article"].split("\n") if p.strip()]
            self.sources.append((item["title"], item["category"], paragraphs))

    def articles(self, count: int, seed: int = 20241121) -> Iterator[Synthetic]:
        """`count` synthetic articles, the same ones for the same seed."""
        rng = random.Random(seed)
        start = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)
        for number in range(count):
            title, category, _ = self.sources[rng.randrange(len(self.sources))]
            picked: list[str] = []
            words = 0
            while words < TARGET_WORDS:
                # a run of 2-4 consecutive paragraphs from one article reads like a story
                _, _, paras = self.sources[rng.randrange(len(self.sources))]
                first = rng.randrange(len(paras))
                for para in paras[first : first + rng.randint(2, 4)]:
                    if words >= TARGET_WORDS:
                        break
                    picked.append(para)
                    words += len(para.split())
            yield Synthetic(
                number=number,
                title=f"{title} ({number})",
                paragraphs=tuple(picked),
                outlet=OUTLETS[number % len(OUTLETS)],
                author=AUTHORS[rng.randrange(len(AUTHORS))],
                published=start + timedelta(minutes=7 * number),
                category=category,
            )


def scraped_text(a: Synthetic) -> str:
    """The article as a copy of its web page would give it: menus, byline, footer."""
    date = a.published.strftime("%B %d, %Y").replace(" 0", " ")
    lines = [f"{a.title} - {a.outlet}", "", *MENU, "", a.category.title(), "", a.title, "",
             f"Published on {date}", f"By {a.author}", "", *SHARE, ""]
    for para in a.paragraphs:
        lines += [para, ""]
    lines += [*FOOTER, f"© 2024 {a.outlet}. All rights reserved."]
    return "\n".join(lines) + "\n"


def export_line(a: Synthetic) -> str:
    """The article as one line of `newsdesk export` JSON."""
    return json.dumps({
        "title": a.title,
        "body": "\n\n".join(a.paragraphs),
        "outlet": a.outlet,
        "published": a.published.isoformat(),
        "tags": [a.category],
    }, ensure_ascii=False)


def write_txt(folder: Path, count: int, corpus: Corpus) -> None:
    """`count` scraped-style .txt files, 1,000 to a subfolder."""
    for a in corpus.articles(count):
        sub = folder / f"{a.number // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{a.number:06d}.txt").write_text(scraped_text(a), encoding="utf-8")


def write_jsonl(path: Path, count: int, corpus: Corpus) -> None:
    """`count` articles in the export format."""
    with path.open("w", encoding="utf-8") as fh:
        for a in corpus.articles(count):
            fh.write(export_line(a) + "\n")


def query_words(corpus: Corpus, count: int, seed: int = 7) -> list[str]:
    """Queries of one to three words from the corpus vocabulary, of mixed frequencies.

    Words are drawn from three bands of document frequency (common: top 2%, middle, rare
    but seen in at least three articles), so some queries match a large share of the
    library and some only a handful of articles.
    """
    from index.analysis import NEWS_STOP_WORDS  # a query of stop words only is refused

    df: Counter[str] = Counter()
    for _, _, paras in corpus.sources:
        words = _WORD.findall(" ".join(paras).lower())
        df.update({w for w in words if len(w) > 3 and w not in NEWS_STOP_WORDS})
    ranked = [w for w, n in df.most_common() if n >= 3]
    cut1, cut2 = len(ranked) // 50, len(ranked) // 3
    bands = (ranked[:cut1], ranked[cut1:cut2], ranked[cut2:])
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        size = rng.randint(1, 3)
        queries.append(" ".join(rng.choice(bands[rng.randrange(3)]) for _ in range(size)))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("form", choices=("txt", "jsonl"))
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--data", type=Path, required=True, help="BBC News summaries JSONL")
    args = parser.parse_args()
    corpus = Corpus(args.data)
    if args.form == "txt":
        write_txt(args.out, args.count, corpus)
    else:
        write_jsonl(args.out, args.count, corpus)


if __name__ == "__main__":
    main()
