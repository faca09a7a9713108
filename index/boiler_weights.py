"""Weights of the body-line model (index/extract_boiler.py), written by bench/body_fit.py:
do not edit by hand, re-run the fit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Model:
    """Two logistic passes (a line's own signals; then with its neighbours' first-pass
    scores) and the probability under which a line is left out."""

    first: tuple[float, ...]
    first_bias: float
    second: tuple[float, ...]
    second_bias: float
    threshold: float


MODEL = Model(
    first=(
        0.2899,  # words
        0.4417,  # prose
        0.7777,  # sentence_end
        0.1484,  # short_words
        -0.4860,  # capitals
        0.0422,  # digits
        0.0212,  # word_length
        -0.0326,  # reader
        -0.1413,  # position
        -0.2614,  # position_sq
        -0.0934,  # block_size
        0.0575,  # bullet
        -0.1023,  # title_case
        -0.0018,  # teaser
        0.3082,  # quote
        0.0163,  # address
        -0.3557,  # repeated
        0.0870,  # colon_end
        -0.2228,  # parenthesis
        -0.2440,  # prose_above
        0.5194,  # prev_prose
        0.4867,  # next_prose
        0.4787,  # prose_window_above
        0.3794,  # prose_window_below
        -0.2209,  # short_window_above
        -0.3254,  # short_window_below
        0.0683,  # cohesion
        -0.0659,  # lede
        -0.2769,  # gap_above
        -0.1360,  # gap_below
        1.2852,  # run_share
    ),
    first_bias=-0.4909,
    second=(
        0.2544,  # words
        0.3470,  # prose
        0.6323,  # sentence_end
        0.1279,  # short_words
        -0.4330,  # capitals
        0.0529,  # digits
        0.0231,  # word_length
        -0.0318,  # reader
        -0.1095,  # position
        -0.2058,  # position_sq
        -0.0776,  # block_size
        0.0594,  # bullet
        -0.0578,  # title_case
        0.0004,  # teaser
        0.2489,  # quote
        0.0281,  # address
        -0.2755,  # repeated
        0.0831,  # colon_end
        -0.1825,  # parenthesis
        -0.2091,  # prose_above
        0.3122,  # prev_prose
        0.2928,  # next_prose
        0.2509,  # prose_window_above
        0.1735,  # prose_window_below
        -0.0933,  # short_window_above
        -0.2061,  # short_window_below
        0.0822,  # cohesion
        -0.0641,  # lede
        -0.1477,  # gap_above
        -0.0267,  # gap_below
        1.0384,  # run_share
        0.5034,  # context_above
        0.4322,  # context_below
        0.8198,  # first_pass
    ),
    second_bias=-0.5681,
    threshold=0.5,
)
