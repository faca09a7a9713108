"""A Whoosh segment writer that indexes the title and body by counting terms, not tokens.

Whoosh indexes a word as a token object passed through generators, then as one posting
tuple in a pool that is sorted whole at commit and written posting by posting: about 4 ms
of CPU for a 700-word article, most of an import's indexing. For the fields our analyzer
feeds with term frequencies only (title and body), this writer counts each text's terms at
once, keeps one array of (document, frequency) pairs per term, sorts the terms (not the
postings) at commit and writes each term's postings a block at a time. The segment it
writes is the one Whoosh's own writer writes, posting for posting
(tests/index/test_segment_writer.py). Every other field, and everything a merge brings in
that does not fit that shape, takes Whoosh's own way.
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, groupby
from operator import sub
from pickle import dumps
from struct import pack
from typing import Any, NamedTuple

from whoosh import formats
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort, unpack_uint
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from index.analysis import NewsAnalyzer

Posting = tuple[str, bytes, int, float, bytes | None]  # Whoosh's (field, term, doc, weight, value)
Term = tuple[bytes, int, float, bytes | None]  # a Whoosh field indexes: term, freq, weight, value
PLAIN_MEMO = 4096  # values of the other fields whose terms a writer keeps at hand


def counted_fields(schema: Any) -> dict[str, float]:
    """The fields this writer counts itself, with their boosts: our analyzer, frequencies only."""
    return {
        name: field.format.field_boost
        for name, field in schema.items()
        if isinstance(getattr(field, "analyzer", None), NewsAnalyzer)
        and type(field.format) is formats.Frequency
        and not field.vector
        and not field.separate_spelling()
    }


class Counted(NamedTuple):
    """A text's distinct terms and their frequencies, as the counting writer indexes them.

    Packed as one string and one array: a dict of strings handed from a cleaner process
    cost the receiving process more to unpickle (0.12 ms an article) than to count itself.
    """

    terms: str  # joined by NUL, which no term holds
    freqs: array[int]

    def unpacked(self) -> tuple[list[str], array[int]]:
        """The terms and their frequencies, in the same order."""
        return (self.terms.split("\0") if self.freqs else []), self.freqs


def count_terms(field: Any, text: str) -> Counted:
    """The terms of a counted field's text with their frequencies, as this writer indexes
    them. A document may carry them in place of the text: the cleaner processes of a bulk
    add count them, so the process writing the index does not analyze the text."""
    counts = Counter(field.analyzer.index_terms(text))
    return Counted("\0".join(counts), array("I", counts.values()))


class TermCounts:
    """The postings of the counted fields: per term, an array of document, frequency pairs.

    A posting that a merge brings in with another weight or value than its frequency
    implies is kept aside and written as it came.
    """

    def __init__(self, boosts: dict[str, float]) -> None:
        self.boosts = boosts
        self.terms: dict[str, dict[str, array[int]]] = {name: {} for name in boosts}
        self.odd: dict[tuple[str, str, int], tuple[float, bytes]] = {}

    def add_document(self, fieldname: str, docnum: int, words: Iterable[str],
                     freqs: Iterable[int]) -> None:
        """One document's terms and their frequencies in one field (documents come in
        order)."""
        terms = self.terms[fieldname]
        for term, freq in zip(words, freqs, strict=True):
            pairs = terms.get(term)
            if pairs is None:
                pairs = terms[term] = array("I")
            pairs.append(docnum)
            pairs.append(freq)

    def add_posting(self, fieldname: str, btext: bytes, docnum: int, weight: float,
                    value: bytes | None) -> None:
        """A posting of a counted field as Whoosh hands it over (from a merged segment)."""
        term = btext.decode("utf-8")
        freq = unpack_uint(value)[0] if value is not None and len(value) == 4 else 0
        if freq == 0 or weight != freq * self.boosts[fieldname]:
            self.odd[fieldname, term, docnum] = (weight, value or b"")
        self.add_document(fieldname, docnum, (term,), (freq,))

    def write_field(self, fieldwriter: Any, fieldname: str, fieldobj: Any) -> None:
        """Write one counted field's terms, in order, each term's postings a block at a time.

        The blocks are those W3PostingsWriter.add_posting fills posting by posting.
        """
        boost = self.boosts[fieldname]
        terms = self.terms[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        postwriter = quick_blocks(fieldwriter._postwriter)
        limit = postwriter._blocklimit
        # str order is code point order, which is the order of the UTF-8 bytes Whoosh sorts
        for term in sorted(terms):
            pairs = terms[term]
            count = len(pairs) // 2
            # most terms: one block (not inlined in the term info), written at once
            if postwriter._inlinelimit <= count <= limit and not self.odd:
                freqs = pairs[1::2]
                write_one_block(fieldwriter, postwriter, term.encode("utf-8"), pairs[::2],
                                array("f", freqs if boost == 1 else [f * boost for f in freqs]),
                                pack(f"!{len(freqs)}I", *freqs), max(freqs) * boost)
                continue
            fieldwriter.start_term(term.encode("utf-8"))
            for start in range(0, count, limit):
                if start:  # the block before is full: add_posting writes it out now
                    postwriter._write_block()
                end = min(count, start + limit)
                docs = pairs[2 * start : 2 * end : 2]
                freqs = pairs[2 * start + 1 : 2 * end : 2]
                if self.odd:
                    weights = [f * boost for f in freqs]
                    values = [_value(f) for f in freqs]
                    self._restore_odd(fieldname, term, docs, weights, values)
                    postwriter._weights = array("f", weights)
                    postwriter._values = [v for v in values if v]
                else:
                    postwriter._weights = array("f", freqs if boost == 1 else
                                                [f * boost for f in freqs])
                    postwriter._values = (
                        [_VALUES[f] for f in freqs] if max(freqs) < len(_VALUES)
                        else [_value(f) for f in freqs])
                postwriter._ids = docs
                top = max(weights) if self.odd else max(freqs) * boost  # unrounded, as Whoosh
                postwriter._maxweight = top if top > 0 else 0
            fieldwriter.finish_term()
        fieldwriter.finish_field()

    def _restore_odd(self, fieldname: str, term: str, docs: array[int], weights: list[float],
                     values: list[bytes]) -> None:
        for i, doc in enumerate(docs):
            if (found := self.odd.get((fieldname, term, doc))) is not None:
                weights[i], values[i] = found


_VALUES = [pack_uint(n) for n in range(256)]  # the value of a posting: its frequency


def _value(freq: int) -> bytes:
    return _VALUES[freq] if freq < len(_VALUES) else pack_uint(freq)


_NO_LENGTH, _ZERO_LENGTH = length_to_byte(None), length_to_byte(0)


def write_one_block(fieldwriter: Any, postwriter: Any, btext: bytes, ids: array[int],
                    weights: array[float], freqs: bytes, top: float) -> None:
    """A counted field's term whose postings fit one block written as start_term,
    add_posting for each and finish_term write it, byte for byte (the block, its term info),
    without the per-term objects and checks in between. freqs: the postings' values (their
    frequencies, packed as Whoosh's Frequency format packs and joins them)."""
    postfile = postwriter._postfile
    start = postfile.tell()
    maxweight = top if top > 0 else 0
    data = dumps((tuple(map(sub, ids, chain((0,), ids))), _mini_weights(weights), freqs), 2)
    compression = postwriter._compression
    if compression:
        data = zlib.compress(data, compression)
    info = dumps((len(ids), ids[-1], maxweight, compression, _NO_LENGTH, _ZERO_LENGTH), 2)
    # the term's first block starts with the magic; its length is negative as the last
    block = b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-(len(info) + len(data))), info, data))
    postfile.write(block)
    terminfo = W3TermInfo._struct.pack(
        False, 0 + sum(weights), len(ids), _NO_LENGTH, _ZERO_LENGTH, max(0, maxweight),
        ids[0], ids[-1]) + pack_long(start) + pack_int(len(block))
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + btext, terminfo)


