"""Duplicate detection: an exact hash of the clean text, and MinHash bands for near-copies."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
# 20 bands of 3 rows: pairs with 5-word-shingle Jaccard 0.5 meet as candidates 93% of the
# time, unrelated stories (Jaccard < 0.05) almost never; candidates are then checked exactly.
BANDS, ROWS = 20, 3
NEAR_DUPLICATE = 0.7  # share of the shorter text's shingles found in the other
# articles whose shingles a bulk add keeps at hand, the last stored or compared (~6 KB each:
# ~50 MB). At 20k scraped-style files, 1,024 left 37,000 candidate bodies to read back and
# tokenize again (1.1 ms CPU an article); 8,192 leave 6,400 (0.4 ms).
RECENT = 8192

_rng = np.random.default_rng(20240327)
_A = _rng.integers(1, 2**63 - 1, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63 - 1, size=BANDS * ROWS, dtype=np.uint64)
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0x27D4EB2F165667C5,
        0x85EBCA77C2B2AE63,
    ],
    dtype=np.uint64,
)


def words(text: str) -> list[str]:
    """Lowercase word tokens, the unit of every comparison here."""
    return WORD.findall(text.lower())


def keys(text: str) -> tuple[str, list[int]]:
    """Both dedupe keys of a text from one tokenizing: a hash of its words alone (whitespace
    and punctuation changes do not matter) and its LSH bands."""
    content_hash, band_keys, _ = fingerprint(text)
    return content_hash, band_keys


def fingerprint(text: str) -> tuple[str, list[int], np.ndarray]:
    """The keys of `keys` and the shingles they came from, which a near-copy check compares."""
    tokens = words(text)
    content_hash = hashlib.blake2b(" ".join(tokens).encode(), digest_size=16).hexdigest()
    hashes = shingles(tokens)
    return content_hash, bands(hashes), hashes


def shingles(tokens: Sequence[str]) -> np.ndarray:
    """64-bit hashes of every run of SHINGLE words (the whole text if shorter)."""
    ids = np.fromiter(
        map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens)
    )
    if len(ids) < SHINGLE:
        return np.unique(ids * _MIX[0]) if len(ids) else ids
    # The window sums term by term, in place (the same wrapping 64-bit arithmetic as
    # summing a sliding-window view, without its 5-column temporary), then sorted and
    # deduplicated as np.unique does, without its general-case overhead.
    count = len(ids) - SHINGLE + 1
    with np.errstate(over="ignore"):
        hashes = ids[:count] * _MIX[0]
        for k in range(1, SHINGLE):
            hashes += ids[k:k + count] * _MIX[k]
    hashes.sort()
    first = np.empty(count, dtype=bool)
    first[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=first[1:])
    return hashes[first]


def bands(hashes: np.ndarray) -> list[int]:
    """LSH band keys of a MinHash signature; texts sharing a key are candidate copies."""
    if len(hashes) == 0:
        return []
    with np.errstate(over="ignore"):
        # multiply-shift hashing: one cheap universal hash per signature row; in place, and
        # shifted after the min (the shift keeps order), it is several times faster
        products = np.multiply.outer(_A, hashes)
        products += _B[:, None]
        signature = products.min(axis=1) >> np.uint64(11)
        rows = signature.reshape(BANDS, ROWS)
        keys = (rows * _MIX[:ROWS]).sum(axis=1) + np.arange(BANDS, dtype=np.uint64)
    # SQLite integers are signed 64-bit
    return [int(k) - 2**63 for k in (keys >> np.uint64(1)) + np.uint64(2**62)]


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle set found in the other."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b))


class RecentShingles:
    """The shingles of the articles last stored or compared, by id, at most RECENT of them.

    A bulk add's near-copies are mostly of articles stored shortly before; their bodies then
    need not be read back and tokenized again for each candidate check.
    """

    def __init__(self, size: int = RECENT) -> None:
        self.size = size
        self._by_id: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, article_id: str) -> np.ndarray | None:
        """The article's shingles if they are at hand (kept longer for being asked for)."""
        found = self._by_id.get(article_id)
        if found is not None:
            self._by_id.move_to_end(article_id)
        return found

    def put(self, article_id: str, hashes: np.ndarray) -> None:
        """Keep an article's shingles, forgetting the oldest beyond the size."""
        self._by_id[article_id] = hashes
        if len(self._by_id) > self.size:
            self._by_id.popitem(last=False)
