"""A briefing after new articles arrive reuses what it picked for the stories that did not
change and summarizes afresh the story that gained an article."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.build import Selection, write_briefing
from index.library import Library
from tests.index.story_samples import HIT_FOLLOW_UP, TODAY, lines

KEPT = "A sentence the last briefing picked for this story, kept in the library."


def brief(library: Library, path: Path, ids: list[str]) -> str:
    write_briefing(library, Selection(ids=tuple(ids)), outputs={"markdown": path})
    return path.read_text(encoding="utf-8")


def kept_picks(library: Library) -> dict[str, tuple[str, str]]:
    rows = library.store.db.execute("SELECT story_id, made_from, picks FROM story_picks")
    return {story: (mark, picks) for story, mark, picks in rows}


def test_brief_after_an_add_reuses_unchanged_stories_and_resummarizes_the_changed(
    library: Library, tmp_path: Path
) -> None:
    today = [str(a["id"]) for a in TODAY]
    list(library.import_jsonl(lines(*TODAY), "test"))
    first = brief(library, tmp_path / "first.md", today)
    stories = {a: s.id for s in library.stories(today) for a in s.article_ids}
    picks = kept_picks(library)
    assert {stories["hit-levant"], stories["rutba-levant"]} <= set(picks)
    # what the library kept is what the next briefing prints for an unchanged story
    mark, rutba = picks[stories["rutba-levant"]]
    [[_, articles], *rest] = json.loads(rutba)
    library.store.db.execute(
        "UPDATE story_picks SET picks = ? WHERE story_id = ?",
        (json.dumps([[KEPT, articles], *rest]), stories["rutba-levant"]))
    assert KEPT not in first

    list(library.import_jsonl(lines(HIT_FOLLOW_UP), "test"))
    second = brief(library, tmp_path / "second.md", [*today, "hit-funeral"])
    assert KEPT in second
    again = kept_picks(library)
    assert again[stories["rutba-levant"]][0] == mark
    hit_mark, hit_picks = again[stories["hit-levant"]]
    assert hit_mark != picks[stories["hit-levant"]][0]
    assert any("mourners" in text or "investigation" in text
               for text, _ in json.loads(hit_picks))
