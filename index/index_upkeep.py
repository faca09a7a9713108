"""Keeping the search index in step with the store: catch-up, repair and rebuild."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from index.errors import NewsdeskError
from index.filters import Filter
from index.search import IndexBusy, SearchIndex
from index.store import Store

T = TypeVar("T")
CATCH_UP_NOTICE = 100  # articles left unindexed before opening says it is catching up
FLUSH_CHUNK = 1000  # articles per index commit when catching up: progress between them


# Told what a user should know while a command runs (a wait behind an import, say).
Notice = Callable[[str], None]


class RebuildReport(Protocol):
    """Told why the search index is being rebuilt, and how far it got (done of total)."""

    def __call__(self, reason: str, done: int, total: int) -> None: ...


class IndexUpkeep:
    """The Library's index upkeep: the store is the record, the index follows it."""

    root: Path
    store: Store
    index: SearchIndex
    on_rebuild: RebuildReport | None
    on_notice: Notice | None

    def _sync_index(self) -> None:
        # The index is derived: rebuild it when it is missing, and catch up on articles a
        # killed process stored but never indexed.
        if not self.index.exists():
            if self.store.count():
                self._rebuild_index("the search index is missing")
            else:
                self.reindex()
        elif damage := self.index.damage():
            self._rebuild_index(f"the search index is damaged ({damage})")
        elif self.index.outdated():
            self._rebuild_index("the search index was made by another version of newsdesk")
        elif pending := self.store.outbox_size():
            self._catch_up(pending)

    def _catch_up(self, pending: int) -> None:
        # Articles stored but not indexed: a killed command's, or an import's in flight.
        # An import holding the writer indexes them itself: then this does not wait, and
        # says nothing (the message comes only once this process holds the writer).
        report = self.on_rebuild
        if report is None or pending < CATCH_UP_NOTICE:
            self.flush_index(wait=False)
            return
        reason = "catching the search index up with articles stored but not indexed yet"
        self.flush_index(wait=False, progress=lambda done, total: report(reason, done, total))

    def flush_index(self, *, wait: bool = True,
                    progress: Callable[[int, int], None] | None = None) -> int:
        """Index every article whose index entry is missing or stale; returns how many.

        With wait=False it stops, leaving the rest in the outbox, when another process
        is writing the index: that one (or the next command) indexes them, and a user's
        tag or search never waits for an import. `progress(done, total)` is told once
        the writer is held (done 0) and after each commit.
        """
        done = 0
        try:
            # The lock first: a busy writer costs a command nothing, not a read of the
            # outbox's articles (thousands, while an import is under way).
            with self.index.write_lock(wait):
                total = self.store.outbox_size() if progress else 0
                if progress:
                    progress(0, total)
                while ids := self.store.outbox(limit=FLUSH_CHUNK):
                    articles = self.store.get_many(ids)
                    live = [a for a in articles if a.duplicate_of is None]
                    gone = sorted(set(ids) - {a.id for a in live})
                    self._on_index(partial(self.index.update, live, removed=gone))
                    self.store.clear_outbox(ids)
                    done += len(ids)
                    if progress:
                        progress(done, max(done, total))
        except IndexBusy:
            pass  # the writer's holder flushes the outbox when it finishes
        return done

    def reindex(
        self, progress: Callable[[int], None] | None = None, *, unless_current: bool = False
    ) -> int:
        """Rebuild the search index from the store; the old one serves until the switch."""
        pending = self.store.outbox(limit=10**9)
        count = self.index.rebuild(self.store.iter_indexable(), progress,
                                   unless_current=unless_current)
        self.store.clear_outbox(pending)
        return count

    def _on_index(self, operation: Callable[[], T]) -> T:
        """Run an index operation; if the index turns out damaged, rebuild it and retry.

        The store is the record, so a broken index costs a rebuild, never data. Only a
        failure that damage() confirms leads to a rebuild: anything else is raised.
        """
        try:
            return operation()
        except (NewsdeskError, IndexBusy):
            raise
        except Exception as exc:
            self._repair_or_raise(exc)
            return operation()

    def _repair_or_raise(self, exc: Exception) -> None:
        damage = self.index.damage()
        if not damage and self.index.exists():
            raise exc
        self.index.close()
        self._rebuild_index(f"the search index is damaged ({damage or 'missing files'})")

    def _rebuild_index(self, reason: str) -> None:
        """Rebuild an index that cannot serve as it is, telling on_rebuild why and how far."""
        total = self.store.count(Filter(duplicates=False))
        report = self.on_rebuild or (lambda reason, done, total: None)
        reason += "; rebuilding it from the library"
        report(reason, 0, total)
        self.reindex(lambda done: report(reason, done, total), unless_current=True)
