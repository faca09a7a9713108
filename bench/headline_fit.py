"""Fit the headline model (index/extract_headline.py) on annotated pages and measure it.

A conditional logit: each page's candidates compete in one softmax, so the weights learn to
rank the right line first. Prints cross-validated accuracy (fit on the even pages, score the
odd ones, and the other way round) and a per-signal ablation; --write stores the weights
fitted on all pages in index/headline_weights.py.

    .venv/bin/python -m bench.headline_fit /work/shared/data/cleanup \\
        --meta /work/shared/data/cleanup/dev_meta.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bench.cleanup_meta import headline_right, load_meta
from bench.fitting import INDEX, even_odd, write_module
from index.errors import InputError
from index.extract import headline_candidates
from index.extract_headline import SIGNALS

_WEIGHTS_FILE = INDEX / "headline_weights.py"
_L2 = 1.0  # strong: on ~130 pages weaker penalties fit worse in cross-validation (0.1: 0.888)
_STEPS = 3000
_RATE = 0.5


class Page:
    """One page's candidate signal matrix, which candidates are right, and their texts."""

    def __init__(self, signals: np.ndarray, right: np.ndarray, texts: list[str]) -> None:
        self.signals, self.right, self.texts = signals, right, texts


def load_pages(data_dir: Path, meta_path: Path) -> list[Page]:
    """Candidates and labels of every page (a page with no candidate counts as a miss)."""
    meta = load_meta(meta_path)
    pages = []
    for line in (data_dir / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        truth = meta[row["id"]].title
        try:
            found = headline_candidates(row["text"])
        except InputError:
            found = []
        signals = np.array([[c.signals[s] for s in SIGNALS] for c in found]).reshape(-1,
                                                                                    len(SIGNALS))
        right = np.array([headline_right(c.text, truth) for c in found], dtype=float)
        pages.append(Page(signals, right, [c.text for c in found]))
    return pages


def fit(pages: list[Page], use: list[int]) -> np.ndarray:
    """Weights of the signals ``use`` maximising the log-likelihood of a right candidate
    winning its page's softmax, by gradient ascent with an L2 penalty."""
    trainable = [p for p in pages if p.right.any() and not p.right.all()]
    x = np.vstack([p.signals[:, use] for p in trainable])
    starts = np.cumsum([0] + [len(p.texts) for p in trainable])[:-1]
    sizes = np.array([len(p.texts) for p in trainable])
    target = np.concatenate([p.right / p.right.sum() for p in trainable])
    w = np.zeros(len(use))
    for _ in range(_STEPS):
        z = x @ w
        z -= np.repeat(np.maximum.reduceat(z, starts), sizes)
        e = np.exp(z)
        prob = e / np.repeat(np.add.reduceat(e, starts), sizes)
        grad = x.T @ (target - prob) - _L2 * w
        w += _RATE * grad / max(1, len(trainable))
    return w


def accuracy(pages: list[Page], use: list[int], w: np.ndarray) -> float:
    """Share of pages whose top-scoring candidate is a right headline."""
    hits = 0
    for page in pages:
        if len(page.texts):
            hits += bool(page.right[int(np.argmax(page.signals[:, use] @ w))])
    return hits / max(1, len(pages))


def halves(pages: list[Page], use: list[int]) -> tuple[float, float]:
    """Accuracy on the even pages of a fit on the odd ones, and on the odd pages of a fit
    on the even ones: each half is scored by weights that never saw it."""
    even, odd = even_odd(pages)
    return accuracy(even, use, fit(odd, use)), accuracy(odd, use, fit(even, use))


def cross_validated(pages: list[Page], use: list[int]) -> float:
    """Fit on even pages and score odd ones, then the other way round; the mean."""
    even, odd = even_odd(pages)
    on_even, on_odd = halves(pages, use)
    return (on_odd * len(odd) + on_even * len(even)) / len(pages)


def write_weights(w: np.ndarray) -> None:
    """Store the weights fitted on all pages as index/headline_weights.py."""
    items = "".join(f'    "{name}": {value:.3f},\n' for name, value in zip(SIGNALS, w,
                                                                           strict=True))
    write_module(
        _WEIGHTS_FILE,
        '"""Weights of the headline model (index/extract_headline.py), written by '
        "bench/headline_fit.py:\ndo not edit by hand, re-run the fit.\"\"\"\n\n"
        "from __future__ import annotations\n\nBIAS = 0.0\n"
        f"WEIGHTS: dict[str, float] = {{\n{items}}}\n",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="folder holding dev.jsonl")
    parser.add_argument("--meta", type=Path, required=True, help="dev_meta.jsonl")
    parser.add_argument("--write", action="store_true", help="write index/headline_weights.py")
    args = parser.parse_args(argv)
    pages = load_pages(args.data_dir, args.meta)
    every = list(range(len(SIGNALS)))
    reachable = sum(bool(p.right.any()) for p in pages) / len(pages)
    print(f"pages {len(pages)}, a right candidate exists on {reachable:.3f}")
    print(f"all signals, cross-validated: {cross_validated(pages, every):.3f}")
    on_even, on_odd = halves(pages, every)
    print(f"  even pages (fit on odd) {on_even:.3f}, odd pages (fit on even) {on_odd:.3f}")
    rule = [SIGNALS.index("rule")]
    print(f"rules' pick alone:            {cross_validated(pages, rule):.3f}")
    learned = [j for j in every if SIGNALS[j] != "rule"]
    print(f"signals without the rules' pick: {cross_validated(pages, learned):.3f}")
    print("\nablation, cross-validated accuracy without one signal (all | without the rules):")
    for i, name in enumerate(SIGNALS):
        with_rule = cross_validated(pages, [j for j in every if j != i])
        alone = cross_validated(pages, [j for j in learned if j != i]) if i in learned else None
        print(f"  - {name:<13} {with_rule:.3f} | " + (f"{alone:.3f}" if alone else "-"))
    w = fit(pages, every)
    print(f"\nfitted on all pages: accuracy {accuracy(pages, every, w):.3f}")
    for name, value in zip(SIGNALS, w, strict=True):
        print(f"  {name:<13} {value:+.3f}")
    if args.write:
        write_weights(w)


if __name__ == "__main__":
    main()
