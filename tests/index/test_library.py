"""The library as a user meets it: adding messy files, dedupe, search, tags and marks."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from index.errors import NotFoundError, QueryError
from index.ingest import Source
from index.library import Library
from index.sources import SOURCES
from tests.index.samples import BORDER, BORDER_ELSEWHERE, GRAIN, WATER, corpus, write


def add(library: Library, *paths: Path | str, tags: tuple[str, ...] = ()) -> list:
    return list(library.add([str(p) for p in paths], tags))


def test_scraped_article_is_cleaned_and_searchable(library: Library, tmp_path: Path) -> None:
    [result] = add(library, write(tmp_path, "border.txt", BORDER))
    assert result.status == "added"
    article = library.get(result.id)
    assert article.title == "Militia convoy struck near Al-Qaim crossing as border tensions rise"
    assert article.author == "Jane Doe"
    assert article.published is not None and article.published.date().isoformat() == "2022-03-27"
    for boilerplate in ("Share this article", "+A -A", "Trending", "All rights reserved",
                        "Accessibility links", "Football club"):
        assert boilerplate not in article.body
    assert "Residents described hearing several loud explosions" in article.body
    hit = library.search("explosions").hits[0]
    assert hit.article.id == result.id
    assert "**explosions**" in hit.snippet


def test_original_input_is_kept_for_later_reprocessing(library: Library, tmp_path: Path
                                                       ) -> None:
    [result] = add(library, write(tmp_path, "border.txt", BORDER))
    assert library.store.original(result.id).decode() == BORDER


def test_one_bad_file_does_not_stop_the_rest(library: Library, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    write(tmp_path, "a-empty.txt", "")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    write(tmp_path, "c-grain.txt", GRAIN)
    write(tmp_path, "d-photo.jpg", "not an article")
    results = {Path(r.origin).name: r for r in add(library, tmp_path)}
    assert results["a-empty.txt"].status == "error"
    assert "empty" in results["a-empty.txt"].error
    assert results["b-binary.txt"].status == "error"
    assert results["c-grain.txt"].status == "added"
    assert results["d-photo.jpg"].status == "skipped"


def test_gzip_and_latin1_inputs_are_read(library: Library, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "water.txt.gz").write_bytes(gzip.compress(WATER.encode()))
    (tmp_path / "cafe.txt").write_bytes(
        "Caf\xe9 owners protest new tax\n\nOwners of caf\xe9s in the old city closed their "
        "doors on Monday to protest a new tax on outdoor seating, which they said would "
        "ruin the summer season.\n".encode("latin-1"))
    results = add(library, tmp_path)
    assert [r.status for r in results] == ["added", "added"]
    assert library.search("cafés").hits[0].article.title == "Café owners protest new tax"
    assert library.search("euphrates").total == 1


def test_missing_file_is_a_clear_error(library: Library, tmp_path: Path) -> None:
    [result] = add(library, tmp_path / "nope.txt")
    assert result.status == "error" and "no such file" in result.error


def test_readding_is_a_noop_and_near_copy_is_linked(library: Library, tmp_path: Path) -> None:
    [first] = add(library, write(tmp_path, "a.txt", BORDER))
    [again] = add(library, write(tmp_path, "a.txt", BORDER))
    assert again.status == "duplicate" and again.id == first.id
    [copy] = add(library, write(tmp_path, "b.txt", BORDER_ELSEWHERE))
    assert copy.status == "duplicate"
    assert copy.duplicate_of == first.id
    assert library.get(copy.id).duplicate_of == first.id
    assert [a.id for a in library.duplicates_of(first.id)] == [copy.id]
    # the copy keeps its input as it arrived and the lines cleanup left out (`show --raw`)
    assert library.original(copy.id) == BORDER_ELSEWHERE.encode()
    assert "Opinion" in library.dropped(copy.id)
    # indexed once: one hit, not two
    assert library.search("convoy").total == 1
    assert library.stats()["articles"] == 2


def test_near_copy_of_an_article_stored_by_an_earlier_run_is_linked(
    library_home: Path, tmp_path: Path
) -> None:
    # the earlier article's shingles are not at hand in a new run: its body is read back
    with Library(library_home) as first_run:
        [first] = add(first_run, write(tmp_path, "a.txt", BORDER))
    with Library(library_home) as second_run:
        [copy] = add(second_run, write(tmp_path, "b.txt", BORDER_ELSEWHERE))
    assert copy.status == "duplicate" and copy.duplicate_of == first.id


def test_an_earlier_runs_candidate_is_read_back_once_for_several_copies(
    library_home: Path, tmp_path: Path
) -> None:
    with Library(library_home) as first_run:
        [first] = add(first_run, write(tmp_path, "a.txt", BORDER))
    with Library(library_home) as second_run:
        statements: list[str] = []
        second_run.store.db.set_trace_callback(statements.append)
        copies = [write(tmp_path / "copies", f"{n}.txt", BORDER_ELSEWHERE.replace(
            "Residents described", f"Residents of {n} villages described")) for n in range(3)]
        results = add(second_run, *copies)
        second_run.store.db.set_trace_callback(None)
    assert [r.duplicate_of for r in results] == [first.id] * 3
    assert sum("SELECT id, body FROM articles" in s for s in statements) == 1


def test_a_page_fetched_again_is_found_by_its_url_through_an_index(library: Library) -> None:
    page = "https://example.com/news/grain"
    [first] = library.add_sources([Source("feed item", GRAIN.encode(), SOURCES["text"], page)])
    statements: list[str] = []
    library.store.db.set_trace_callback(statements.append)
    # the page has changed since (other text), but it is the same page
    [again] = library.add_sources([Source("feed item 2", WATER.encode(), SOURCES["text"], page)])
    library.store.db.set_trace_callback(None)
    assert again.status == "duplicate" and again.duplicate_of == first.id
    [check] = [s for s in statements if "FROM articles WHERE url" in s]
    plan = library.store.db.execute(f"EXPLAIN QUERY PLAN {check}").fetchall()
    # a lookup, not a read of every stored article (seconds a page in a large library)
    assert any("USING INDEX articles_url" in row[-1] for row in plan), plan


def test_distinct_stories_are_not_merged(library: Library, tmp_path: Path) -> None:
    results = add(library, *corpus(tmp_path, 30))
    assert [r.status for r in results] == ["added"] * 30


@pytest.fixture
def stocked(library: Library, tmp_path: Path) -> Library:
    add(library, write(tmp_path, "border.txt", BORDER), tags=("iraq-syria",))
    add(library, write(tmp_path, "grain.txt", GRAIN), write(tmp_path, "water.txt", WATER))
    return library


@pytest.mark.parametrize(("query", "titles"), [
    ("explosion", ["Militia convoy"]),                      # stemmed
    ('"loud explosions"', ["Militia convoy"]),              # phrase
    ('"explosions loud"', []),
    ("river AND dam", ["Dam talks"]),
    ("drought NOT wheat", []),
    ("grain OR euphrates", ["Dam talks", "Grain prices"]),
    ("title:dam", ["Dam talks"]),
    ("author:doe", ["Militia convoy"]),
    ("tag:iraq-syria", ["Militia convoy"]),
    ("published:[2022-01-01 to 2022-12-31]", ["Militia convoy"]),
    ("added:today", ["Dam talks", "Grain prices", "Militia convoy"]),
    ("added:yesterday", []),
])
def test_query_language(stocked: Library, query: str, titles: list[str]) -> None:
    found = sorted(h.article.title for h in stocked.search(query).hits)
    assert len(found) == len(titles)
    for got, want in zip(found, titles, strict=True):
        assert got.startswith(want)


def test_more_matched_words_rank_higher(stocked: Library) -> None:
    hits = stocked.search("river dam grain").hits
    assert hits[0].article.title.startswith("Dam talks")
    assert hits[0].score > hits[-1].score


def test_newest_sort_keeps_all_words_and_orders_by_date(stocked: Library) -> None:
    hits = stocked.search("prices", sort="newest").hits
    assert [h.article.title[:5] for h in hits] == ["Grain"]
    dated = stocked.search("the OR river OR convoy OR grain", sort="newest").hits
    dates = [h.article.date for h in dated]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "the", "published:[garbage to",
                                   "published:notadate", "added:[1 to 2]"])
def test_malformed_queries_raise_query_error(stocked: Library, query: str) -> None:
    with pytest.raises(QueryError) as info:
        stocked.search(query)
    assert info.value.message


def test_odd_but_valid_queries_do_not_fail(stocked: Library) -> None:
    for query in ["AND river", "Note: river"]:
        assert [h.article.title[:9] for h in stocked.search(query).hits] == ["Dam talks"]
    assert stocked.search("*").total == 3
    for wrong in ['"unclosed phrase', "(river", "foo:bar", "dam)"]:
        with pytest.raises(QueryError):
            stocked.search(wrong)


def test_tags_and_marks_persist_and_are_searchable(stocked: Library,
                                                   library_home: Path) -> None:
    article = stocked.search("grain").hits[0].article
    stocked.tag(article.id, add=["Food Security", "economy"])
    stocked.tag(article.id, remove=["economy"])
    stocked.mark(article.id, read=True, starred=True, in_basket=True)
    with Library(library_home) as other:  # another process's view
        again = other.get(article.id[:6])
        assert again.tags == ("food-security",)
        assert (again.read, again.starred, again.in_basket) == (True, True, True)
        assert [h.article.id for h in other.search("tag:food-security").hits] == [article.id]
        assert other.search("tag:economy").total == 0


def test_saved_searches(stocked: Library) -> None:
    stocked.save_search("water", "river OR dam")
    assert stocked.store.searches() == [("water", "river OR dam")]
    assert stocked.search("@water").hits[0].article.title.startswith("Dam talks")
    with pytest.raises(NotFoundError):
        stocked.search("@nothing")
    with pytest.raises(QueryError):
        stocked.save_search("bad", "published:notadate")


def test_id_prefixes(stocked: Library) -> None:
    article = stocked.search("grain").hits[0].article
    assert stocked.get(article.id[:5]).id == article.id
    with pytest.raises(NotFoundError):
        stocked.get("zzzz")


def test_export_import_round_trip_keeps_user_state(stocked: Library, tmp_path: Path) -> None:
    article = stocked.search("grain").hits[0].article
    stocked.tag(article.id, add=["food"])
    stocked.mark(article.id, starred=True)
    dump = tmp_path / "export.jsonl"
    with open(dump, "w") as fh:
        assert stocked.export(fh) == 3
    with Library(tmp_path / "other") as other:
        results = list(other.import_jsonl(dump.read_text().splitlines(), origin=str(dump)))
        assert [r.status for r in results] == ["added"] * 3
        copy = other.get(article.id)
        assert copy.tags == ("food",) and copy.starred
        assert copy.body == article.body
        assert other.search("tag:food").total == 1
        again = list(other.import_jsonl(dump.read_text().splitlines(), origin=str(dump)))
        assert {r.status for r in again} == {"duplicate"}


def test_import_reports_bad_lines(library: Library) -> None:
    lines = ['{"title": "Ok", "body": "A real body of text about the river."}', "not json",
             '{"title": "no body"}', "[1, 2]"]
    statuses = [r.status for r in library.import_jsonl(lines, origin="x.jsonl")]
    assert statuses == ["added", "error", "error", "error"]


def test_reindex_rebuilds_from_the_store(stocked: Library, library_home: Path) -> None:
    import shutil

    stocked.close()
    shutil.rmtree(library_home / "index")
    with Library(library_home) as reopened:  # a missing index is rebuilt on open
        assert reopened.search("euphrates").total == 1
        assert reopened.reindex() == 3
        assert reopened.search("tag:iraq-syria").total == 1
