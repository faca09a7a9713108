"""Cosine similarity of a few TF-IDF rows against many, from sparse bags of term numbers.

The TF-IDF is story_vectors.tfidf's (sublinear tf, smoothed idf, only terms of two or more
articles get a column, every term counts in a row's length), fitted on all the bags. Terms
many articles use are multiplied as dense blocks; the rare ones, which are most terms but few
products, pair by pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

BLOCK = 500  # rows made dense at a time
RARE = 16  # a term in at most this many articles is multiplied pair by pair


class Bag(Protocol):
    @property
    def ids(self) -> np.ndarray: ...  # term numbers, int64

    @property
    def weights(self) -> np.ndarray: ...  # raw weights (counts), float64


def cosines(bags: Sequence[Bag], rows: Sequence[int]) -> np.ndarray:
    """len(rows) x len(bags) cosines of the TF-IDF rows of `rows` against every bag's."""
    n = len(bags)
    lengths = np.array([len(b.ids) for b in bags], dtype=np.int64)
    if not lengths.sum():
        return np.zeros((len(rows), n), dtype=np.float32)
    terms, column = np.unique(np.concatenate([b.ids for b in bags]), return_inverse=True)
    counts = np.concatenate([b.weights for b in bags])
    row = np.repeat(np.arange(n), lengths)
    df = np.bincount(column, minlength=len(terms))
    idf = np.log((1 + n) / (1 + df) + 1.0)
    real = counts >= 1.0
    weights = np.where(real, (1.0 + np.log(np.maximum(counts, 1.0))) * idf[column], 0.0)
    norms = np.sqrt(np.bincount(row, weights**2, minlength=n))
    asked = np.zeros(n, dtype=bool)
    asked[list(rows)] = True
    wanted = np.zeros(len(terms), dtype=bool)
    wanted[column[asked[row]]] = True
    keep = real & wanted[column] & (df[column] > 1)
    value = weights[keep] / norms[row[keep]]
    return _product(row[keep], column[keep], value, df, n, rows)


def shared(row: np.ndarray, col: np.ndarray, n: int, rows: Sequence[int]) -> np.ndarray:
    """len(rows) x n: whether two rows of a sparse 0/1 matrix (given as its cells' rows and
    columns) have a column in common, pair by pair over the cells of each column."""
    position = np.full(n, -1, dtype=np.int64)
    position[list(rows)] = np.arange(len(rows))
    ones = np.ones(len(row), dtype=np.float64)
    return _pairs_part(row, col, ones, position, n, len(rows)) > 0


def _product(row: np.ndarray, col: np.ndarray, value: np.ndarray, df: np.ndarray, n: int,
             rows: Sequence[int]) -> np.ndarray:
    """rows x all dot products of the sparse matrix given as (row, column, value) cells."""
    position = np.full(n, -1, dtype=np.int64)
    position[list(rows)] = np.arange(len(rows))
    dense = df[col] > RARE
    out = _dense_part(row[dense], col[dense], value[dense], position, n, len(rows))
    out += _pairs_part(row[~dense], col[~dense], value[~dense], position, n, len(rows))
    return out.astype(np.float32)


def _dense_part(row: np.ndarray, col: np.ndarray, value: np.ndarray, position: np.ndarray,
                n: int, asked: int) -> np.ndarray:
    _, col = np.unique(col, return_inverse=True)
    width = int(col.max()) + 1 if len(col) else 0
    mine = position[row] >= 0
    left = np.zeros((asked, width), dtype=np.float32)
    left[position[row[mine]], col[mine]] = value[mine]
    order = np.argsort(row, kind="stable")
    row, col, value = row[order], col[order], value[order]
    bounds = np.searchsorted(row, np.arange(0, n + BLOCK, BLOCK))
    out = np.zeros((asked, n), dtype=np.float64)
    for block, start in enumerate(range(0, n, BLOCK)):
        lo, hi = bounds[block], bounds[block + 1]
        right = np.zeros((min(BLOCK, n - start), width), dtype=np.float32)
        right[row[lo:hi] - start, col[lo:hi]] = value[lo:hi]
        out[:, start : start + len(right)] = left @ right.T
    return out


def _pairs_part(row: np.ndarray, col: np.ndarray, value: np.ndarray, position: np.ndarray,
                n: int, asked: int) -> np.ndarray:
    """Products of rare terms: each asked row's cell with every cell of the same term."""
    order = np.argsort(col, kind="stable")
    row, col, value = row[order], col[order], value[order]
    mine = np.flatnonzero(position[row] >= 0)
    starts = np.searchsorted(col, col[mine], side="left")
    ends = np.searchsorted(col, col[mine], side="right")
    lengths = ends - starts
    which = np.repeat(mine, lengths)
    other = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
    cell = position[row[which]] * n + row[other]
    sums = np.bincount(cell, value[which] * value[other], minlength=asked * n)
    return sums.reshape(asked, n)
