"""Weights of the headline model (index/extract_headline.py), written by bench/headline_fit.py:
do not edit by hand, re-run the fit."""

from __future__ import annotations

BIAS = 0.0
WEIGHTS: dict[str, float] = {
    "title_line": 0.856,
    "near": -0.236,
    "inside": -0.336,
    "length": 0.506,
    "title_case": 0.641,
    "repeat": 2.548,
    "body": 0.849,
    "sentence_end": -0.547,
    "alone": 0.622,
    "meta_below": 0.174,
    "menu_above": 0.348,
    "prose": -0.071,
    "rule": 1.467,
}