def quick_blocks(postwriter: Any) -> Any:
    """Whoosh's posting writer with quicker ways to shrink a block's ids and weights before
    it is pickled: the same tuples, without a generator step per posting."""
    postwriter._mini_ids = lambda: _mini_ids(postwriter)
    postwriter._mini_weights = lambda: _mini_weights(postwriter._weights)
    return postwriter


def _mini_ids(postwriter: Any) -> tuple[int, ...]:
    ids = postwriter._ids
    if postwriter._byteids:
        return tuple(ids)
    return tuple(map(sub, ids, chain((0,), ids)))  # whoosh.util.numlists.delta_encode


def _mini_weights(weights: Sequence[float]) -> tuple[float, ...] | float | None:
    # None when every weight is 1, the one weight when all are the same, else all of them
    count = len(weights)
    if not count or weights.count(1.0) == count:
        return None
    if weights.count(weights[0]) == count:
        return weights[0]
    return tuple(weights)


class CountingPool:
    """Whoosh's posting pool for every field but the counted ones, which go to TermCounts."""

    def __init__(self, pool: Any, counts: TermCounts) -> None:
        self.pool = pool
        self.counts = counts

    def add(self, item: Posting) -> None:
        """A posting, as Whoosh adds them (its own fields, and merges)."""
        if item[0] in self.counts.boosts:
            self.counts.add_posting(*item)
        else:
            self.pool.add(item)

    def iter_postings(self) -> Iterator[Posting]:
        """The other fields' postings, sorted."""
        return self.pool.iter_postings()  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pool, name)


