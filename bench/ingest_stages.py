"""Where an add's CPU goes: process-time wrappers around the stages of `Library.add`.

cProfile's per-call overhead distorts a path of many small calls, so each stage is timed
with `time.process_time` around one method. The process that stores and indexes is timed
stage by stage; the cleaner processes as a whole (their CPU read from /proc before the pool
stops, so Linux only); and the wall time the storing process spent waiting for a cleaned
batch, which says which side is the bottleneck.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any

# (owner module, class name, method, label): the main process's stages, nested as listed
MAIN_STAGES = [
    ("index.adding", "Adding", "_store_only", "store (transactions, dedupe checks, aliases)"),
    ("index.store", "Store", "insert", "  Store.insert"),
    ("index.adding", "Adding", "_near_duplicate", "  near-copy check"),
    ("index.segment_writer", "CountingWriter", "add_document", "index add_document"),
    ("index.segment_writer", "CountingWriter", "_count", "  title/body term counts"),
    ("index.segment_writer", "CountingWriter", "_index_plain", "  other fields"),
    ("whoosh.writing", "SegmentWriter", "commit", "index commit (postings written, merges)"),
]


class Stages:
    """Wraps the stages while in a with block; report() gives ms per article."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.waited = 0.0
        self.cleaners = 0.0
        self.workers = 0
        self._undo: list[Callable[[], None]] = []

    def __enter__(self) -> Stages:
        import importlib

        for module, cls, method, label in MAIN_STAGES:
            owner = getattr(importlib.import_module(module), cls)
            self._wrap(owner, method, self._cpu_timer(label))
        cleaning = importlib.import_module("index.cleaning")
        self._wrap(cleaning, "_result", self._wait_timer)
        self._wrap(ProcessPoolExecutor, "shutdown", self._cleaner_cpu)
        self.start = time.process_time()
        self.wall = time.perf_counter()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.total = time.process_time() - self.start
        self.wall = time.perf_counter() - self.wall
        for undo in reversed(self._undo):
            undo()

    def _wrap(self, owner: Any, name: str, wrapper: Callable[[Callable[..., Any]], Any]) -> None:
        if name in vars(owner):
            original = vars(owner)[name]
            self._undo.append(lambda: setattr(owner, name, original))
        else:  # inherited: the wrapper shadows it until removed
            self._undo.append(lambda: delattr(owner, name))
        setattr(owner, name, wrapper(getattr(owner, name)))

    def _cpu_timer(self, label: str) -> Callable[[Callable[..., Any]], Any]:
        def wrapper(function: Callable[..., Any]) -> Any:
            def timed(*args: Any, **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    self.cpu[label] += time.process_time() - start
            return timed
        return wrapper

    def _wait_timer(self, function: Callable[..., Any]) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.waited += time.perf_counter() - start
        return timed

    def _cleaner_cpu(self, function: Callable[..., Any]) -> Any:
        def read_then_stop(pool: ProcessPoolExecutor, *args: Any, **kwargs: Any) -> Any:
            pids = list((getattr(pool, "_processes", None) or {}).keys())
            self.workers += len(pids)
            self.cleaners += sum(_process_cpu(pid) for pid in pids)
            return function(pool, *args, **kwargs)
        return read_then_stop

    def report(self, added: int) -> str:
        """The stages in ms of CPU per added article, and the waits, as text lines."""
        def per(seconds: float) -> str:
            return f"{seconds * 1000 / max(1, added):6.2f} ms"

        lines = [f"main process CPU {per(self.total)} per article over {added} added, "
                 f"wall {self.wall:.1f} s ({added / self.wall:.0f}/s)"]
        lines += [f"  {per(self.cpu[label])}  {label}" for *_, label in MAIN_STAGES]
        lines.append(f"  waited for cleaned batches {self.waited:.1f} s of the wall time")
        lines.append(f"cleaner processes ({self.workers}) CPU {per(self.cleaners)} per article")
        return "\n".join(lines)


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
