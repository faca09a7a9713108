"""A term's postings in one segment as arrays, read a whole posting list at a time.

Whoosh's posting reader seeks, reads a length and unpickles a block header through
several Python calls per block of postings; here the term's postings are one read, and
the blocks are cut out of it. With ``want`` (sorted document numbers), only the blocks
that may hold one of them are decompressed: the rest are skipped on their headers.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher

_INT = struct.Struct("!i")
_EMPTY = (np.empty(0, np.int64), np.empty(0, np.float64))


def postings(matcher: Any, want: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """All (docnum, weight) of a term in a segment, or those in blocks that may hold
    one of the ``want`` documents (a superset of them: the callers index by document)."""
    if not isinstance(matcher, W3LeafMatcher):
        return _slow(matcher)
    extent = matcher._length  # whoosh-reloaded keeps it as a 1-tuple
    length = extent[0] if isinstance(extent, tuple) else extent
    raw = matcher._postfile.get(matcher._baseoffset,
                                matcher._startoffset + length - matcher._baseoffset)
    stream = io.BytesIO(raw)
    id_blocks, weight_blocks = [], []
    pos, floor, end = 0, 0, len(raw)
    while pos < end:
        (length,) = _INT.unpack_from(raw, pos)
        last = length < 0
        block_end = pos + _INT.size + abs(length)
        stream.seek(pos + _INT.size)
        count, maxid, _maxweight, compression, _mn, _mx = pickle.load(stream)
        if want is None or _holds(want, floor, maxid):
            data = raw[stream.tell() : block_end]
            ids, weights = _block(zlib.decompress(data) if compression else data, count)
            id_blocks.append(ids)
            weight_blocks.append(weights)
        floor, pos = maxid + 1, block_end
        if last:
            break
    if not id_blocks:
        return _EMPTY
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def _holds(want: np.ndarray, low: int, high: int) -> bool:
    """Whether a sorted array has a value in [low, high]."""
    i = int(np.searchsorted(want, low))
    return i < len(want) and want[i] <= high


def _block(data: bytes, count: int) -> tuple[np.ndarray, np.ndarray]:
    deltas, weights, _values = pickle.loads(data)
    ids = np.cumsum(np.array(deltas, np.int64))
    if weights is None:
        return ids, np.ones(count)
    if isinstance(weights, float):
        return ids, np.full(count, weights)
    return ids, np.array(weights, np.float64)


def _slow(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """Postings Whoosh keeps inline in the term's entry (a term in one document)."""
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    if not ids:
        return _EMPTY
    return np.array(ids, np.int64), np.array(weights, np.float64)
