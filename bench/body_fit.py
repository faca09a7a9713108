"""Fit the body-line model (index/extract_boiler.py) on annotated pages and measure it.

Each line the region rules keep is labelled by whether its words occur, in order, in the
page's true body. Two weighted logistic regressions (a line's own signals; then with its
neighbours' first-pass scores) are fitted; each line weighs its share of the page's words, so
every page counts alike, as in the benchmark. The threshold under which a line is left out is
the one with the best body F1 on the fitting pages. Prints the cross-validated body F1 (fit
on the even pages, score the odd ones, and the other way round); --write stores the model
fitted on all pages in index/boiler_weights.py.

    .venv/bin/python -m bench.body_fit /work/shared/data/cleanup [--write]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.cleanup_quality import Case, f1, load, precision_recall
from bench.fitting import INDEX, even_odd, write_module
from index import boiler_weights
from index.errors import InputError
from index.extract import body_candidates, clean_text
from index.extract_boiler import SIGNALS, context, judged, region_signals

_WEIGHTS_FILE = INDEX / "boiler_weights.py"
_WORD = re.compile(r"\w+")
_L2 = 0.01
_STEPS = 50
_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


@dataclass(frozen=True, slots=True)
class Page:
    """One page's line signals, labels (in the true body or not) and line weights."""

    case: Case
    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray


def load_pages(cases: list[Case]) -> list[Page]:
    """Every page's region lines: signals, labels and weights (0 for lines not judged)."""
    pages = []
    for case in cases:
        try:
            region, body, page = body_candidates(case.text)
        except InputError:
            continue
        kept = {id(line) for line in body if judged(line)}
        if not kept:
            continue
        truth = " " + " ".join(_WORD.findall(case.truth.lower())) + " "
        tokens = [" ".join(_WORD.findall(line.text.lower())) for line in region]
        labels = np.array([bool(t) and f" {t} " in truth for t in tokens], dtype=float)
        words = np.array([max(len(t.split()), 1) * (id(line) in kept)
                          for t, line in zip(tokens, region, strict=True)], dtype=float)
        rows = np.array(region_signals(region, page), dtype=float)
        pages.append(Page(case, rows, labels, words / words.sum()))
    return pages


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    """Weighted L2-penalised logistic regression by Newton's method (the bias unpenalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = w / w.sum()
    penalty = np.eye(design.shape[1]) * _L2
    penalty[-1, -1] = 0.0
    coef = np.zeros(design.shape[1])
    for _ in range(_STEPS):
        p = 1 / (1 + np.exp(-(design @ coef)))
        gradient = design.T @ (w * (p - y)) + penalty @ coef
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        coef -= step
        if np.abs(step).max() < 1e-6:
            break
    return coef[:-1], float(coef[-1])


def fit(pages: list[Page], threshold: float = 0.0) -> boiler_weights.Model:
    """The two passes fitted on ``pages``, with the given threshold."""
    x = np.vstack([p.rows for p in pages])
    y = np.concatenate([p.labels for p in pages])
    w = np.concatenate([p.weights for p in pages])
    first, first_bias = fit_logistic(x, y, w)
    second_x = np.vstack([_second_rows(p.rows, first, first_bias) for p in pages])
    second, second_bias = fit_logistic(second_x, y, w)
    return boiler_weights.Model(tuple(map(float, first)), first_bias,
                                tuple(map(float, second)), second_bias, threshold)


def _second_rows(rows: np.ndarray, first: np.ndarray, bias: float) -> np.ndarray:
    logits = list(rows @ first + bias)
    extra = np.array([context(logits, j) for j in range(len(logits))])
    return np.hstack([rows, extra])


def body_f1(cases: list[Case], model: boiler_weights.Model) -> tuple[float, float, float]:
    """P, R and F1 of clean_text's bodies with ``model``, as bench/cleanup_quality scores."""
    saved = boiler_weights.MODEL
    boiler_weights.MODEL = model
    try:
        scores = []
        for case in cases:
            try:
                scores.append(precision_recall(clean_text(case.text, url=case.url).body,
                                               case.truth))
            except InputError:
                scores.append((0.0, 0.0))
    finally:
        boiler_weights.MODEL = saved
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return p, r, f1(p, r)


def fit_with_threshold(pages: list[Page], cases: list[Case]) -> boiler_weights.Model:
    """The model fitted on ``pages`` with the threshold that scores best on ``cases``."""
    model = fit(pages)
    best = max(_THRESHOLDS, key=lambda t: body_f1(cases, _with(model, t))[2])
    return _with(model, best)


def _with(model: boiler_weights.Model, threshold: float) -> boiler_weights.Model:
    return boiler_weights.Model(model.first, model.first_bias, model.second,
                                model.second_bias, threshold)


def write(model: boiler_weights.Model) -> None:
    def numbers(values: tuple[tuple[float, str], ...]) -> str:
        return "".join(f"\n        {v:.4f},  # {name}" for v, name in values)

    first = numbers(tuple(zip(model.first, SIGNALS, strict=True)))
    names = (*SIGNALS, "context_above", "context_below", "first_pass")
    second = numbers(tuple(zip(model.second, names, strict=True)))
    text = _WEIGHTS_FILE.read_text(encoding="utf-8").split("\n\nMODEL = ")[0]
    write_module(
        _WEIGHTS_FILE,
        f"{text}\n\nMODEL = Model(\n    first=({first}\n    ),\n"
        f"    first_bias={model.first_bias:.4f},\n    second=({second}\n    ),\n"
        f"    second_bias={model.second_bias:.4f},\n    threshold={model.threshold},\n)\n",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--write", action="store_true", help="store the all-pages model")
    args = parser.parse_args()
    cases = load(args.data_dir)
    pages = load_pages(cases)
    even, odd = even_odd(cases)
    halves = {"even": even, "odd": odd}
    ids = {name: {c.id for c in half} for name, half in halves.items()}
    off = boiler_weights.Model((0.0,) * len(SIGNALS), 0.0, (0.0,) * (len(SIGNALS) + 3), 0.0,
                               0.0)
    for train, test in (("even", "odd"), ("odd", "even")):
        model = fit_with_threshold([p for p in pages if p.case.id in ids[train]],
                                   halves[train])
        before = body_f1(halves[test], off)
        after = body_f1(halves[test], model)
        print(f"fit on {train}, score {test}: threshold {model.threshold}  "
              f"without model P={before[0]:.3f} R={before[1]:.3f} F1={before[2]:.3f}  "
              f"with P={after[0]:.3f} R={after[1]:.3f} F1={after[2]:.3f}")
    model = fit_with_threshold(pages, cases)
    p, r, score = body_f1(cases, model)
    print(f"fit on all: threshold {model.threshold}  P={p:.3f} R={r:.3f} F1={score:.3f}")
    if args.write:
        write(model)


if __name__ == "__main__":
    main()
