"""Summaries: verbatim sentences, right count, every algorithm offline, stories cited."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.summarizers import ALGORITHMS, DEFAULT_ALGORITHM, summarize, summarize_story
from briefing.text import split_sentences
from index.errors import NewsdeskError

# Fictional reports written for these tests.
BORDER = """\
BORDER CLASHES

Fighting broke out overnight near the Iraq-Syria border crossing at Rabiya, local officials said.
Dr. Lena Farouk, who runs the only clinic in the town, said 14 wounded people arrived before dawn.
Photo: smoke over the crossing
The U.S. military said its aircraft were not involved in the clashes near the border.
Residents said the shelling stopped at about 6 a.m. but gunfire continued into the morning.
Scroll down for video.
Aid groups suspended convoys to the camps east of the crossing until the roads are judged safe.
It was not clear who fired first.
A spokesman for the provincial council said talks with tribal leaders would begin on Monday.
The crossing has been closed to trade since the spring, cutting a key route for food imports.
"""

FLOOD = """\
Heavy rain flooded dozens of villages along the river valley on Tuesday, forcing families to flee.
Rescue teams used boats to reach people stranded on rooftops in the lowest-lying districts.
The regional weather office warned that more storms would arrive later in the week.
Farmers said the water destroyed crops that were due to be harvested within days.
"""

SHARED = "Fighting broke out overnight near the Iraq-Syria border crossing at Rabiya, it was said."
BORDER_FOLLOW_UP = f"""\
{SHARED}
Families from nearby villages sheltered in schools and mosques as the gunfire continued.
Tribal elders called for a ceasefire so that the wounded could be moved to hospitals in Mosul.
The provincial council said the crossing would stay closed until further notice.
"""


def _in_document_order(body: str, sentences: list[str]) -> bool:
    position = 0
    for sentence in sentences:
        found = body.find(sentence, position)
        if found < 0:
            return False
        position = found + len(sentence)
    return True


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_summary_is_verbatim_body_sentences_in_document_order(algorithm: str) -> None:
    summary = summarize(BORDER, title="Clashes at the border", sentences=3, algorithm=algorithm)
    assert len(summary) == 3
    assert _in_document_order(BORDER, summary)
    assert set(summary) <= set(split_sentences(BORDER))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_summary_has_fewer_sentences_when_the_body_is_shorter(algorithm: str) -> None:
    assert summarize(FLOOD, sentences=10, algorithm=algorithm) == split_sentences(FLOOD)


def test_sentences_keep_line_breaks_of_the_body() -> None:
    body = "Rescue teams used boats to reach\npeople stranded on rooftops overnight. They found 30."
    assert summarize(body, sentences=1, algorithm="lead") == [
        "Rescue teams used boats to reach\npeople stranded on rooftops overnight."
    ]


def test_abbreviations_do_not_split_sentences() -> None:
    summary = summarize(BORDER, sentences=6, algorithm="lead")
    assert summary[1].startswith("Dr. Lena Farouk") and summary[1].endswith("before dawn.")
    assert summary[2] == (
        "The U.S. military said its aircraft were not involved in the clashes near the border."
    )


def test_newsdesk_is_the_default_and_never_picks_captions_or_headlines() -> None:
    assert DEFAULT_ALGORITHM == "newsdesk"
    every_sentence = summarize(BORDER, title="Clashes at the border", sentences=20)
    assert "BORDER CLASHES" not in every_sentence
    assert not any(s.startswith(("Photo:", "Scroll down")) for s in every_sentence)
    assert len(every_sentence) == 8


def test_datelines_are_trimmed_from_the_first_sentence() -> None:
    body = "RABIYA, Iraq (Reuters) - Gunfire was heard near the crossing on Sunday. More later."
    assert summarize(body, sentences=1) == ["Gunfire was heard near the crossing on Sunday."]


def test_empty_body_gives_an_empty_summary() -> None:
    assert summarize("   ", sentences=3) == []


def test_unknown_algorithm_raises_newsdesk_error_with_a_hint() -> None:
    with pytest.raises(NewsdeskError) as raised:
        summarize(BORDER, algorithm="magic")
    assert "magic" in raised.value.message
    assert all(name in raised.value.hint for name in ALGORITHMS)


def test_a_story_summary_says_a_shared_sentence_once_citing_every_article() -> None:
    articles = [("Clashes at the border", BORDER), ("Families shelter", BORDER_FOLLOW_UP),
                ("Clashes again", BORDER)]
    picked = summarize_story(articles, sentences=8)
    assert sum("Fighting broke out overnight" in p.text for p in picked) == 1
    shared = next(p for p in picked if "Fighting broke out overnight" in p.text)
    assert shared.articles == (0, 2)
    assert all(p.text in articles[p.articles[0]][1] for p in picked)


def test_a_story_of_nothing_is_empty() -> None:
    assert summarize_story([], sentences=5) == []


def test_every_algorithm_runs_without_nltk_data(tmp_path: Path) -> None:
    """sumy's own tokenizer needs NLTK's punkt data; ours must not need any NLTK data."""
    script = (
        "from briefing.summarizers import ALGORITHMS, summarize, summarize_story\n"
        "import sys\n"
        "body = sys.stdin.read()\n"
        "for name in ALGORITHMS:\n"
        "    assert len(summarize(body, title='Border', sentences=2, algorithm=name)) == 2, name\n"
        "assert summarize_story([('Border', body)], sentences=2)\n"
    )
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script], input=BORDER, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def first_sentence_summarizer(document: object) -> object:
    """A summarizer registered by the test below: always the first sentence."""
    return lambda doc, count: tuple(doc.sentences[:1])


def test_a_summarizer_is_one_registry_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import registry

    line = registry.Summarizer("first sentence only", f"{__name__}:first_sentence_summarizer")
    monkeypatch.setitem(registry.SUMMARIZERS, "first", line)
    assert summarize(FLOOD, sentences=3, algorithm="first") == split_sentences(FLOOD)[:1]
    assert "first (first sentence only)" in registry.algorithm_help()


def test_the_command_line_lists_every_registered_summarizer() -> None:
    from click.testing import CliRunner

    from briefing.registry import SUMMARIZERS
    from tui.cli import main

    for command in ("summarize", "brief"):
        shown = " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())
        assert all(f"{name} ({s.help})" in shown for name, s in SUMMARIZERS.items())
