"""Many stories summarized at once, on every core: the first `stories` listing of a library
summarizes every story, and each story is independent of the others."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver

# Fewer stories than this are summarized here: starting workers costs about half a second.
MIN_STORIES = 24
MAX_WORKERS = 4
SENTENCES = 3  # a story's digest: the key point and two more

Texts = Sequence[tuple[str, str]]  # a story's articles as (title, body)


def summarize_stories(stories: Sequence[Texts], sentences: int) -> list[tuple[str, ...]]:
    """Each story's summary (up to `sentences`, most important first), in the stories' order:
    in worker processes when there are many and more than one core, else here."""
    workers = _workers()
    if workers < 2 or len(stories) < MIN_STORIES:
        return [summarize_texts(texts, sentences) for texts in stories]
    # the longest first, so that no worker is left with a big story at the end
    order = sorted(range(len(stories)), key=lambda i: -sum(len(b) for _, b in stories[i]))
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_ignore_interrupt) as pool:
        futures = {i: _submit(pool, stories[i], sentences) for i in order}
        return [_result(futures[i], stories[i], sentences) for i in range(len(stories))]


def warm_up(stories: int) -> None:
    """When `stories` will be summarized in workers, start the process they are made from
    now: it imports the summarizers while this one reads the articles."""
    if stories >= MIN_STORIES and _workers() >= 2:
        _context()
        forkserver.ensure_running()


def summarize_texts(texts: Texts, sentences: int) -> tuple[str, ...]:
    """One story's summary sentences, each on one line."""
    # Imported here: the summarizers load sumy and NLTK (about half a second), which a
    # list of kept summaries does without.
    from briefing.summarizers import summarize_story

    picked = summarize_story(list(texts), sentences=sentences)
    return tuple(" ".join(p.text.split()) for p in picked)


def _submit(pool: ProcessPoolExecutor, texts: Texts, sentences: int
            ) -> Future[tuple[str, ...]] | None:
    try:
        return pool.submit(summarize_texts, texts, sentences)
    except BrokenProcessPool:
        return None


def _result(future: Future[tuple[str, ...]] | None, texts: Texts, sentences: int
            ) -> tuple[str, ...]:
    """The worker's summary; made here if the pool broke (a worker killed, say)."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
    return summarize_texts(texts, sentences)


def _workers() -> int:
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS)


def _context() -> multiprocessing.context.ForkServerContext:
    # forkserver: the workers start from a fresh process that has imported the summarizers
    # once (not a fork of this one: no open library, index lock or threads come along).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["briefing.summarizers"])
    return context


def _ignore_interrupt() -> None:
    """In a worker: Ctrl+C is the caller's to handle (a worker would print a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
