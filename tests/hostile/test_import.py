"""JSON-lines import: bad lines are reported and skipped, the rest lands, nothing coerced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.library import Library
from tests.hostile.helpers import cli, raw_controls

GOOD = {"title": "Harbour cranes return after the winter refit",
        "body": "Two of the harbour's three container cranes are back at work after a winter "
                "refit that replaced their cables, the port authority said on Friday."}


def line(**fields: object) -> str:
    return json.dumps({**GOOD, **fields}, ensure_ascii=False)


def other(n: int, **fields: object) -> str:
    body = (f"The council's budget meeting number {n} approved new spending on buses and "
            f"parks, item {n} on a list of {n + 40} decisions taken on Thursday evening.")
    return line(title=f"Council meeting {n}", body=body, **fields)


def run_import(tmp_path: Path, lines: list[str]) -> tuple[int, str, str]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("import", str(path))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


BAD_LINES = {
    "not json": ("{not json", "not JSON"),
    "a list": ("[1, 2]", "not a JSON object"),
    "nested deeply": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "read as a string": (line(read="false"), "read must be true or false"),
    "tags as a string": (line(tags="abc"), "tags must be a list of strings"),
    "title as a number": (line(title=5), "title must be a string"),
    "body missing": (line(body=""), "no body"),
    "an id with spaces": (line(id="AB CD"), "id 'AB CD' is not one newsdesk can show"),
    "a bad date": (line(published="last tuesday"), "published is not an ISO date"),
    "a huge title": (line(title="x" * 5000), "title is over 1000 characters"),
    "too many tags": (line(tags=[f"t{i}" for i in range(500)]), "at most 200 tags"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_a_bad_line_is_reported_and_the_rest_lands(tmp_path: Path, library_home: Path,
                                                   case: str) -> None:
    bad, message = BAD_LINES[case]
    code, _, err = run_import(tmp_path, [other(1), bad, other(2)])
    assert code == 0
    assert f"in.jsonl:2: bad article line: {message}" in err
    assert "2 added, 1 error" in err
    with Library(library_home) as library:
        assert library.store.count() == 2


def test_a_lone_surrogate_does_not_stop_the_import(tmp_path: Path, library_home: Path) -> None:
    lines = [other(1), line(title="Cranes \\ud800 return").replace("\\\\ud800", "\\ud800"),
             other(2)]
    code, _, err = run_import(tmp_path, lines)
    assert code == 0 and "3 added" in err
    found = cli("search", "cranes", "--json")
    titles = [h["title"] for h in json.loads(found.stdout)]
    assert titles == ["Cranes \ufffd return"] and not raw_controls(found.stdout)


def test_ids_are_normalized_or_refused(tmp_path: Path) -> None:
    _, _, err = run_import(tmp_path, [other(1, id="ABC123"), other(2, id="x y")])
    assert "1 added, 1 error" in err
    shown = cli("show", "abc123", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == "abc123"
    assert cli("tag", "ABC123", "+kept").exit_code == 0


def test_a_different_article_with_an_existing_id_is_reported(tmp_path: Path,
                                                            library_home: Path) -> None:
    run_import(tmp_path, [other(1, id="same-id")])
    _, _, err = run_import(tmp_path, [other(2, id="same-id"), other(1, id="same-id")])
    assert "id same-id is already another article's" in err
    assert "1 duplicate, 1 error" in err
    with Library(library_home) as library:
        assert "meeting 1" in library.get("same-id").title


def test_user_state_is_taken_as_given(tmp_path: Path, library_home: Path) -> None:
    run_import(tmp_path, [other(1, id="a1", read=False, starred=True, tags=["Port News"])])
    with Library(library_home) as library:
        article = library.get("a1")
        assert (article.read, article.starred, article.tags) == (False, True, ("port-news",))


def test_random_jsonl_never_gives_a_traceback(tmp_path: Path) -> None:
    import random

    rng = random.Random(12)
    values: list[object] = [None, True, 0, -1.5, "", "x", "\x1b[2J", "\ud800", [], {}, ["a", 1],
                            "2026-01-01", "9999-99-99", "A" * 3000, {"a": [1]}]
    keys = ["id", "title", "body", "read", "tags", "published", "added", "url", "starred",
            "outlet", "extra"]
    lines = []
    for n in range(200):
        record = {k: rng.choice(values) for k in rng.sample(keys, rng.randint(0, len(keys)))}
        if rng.random() < 0.5:
            record["body"] = f"Body number {n} says something about the harbour and the council."
        text = json.dumps(record)
        if rng.random() < 0.1:
            cut = rng.randrange(len(text) + 1)
            text = text[:cut]
        lines.append(text)
    code, out, err = run_import(tmp_path, lines)
    assert code == 0 and not raw_controls(out) and not raw_controls(err)
