"""Seeded fuzzing of what users and files hand newsdesk: zero tracebacks, zero raw control
characters on stdout, whatever goes in. Bounded and deterministic (fixed seeds)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.hostile.helpers import cli, raw_controls
from tests.index.samples import BORDER, write
from tests.tui.waits import until
from tui.app import NewsdeskApp
from tui.widgets.article_list import ArticleList
from tui.widgets.search_bar import SearchBar

CONTROL = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))] + ["\ud800"]
QUERY_PARTS = ["militia", "border", "AND", "OR", "NOT", "(", ")", '"', "title:", "tag:",
               "published:[", "to", "]", "*", "-", "+", "@", "?", "~2", "^3", "outlet:",
               "added:yesterday", "2026-13-45", "\\", "{", "}", ":", "'", "é", "\u202e"]


def noise(rng: random.Random, size: int) -> str:
    """Text mixing words, punctuation and control characters."""
    pool = [*CONTROL, *QUERY_PARTS, " ", "a", "Z", "\n", "\u00e9", "\u4e2d", "\U0001f600"]
    return "".join(rng.choice(pool) for _ in range(size))


def clean_run(*args: str) -> None:
    result = cli(*args)
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (args, repr(result.exception))
    assert not raw_controls(result.stdout), (args, result.stdout)
    assert not raw_controls(result.stderr), (args, result.stderr)


def test_random_files_into_add(tmp_path: Path) -> None:
    rng = random.Random(20261121)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):
        suffix = rng.choice([".txt", ".html", ".md", ".gz", ""])
        data = rng.randbytes(rng.randint(0, 3000)) if n % 2 else \
            noise(rng, rng.randint(0, 2000)).encode("utf-8", errors="surrogatepass")
        name = "".join(c for c in noise(rng, 3) if c not in "\x00/\ud800")  # what a name holds
        (folder / f"f{n}{name}{suffix}").write_bytes(data)
    clean_run("add", str(folder))
    clean_run("add", str(folder), "--json")


def test_random_queries_and_ids(tmp_path: Path) -> None:
    write(tmp_path, "border.txt", BORDER)
    cli("add", str(tmp_path / "border.txt"))
    rng = random.Random(7)
    for _ in range(60):
        query = " ".join(rng.choice(QUERY_PARTS) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.3:
            query += noise(rng, 4)
        clean_run("search", query)
        clean_run("search", query, "--json", "--sort", "newest")
    for _ in range(20):
        clean_run("show", noise(rng, rng.randint(1, 12)))


def test_random_jsonl_bytes_into_import(tmp_path: Path) -> None:
    rng = random.Random(99)
    lines = []
    for n in range(60):
        record = {"title": noise(rng, 20), "body": f"Article {n}. " + noise(rng, 200),
                  "tags": [noise(rng, 5)], "outlet": noise(rng, 8)}
        text = json.dumps(record)
        lines.append(text if n % 3 else rng.randbytes(40).decode("latin-1"))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    clean_run("import", str(path))
    clean_run("search", "article", "--json")
    clean_run("export")


async def test_random_text_into_the_readers_search_box(library_home: Path,
                                                      tmp_path: Path) -> None:
    write(tmp_path, "border.txt", BORDER)
    cli("add", str(tmp_path / "border.txt"))
    rng = random.Random(5)
    app = NewsdeskApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.main_screen.query_one(ArticleList).articles)
        box = app.main_screen.query_one(SearchBar)
        for _ in range(15):
            box.focus()
            box.value = ""
            box.insert_text_at_cursor(noise(rng, rng.randint(1, 15)))
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        update = app.screen._compositor.render_update(full=True)
        drawn = "".join(seg.text for strip in update.strips for seg in strip)
        assert not raw_controls(drawn)
    assert app.return_code in (None, 0)

