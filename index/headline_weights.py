"""Weights of the headline model (index/extract_headline.py), written by bench/headline_fit.py:
do not edit by hand, re-run the fit."""

from __future__ import annotations

BIAS = 0.0
WEIGHTS: dict[str, float] = {
    "title_line": 0.759,
    "near": -0.339,
    "inside": -0.393,
    "length": 0.717,
    "title_case": 0.479,
    "repeat": 2.919,
    "body": 1.108,
    "sentence_end": -0.559,
    "alone": 0.555,
    "meta_below": 0.259,
    "menu_above": 0.299,
    "prose": -0.136,
    "rule": 1.044,
}
