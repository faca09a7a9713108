"""Weights of the headline model (index/extract_headline.py), written by bench/headline_fit.py:
do not edit by hand, re-run the fit."""

from __future__ import annotations

BIAS = 0.0
WEIGHTS: dict[str, float] = {
    "title_line": 0.878,
    "near": -0.234,
    "inside": -0.339,
    "length": 0.517,
    "title_case": 0.648,
    "repeat": 2.528,
    "body": 0.863,
    "sentence_end": -0.556,
    "alone": 0.636,
    "meta_below": 0.180,
    "menu_above": 0.349,
    "prose": -0.075,
    "rule": 1.488,
}
