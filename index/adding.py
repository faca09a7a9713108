"""Adding to the library: files, folders, URLs, fetched pages and export lines, stored then
indexed in bulk."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from index import dedupe
from index.aliases import AliasBook, defined_by
from index.cleaning import CLEAN_WORKERS, AddResult, prepare_source, prepared_batches
from index.errors import NewsdeskError
from index.index_upkeep import IndexUpkeep
from index.ingest import Found, Source, expand, normalize_tags
from index.jsonl import BadLine, parse_line
from index.store import NewArticle, pack

BATCH = 500  # inputs read and cleaned per step of a bulk add
STORE_CHUNK = 5  # inputs per store transaction: short, so a user's write barely waits
FLUSH = 5000  # inputs per index commit on a bulk add or import
# Whoosh sub-writer processes for a bulk add: they index while this process cleans.
INDEX_PROCS = max(1, min(4, os.cpu_count() or 1))


class Adding(IndexUpkeep):
    """The Library's write path: read and clean inputs, store them, index them."""

    aliases: AliasBook
    recent_shingles: dedupe.RecentShingles

    def add(self, args: Iterable[str], tags: Iterable[str] = (),
            outlet: str = "") -> Iterator[AddResult]:
        """Add files, folders and URLs; one result per input, in order, as chunks land.

        A non-empty ``outlet`` names the outlet of every input, whatever cleanup finds.
        """
        tag_list = normalize_tags(tags)
        outlet = " ".join(outlet.split())
        inputs = expand(args)
        first = list(islice(inputs, BATCH))

        def batches() -> Iterator[list[tuple[str, Found]]]:
            yield first
            while batch := list(islice(inputs, BATCH)):
                yield batch

        # A few files are not worth starting cleaner processes for.
        workers = CLEAN_WORKERS if len(first) >= BATCH else 0
        prepared = prepared_batches(batches(), tag_list, outlet, workers=workers,
                                    on_notice=self.on_notice)
        # With cleaners at work on the other cores, the index writer is this process's.
        yield from self._ingest(prepared, procs=1 if workers else None)

    def add_sources(
        self, sources: Iterable[Source | AddResult], tags: Iterable[str] = ()
    ) -> list[AddResult]:
        """Add already-read sources (fetched pages, feed items) in one batch."""
        prepared: list[NewArticle | AddResult] = []
        tag_list = normalize_tags(tags)
        for source in sources:
            prepared.append(
                source if isinstance(source, AddResult) else prepare_source(source, tag_list)
            )
        return self._store_batch(prepared)

    def _store_batch(self, prepared: Sequence[NewArticle | AddResult]) -> list[AddResult]:
        results = self._store_only(prepared)
        if any(r.status == "added" for r in results):
            self.flush_index()
        return results

    def _store_only(self, prepared: Sequence[NewArticle | AddResult]) -> list[AddResult]:
        # Short transactions: a kill leaves each chunk stored (and queued in the outbox)
        # or not, and a user's tag or mark waits for one chunk at most, not a batch.
        results: list[AddResult] = []
        for start in range(0, len(prepared), STORE_CHUNK):
            with self.store.transaction(bulk=True):
                results += [
                    item if isinstance(item, AddResult) else self._store_one(item)
                    for item in prepared[start : start + STORE_CHUNK]
                ]
        return results

    def _ingest(self, batches: Iterator[list[NewArticle | AddResult]],
                procs: int | None = None) -> Iterator[AddResult]:
        """Store prepared batches, indexing them in chunks of FLUSH inputs, one commit each.

        The index writer stays open while the next batches are read and cleaned: on a bulk
        add the cleaners' pool (index.cleaning) prepares the next batches while this
        process indexes; on an import Whoosh's sub-writer processes index while this
        process parses. Results are yielded after each chunk's commit, never with the writer
        open, so a caller may write to the library between results. Each batch is stored
        (and queued in the outbox) in its own transaction before it reaches the index: a
        kill at any moment loses at most the index entries, which the outbox restores.
        """
        batch = next(batches, None)
        # A few files are not worth starting sub-writer processes for.
        if procs is None:
            procs = INDEX_PROCS if batch is not None and len(batch) >= BATCH else 1
        while batch is not None:
            results: list[AddResult] = []
            indexed: list[str] = []
            # The outbox is cleared before the lock goes: a command taking the lock next
            # must not find this chunk's articles queued and index them all again.
            with self.index.write_lock():
                try:
                    with self.index.bulk(procs=procs) as writer:
                        while batch is not None and len(results) < FLUSH:
                            stored = self._store_only(batch)
                            new = [
                                item
                                for item, result in zip(batch, stored, strict=True)
                                if result.status == "added" and isinstance(item, NewArticle)
                            ]
                            writer([i.article for i in new], [i.terms for i in new])
                            indexed += [i.article.id for i in new]
                            results += stored
                            batch = next(batches, None)  # read, cleaned while Whoosh indexes
                except NewsdeskError:
                    raise
                except Exception as exc:
                    # Stored and queued already: a rebuild from the store indexes them too.
                    self._repair_or_raise(exc)
                self.store.clear_outbox(indexed)
            yield from results
        # What others queued meanwhile (a user's tags); a busy writer's holder takes it over.
        if self.store.outbox_size():
            self.flush_index(wait=False)

    def _store_one(self, item: NewArticle) -> AddResult:
        a = item.article
        same_text = self.store.find_hash(item.content_hash)
        if self.store.exists(a.id):
            if any(other_id == a.id for other_id, _url, _origin in same_text):
                return AddResult(a.origin, "duplicate", a.id, a.title, duplicate_of=a.id)
            # An import line reusing an id for other text: say so rather than drop it.
            return AddResult(a.origin, "error", a.id, a.title,
                             error=f"id {a.id} is already another article's; not added")
        # The same file or page again is a no-op; the same text from another page or
        # outlet is kept, linked to the first copy, so a briefing can say "also reported by".
        for other_id, other_url, other_origin in same_text:
            if (a.url and other_url == a.url) or other_origin == a.origin:
                return AddResult(a.origin, "duplicate", other_id, a.title, duplicate_of=other_id)
        if a.url and (same_url := self.store.find_url(a.url)):
            return AddResult(a.origin, "duplicate", same_url, a.title, duplicate_of=same_url)
        root = self._root_of(same_text[0][0]) if same_text else self._near_duplicate(item)
        if root:
            # a copy's bands would make it a near-copy candidate; its shingles are not needed
            item = replace(item, article=a.with_state(duplicate_of=root), bands=(), shingles=None)
        self.store.insert([item])
        if not root:  # a copy defines nothing new; counting it twice would outvote others
            self.aliases.learn(defined_by(a))
            if item.shingles is not None:  # a candidate for the next articles' check
                self.recent_shingles.put(a.id, item.shingles)
        if root:
            return AddResult(a.origin, "duplicate", a.id, a.title, duplicate_of=root)
        return AddResult(a.origin, "added", a.id, a.title)

    def _root_of(self, article_id: str) -> str:
        return self.store.get(article_id).duplicate_of or article_id

    def _near_duplicate(self, item: NewArticle) -> str | None:
        candidates = self.store.band_candidates(item.bands)
        if not candidates:
            return None
        mine = item.shingles
        if mine is None:
            mine = dedupe.shingles(dedupe.words(item.article.body))
        best = sorted(candidates, key=candidates.__getitem__, reverse=True)[:5]
        # Recent articles' shingles are at hand; the others' bodies are read and tokenized,
        # and kept at hand too: a candidate once is often one again (a story's later copies)
        read = self.store.bodies([i for i in best if self.recent_shingles.get(i) is None])
        for other_id in best:
            theirs = self.recent_shingles.get(other_id)
            if theirs is None:
                if other_id not in read:
                    continue
                theirs = dedupe.shingles(dedupe.words(read[other_id]))
                self.recent_shingles.put(other_id, theirs)
            if dedupe.containment(mine, theirs) >= dedupe.NEAR_DUPLICATE:
                # read again: the candidate may have become a copy since it was stored
                return self._root_of(other_id)
        return None

    def import_jsonl(self, lines: Iterable[str], origin: str) -> Iterator[AddResult]:
        """Add articles from JSON lines in the export format, keeping ids and user state."""

        def batches() -> Iterator[list[NewArticle | AddResult]]:
            batch: list[NewArticle | AddResult] = []
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                batch.append(_from_json_line(line, f"{origin}:{number}"))
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch

        yield from self._ingest(batches())


def _from_json_line(line: str, where: str) -> NewArticle | AddResult:
    try:
        article, chash, bands = parse_line(line, where)
    except BadLine as exc:
        return AddResult(where, "error", error=f"bad article line: {exc}")
    return NewArticle(article, chash, bands, pack(line.encode("utf-8", errors="replace")))