class CountingWriter(SegmentWriter):  # type: ignore[misc]
    """A SegmentWriter whose counted fields skip tokens and the posting pool (see above).

    Only for codecs that keep no per-posting length statistics (index.search's).
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        if self.codec.length_stats:
            raise ValueError("CountingWriter writes no per-posting length statistics")
        self.counts = TermCounts(counted_fields(self.schema))
        whoosh_pool: Any = self.pool
        self.pool: CountingPool = CountingPool(whoosh_pool, self.counts)
        self._memo: dict[tuple[str, Any], tuple[Term, ...]] = {}
        self._whoosh_only = any(
            field.vector or field.separate_spelling() for _, field in self.schema.items())

    def add_document(self, **fields: Any) -> None:
        """Whoosh's add_document, with the counted fields' terms counted at once; a counted
        field's value may be its terms counted already (count_terms)."""
        counted = self.counts.boosts
        if self._whoosh_only or any(name.startswith("_") for name in fields):
            super().add_document(**fields)  # boosts, spelling, vectors: Whoosh's own way
            return
        self._check_state()
        schema = self.schema
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                if fieldname in counted:
                    length = self._count(fieldname, field, docnum, value)
                else:
                    length = self._index_plain(fieldname, field, docnum, value)
                perdoc.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column and value is not None:
                    perdoc.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _count(self, fieldname: str, field: Any, docnum: int, value: str | Counted) -> int:
        if isinstance(value, Counted):  # counted already (see count_terms)
            terms, freqs = value.unpacked()
            self.counts.add_document(fieldname, docnum, terms, freqs)
            return sum(freqs) if field.scorable else 0
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not unicode")
        counts = Counter(field.analyzer.index_terms(value))
        self.counts.add_document(fieldname, docnum, counts.keys(), counts.values())
        return counts.total() if field.scorable else 0

    def _index_plain(self, fieldname: str, field: Any, docnum: int, value: Any) -> int:
        if not field.indexed:
            return 0
        terms = self._plain_terms(fieldname, field, value)
        add = self.pool.pool.add
        for tbytes, _, weight, vbytes in terms:
            add((fieldname, tbytes, docnum, weight, vbytes))
        return sum(term[1] for term in terms) if field.scorable else 0

    def _plain_terms(self, fieldname: str, field: Any, value: Any) -> tuple[Term, ...]:
        """What Whoosh indexes for a value of another field, memoized where the postings
        file stays the same: dates (to the second, 8 terms each) and tags recur from article
        to article. Values of varying size (positions) are not: a block pickles a value it
        meets twice as a reference to the first."""
        size = field.format.fixed_value_size()
        if field.unique or isinstance(value, list) or size is None or size < 0:
            return tuple(field.index(value))
        key = (fieldname, value)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= PLAIN_MEMO:
                self._memo.clear()
            found = self._memo[key] = tuple(field.index(value))
        return found

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        write_postings(self.fieldwriter, self.schema, self.counts, self.pool.iter_postings())
        self.fieldwriter.close()


def write_postings(fieldwriter: Any, schema: Any, counts: TermCounts,
                   others: Iterable[Posting]) -> None:
    """Every field's postings in field order: counted fields from counts, others as sorted."""
    others_by_field = {name: list(items) for name, items in groupby(others, lambda p: p[0])}
    names = sorted({n for n, terms in counts.terms.items() if terms} | others_by_field.keys())
    for name in names:
        if name in counts.boosts:
            counts.write_field(fieldwriter, name, schema[name])
        else:
            _write_plain(fieldwriter, name, schema[name], others_by_field[name])


def _write_plain(fieldwriter: Any, name: str, fieldobj: Any, postings: list[Posting]) -> None:
    # FieldWriter.add_postings for one field (no length statistics), a block at a time as
    # W3PostingsWriter.add_posting fills them
    fieldwriter.start_field(name, fieldobj)
    postwriter = quick_blocks(fieldwriter._postwriter)
    limit = postwriter._blocklimit
    for btext, items in groupby(postings, lambda p: p[1]):
        fieldwriter.start_term(btext)
        rows = list(items)
        for start in range(0, len(rows), limit):
            if start:  # the block before is full: add_posting writes it out now
                postwriter._write_block()
            block = rows[start : start + limit]
            postwriter._ids = array("I", [row[2] for row in block])
            postwriter._weights = array("f", [row[3] for row in block])
            postwriter._values = [row[4] for row in block if row[4]]
            top = max(row[3] for row in block)  # unrounded, as add_posting keeps it
            postwriter._maxweight = top if top > 0 else 0
        fieldwriter.finish_term()
    fieldwriter.finish_field()
