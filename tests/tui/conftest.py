"""The reader's fixtures: a small fictional library (tests/tui/data/samples.jsonl)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.notifications import Notification

from index.library import Library

SAMPLES = Path(__file__).parent / "data" / "samples.jsonl"


def build_sample_library(root: Path) -> Path:
    """A library folder holding the sample articles (fixed ids and dates); returns its path."""
    with Library(root) as library, SAMPLES.open(encoding="utf-8") as lines:
        results = list(library.import_jsonl(lines, "samples"))
        assert all(r.status in ("added", "duplicate") for r in results), results
    return root


@pytest.fixture(autouse=True)
def _notifications_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every toast for the test's whole run: on a loaded machine a test may reach its
    check after the toast's few seconds are over, and what the reader said must not vanish."""
    monkeypatch.setattr(Notification, "has_expired", property(lambda self: False))


@pytest.fixture
def sample_home(library_home: Path) -> Path:
    """The sample library in the test's NEWSDESK_HOME."""
    return build_sample_library(library_home)


def many_lines(count: int) -> list[str]:
    """`count` short articles a day apart, newest last, every third one unread."""
    lines = []
    for n in range(count):
        day = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n)
        lines.append(json.dumps({
            "id": f"m{n:04d}", "title": f"Bulletin number {n} from the river towns",
            "outlet": "Valley Wire", "published": day.isoformat(),
            "read": n % 3 != 0,
            "body": f"Bulletin {n}: the ferry ran {n % 7} times and the market opened at "
                    f"{6 + n % 5} o'clock in town {n}. Water stood at {n % 11} metres.",
        }))
    return lines


@pytest.fixture(scope="session")
def _long_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long") / "library"
    with Library(root) as library:
        results = list(library.import_jsonl(many_lines(700), "many"))
        assert all(r.status == "added" for r in results), results[:3]
    return root


@pytest.fixture
def long_home(library_home: Path, _long_library: Path) -> Path:
    """A library of 700 articles (more than two pages of the list), a copy for each test."""
    shutil.copytree(_long_library, library_home)
    return library_home
