"""Waiting on the reader in tests: for its workers, or for something a user would see."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


async def settle(pilot: Pilot, rounds: int = 50) -> None:
    """Wait until no worker runs and the UI has handled what they posted.

    A finished worker's message may start another (a change recounts the sidebar), so wait
    in rounds until a round starts nothing new. A message may also start one only after the
    next repaint (the reader opens its library once the first rows are drawn: a
    call_after_refresh), and on a loaded machine that repaint can come after the app is idle:
    so each round waits for it too.
    """
    app = pilot.app
    for _ in range(rounds):
        await _workers_done(app)
        await pilot.pause()
        await app.screen.wait_for_refresh()
        if not any(worker.state in BUSY for worker in app.workers):
            return
    raise AssertionError("the reader's workers never settled")


async def until(pilot: Pilot, check: Callable[[], object], rounds: int = 3000) -> None:
    """Let the app run until `check()` is true (for events no worker reports, like timers).

    The limit (about a minute) only ends a hung test: a loaded machine may take many seconds.
    """
    for _ in range(rounds):
        if check():
            return
        await _workers_done(pilot.app)
        await pilot.pause(0.02)
    raise AssertionError("condition never became true")


async def _workers_done(app: App[object]) -> None:
    # An exclusive worker replaced by a newer one ends cancelled: the newer one is waited for.
    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()


def burst(pilot: Pilot, *keys: str) -> None:
    """Send keys all in one go, as a fast typist or a terminal's paste does: none is handled
    before the last is queued (Pilot.press waits for the app between keys)."""
    app = pilot.app
    for key in keys:
        name = _KEY_NAMES.get(key, key)
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        app.post_message(event)


_KEY_NAMES = {"/": "slash", " ": "space", "?": "question_mark", "+": "plus", "-": "minus",
              "#": "number_sign", "@": "at", ":": "colon", "[": "left_square_bracket",
              "]": "right_square_bracket", '"': "quotation_mark"}
