"""Inputs of `add` read and cleaned into storable articles, in worker processes on a bulk add.

Cleaning (decoding, extraction, dedupe keys, counting the index terms) takes about two
thirds of an add's CPU. A bulk add cleans its batches in a process pool while the calling
process stores and indexes the batches before them, so both cores work. Workers only compute:
storing, the outbox and the index writer stay with the caller, so a kill at any moment
loses nothing that was stored (the crash guarantees of `Library._ingest`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any, Literal

from index.errors import InputError, NewsdeskError
from index.ingest import Found, Source, Unreadable, extract, prepare, read_file
from index.sources import URL
from index.store import NewArticle

# Worker processes for cleaning. Cleaning an article (with counting its index terms) costs
# about twice what storing and indexing it cost the caller, so on 2 cores two cleaners and
# the caller share them and neither core idles (one cleaner left the caller waiting half the
# time); three keep the caller busy on more cores.
CLEAN_WORKERS = max(1, min(3, os.cpu_count() or 1))
# What a user is told when a cleaner process dies (the kernel's OOM killer, a kill).
CLEANER_LOST = ("a cleaner process stopped (killed, or out of memory); the remaining files are "
                "cleaned in this process, more slowly; nothing is lost")
AHEAD = 2  # batches being cleaned per worker while the caller stores the one before
# What became of one input: stored, a copy of a stored one, not an article format, failed.
AddStatus = Literal["added", "duplicate", "skipped", "error"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one input of `add`."""

    origin: str
    status: AddStatus
    id: str = ""
    title: str = ""
    error: str = ""
    duplicate_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `add --json` line for this input."""
        return {
            "origin": self.origin,
            "id": self.id or None,
            "status": self.status,
            "title": self.title or None,
            "error": self.error or None,
        }


Prepared = list[NewArticle | AddResult]
Inputs = Sequence[tuple[str, Found]]


def prepare_batch(batch: Inputs, tags: tuple[str, ...], outlet: str = "") -> Prepared:
    """Each input (origin, kind) read and cleaned, or the reason it cannot be added."""
    return [_prepare_input(origin, kind, tags, outlet) for origin, kind in batch]


def count_batch(batch: Inputs, tags: tuple[str, ...], outlet: str = "") -> Prepared:
    """prepare_batch in a cleaner process: each article also with the terms of its title and
    body counted for the index, so the process writing the index skips that analysis."""
    # Imported here: the index schema needs Whoosh, which a small add's cleaning never does.
    from index.search import counted_terms

    return [replace(item, terms=counted_terms(item.article)) if isinstance(item, NewArticle)
            else item for item in prepare_batch(batch, tags, outlet)]


def _prepare_input(origin: str, kind: Found, tags: tuple[str, ...], outlet: str
                   ) -> NewArticle | AddResult:
    if kind is None:
        return AddResult(origin, "skipped", error="not an article format")
    if isinstance(kind, Unreadable):
        return AddResult(origin, "error", error=f"{origin}: cannot read this folder ({kind.why})")
    try:
        if kind == URL:
            return fetch_input(origin, tags, outlet)
        return prepare_source(read_file(origin, kind), tags, outlet)
    except InputError as exc:
        return AddResult(origin, "error", error=exc.message)
    except Exception as exc:
        # A bug in cleanup met by one odd page must not end an import of thousands (nor
        # surface as a worker's traceback): that file is reported, the others go on.
        return AddResult(origin, "error",
                         error=f"{origin}: could not be cleaned ({type(exc).__name__}: {exc})")


def fetch_input(url: str, tags: tuple[str, ...], outlet: str = "") -> NewArticle | AddResult:
    """A web page fetched and cleaned."""
    # Imported here: fetching needs httpx, which local adds never touch.
    from index.fetch import fetch_source

    try:
        return prepare_source(fetch_source(url), tags, outlet)
    except NewsdeskError as exc:
        return AddResult(url, "error", error=exc.message)


def prepare_source(source: Source, tags: tuple[str, ...], outlet: str = ""
                   ) -> NewArticle | AddResult:
    """One read source cleaned into a storable article."""
    try:
        extracted = extract(source)
        if outlet:
            extracted = replace(extracted, outlet=outlet)
        return prepare(source, extracted, tags)
    except InputError as exc:
        return AddResult(source.origin, "error", error=exc.message)


def prepared_batches(batches: Iterable[Inputs], tags: tuple[str, ...], outlet: str,
                     *, workers: int, on_notice: Callable[[str], None] | None = None
                     ) -> Iterator[Prepared]:
    """The batches cleaned, in order: in this process, or with workers > 0 in a pool
    that cleans the next batches while the caller handles the last one. If the pool
    breaks (a cleaner killed), the rest is cleaned here, and on_notice is told once."""
    if workers <= 0:
        for batch in batches:
            yield prepare_batch(batch, tags, outlet)
        return
    # forkserver: the workers start from a fresh process, not a fork of this one, so they
    # inherit no open index lock, no database connection and no threads. (As with any
    # multiprocessing start method but fork, a script calling this needs the
    # `if __name__ == "__main__":` guard; the newsdesk command has it.)
    context = multiprocessing.get_context("forkserver")
    # The workers fork from a server that has imported the cleanup stack once, rather than
    # each importing it (when this process starts the server: a reader's may run already).
    context.set_forkserver_preload(["index.cleaning", "index.search"])
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                               initargs=(os.getpid(),))
    pending: deque[tuple[Inputs, Future[Prepared] | None]] = deque()
    told: list[str] = []

    def lost() -> None:
        if not told and on_notice is not None:
            told.append(CLEANER_LOST)
            on_notice(CLEANER_LOST)

    try:
        for batch in batches:
            pending.append((batch, _submit(pool, batch, tags, outlet)))
            if len(pending) > workers * AHEAD:
                yield _result(*pending.popleft(), tags, outlet, lost)
        while pending:
            yield _result(*pending.popleft(), tags, outlet, lost)
    finally:
        # Also on Ctrl+C or an early stop: queued batches are dropped, running ones end
        # their batch, and the workers exit before this returns (no cleaner is left behind).
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, batch: Inputs, tags: tuple[str, ...], outlet: str
            ) -> Future[Prepared] | None:
    """The batch handed to the pool; None once the pool is broken (then _result cleans it)."""
    try:
        return pool.submit(count_batch, batch, tags, outlet)
    except BrokenProcessPool:
        return None


def _result(batch: Inputs, future: Future[Prepared] | None, tags: tuple[str, ...],
            outlet: str, lost: Callable[[], None]) -> Prepared:
    """A batch the pool cleaned; cleaned here if the pool broke (a worker killed, say)."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
    lost()
    return prepare_batch(batch, tags, outlet)


def _worker_start(caller: int) -> None:
    """In a worker: Ctrl+C is the caller's to handle (it stops the pool; a worker would
    only print a traceback), and the worker exits when the caller is gone (a kill -9 of an
    add must not leave cleaners behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    starter = os.getppid()  # the pool's fork server: it ends when the caller does

    def watch() -> None:
        while _alive(caller) and os.getppid() == starter:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
