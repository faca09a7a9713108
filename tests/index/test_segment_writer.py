"""The counting writer writes the index Whoosh's own writer writes, term for term."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from whoosh import index, query
from whoosh.writing import SegmentWriter

from index.search import COUNTED, SCHEMA, _codec
from index.segment_writer import CountingWriter, count_terms

SAMPLE = ("election vote minister border troops talks market shares oil price storm flood "
         "rescue court ruling strike union wages school teachers café naïve Zürich "
         "US IS WHO UN NATO al-Hol Deir ez-Zor Al Hol the of and is it")
WORDS = SAMPLE.split()


def _docs(count: int, seed: int, first: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1)
    docs = []
    for n in range(first, first + count):
        date = start + timedelta(hours=n)
        docs.append({
            "id": f"a{n:05d}",
            "title": " ".join(rng.choices(WORDS, k=rng.randint(2, 9))).capitalize(),
            # "election" in every body: a posting list of several blocks
            "body": "election " + " ".join(rng.choices(WORDS, k=rng.randint(0, 300))),
            "outlet": rng.choice(["The Daily Post", "Coastal Herald", ""]),
            "author": rng.choice(["Anna Berg", "", "J. Smith"]),
            "tag": rng.choice(["", "sport", "politics,world"]),
            "added": date,
            "date": date,
        } | ({"published": date} if n % 3 else {}))
    return docs


def _build(folder: Path, writer_class: type, rounds: list[list[dict[str, Any]]]) -> Any:
    folder.mkdir()
    ix = index.create_in(str(folder), SCHEMA)
    for docs in rounds[:-1]:  # small segments, merged into the last writer's
        with ix.writer(codec=_codec()) as writer:
            for doc in docs:
                writer.add_document(**doc)
    writer = writer_class(ix, codec=_codec())
    for doc in rounds[-1]:
        writer.update_document(**doc)
    writer.commit(optimize=True)  # the earlier segments merged through this writer
    return ix


def _info(ti: Any) -> tuple[object, ...]:
    return (ti.weight(), ti.doc_frequency(), ti.max_weight(), ti.min_length(),
            ti.max_length(), ti.min_id(), ti.max_id())


def _segment_files(ix: Any) -> dict[str, bytes]:
    # the postings and terms files byte for byte: blocks, their statistics, term offsets
    [segment] = ix._segments()
    files = segment.open_compound_file(ix.storage)
    return {ext: files.open_file(segment.make_filename(ext)).read() for ext in (".pst", ".trm")}


def _everything(ix: Any) -> dict[str, Any]:
    with ix.reader() as reader:
        terms = list(reader.all_terms())
        return {
            "segments": [s.doc_count_all() for s in ix._segments()],
            "files": _segment_files(ix),
            "postings": list(reader.iter_postings()),
            "term infos": [_info(reader.term_info(f, t)) for f, t in terms],
            "stored": list(reader.all_stored_fields()),
            "lengths": [(reader.doc_field_length(n, "title"), reader.doc_field_length(n, "body"))
                        for n in range(reader.doc_count_all())],
        }


def test_counting_writer_writes_the_same_index_as_whoosh(tmp_path: Path) -> None:
    # the last round replaces two articles of the first: merged with deletions
    rounds = [_docs(3, seed=1), _docs(4, seed=2, first=3), _docs(1300, seed=3, first=1)]
    ours = _everything(_build(tmp_path / "ours", CountingWriter, rounds))
    whoosh = _everything(_build(tmp_path / "whoosh", SegmentWriter, rounds))
    assert ours["segments"] == whoosh["segments"] == [1301]
    for part in ("postings", "term infos", "stored", "lengths", "files"):
        assert ours[part] == whoosh[part], part


def test_an_article_updated_by_the_counting_writer_is_found_once(tmp_path: Path) -> None:
    first = _docs(5, seed=4)
    changed = {**first[2], "title": "Storm closes the border", "body": "A storm came."}
    ix = _build(tmp_path / "ix", CountingWriter, [first, [changed]])
    with ix.searcher() as searcher:
        hits = searcher.search(query.Term("title", "storm"), limit=None)
        assert [hit["id"] for hit in hits if hit["id"] == "a00002"] == ["a00002"]
        assert searcher.doc_count() == 5


def test_terms_counted_beforehand_make_the_same_index(tmp_path: Path) -> None:
    # a bulk add's cleaner processes count each article's title and body terms
    docs = _docs(700, seed=5)
    counted = [doc | {name: count_terms(SCHEMA[name], doc[name]) for name in COUNTED}
               for doc in docs]
    ours = _everything(_build(tmp_path / "ours", CountingWriter, [counted]))
    whoosh = _everything(_build(tmp_path / "whoosh", SegmentWriter, [docs]))
    for part in ("postings", "term infos", "stored", "lengths", "files"):
        assert ours[part] == whoosh[part], part
