"""Long articles: every summarizer's work is bounded, and huge texts are refused clearly."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from briefing.summarizers import summarize, summarize_story
from briefing.summarizers._document import MAX_SENTENCE_CHARS, MAX_SENTENCES, build_document
from index.ingest import MAX_BODY_CHARS
from tests.hostile.helpers import cli

WORDS = ["the", "council", "said", "on", "friday", "that", "the", "harbour", "cranes", "would",
         "return", "after", "a", "winter", "refit", "of", "cables", "and", "controls"]


def one_sentence(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    return "The " + " ".join(words) + "."


def many_sentences(chars: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))).capitalize()
                     + "." for _ in range(5)]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def test_the_document_every_summarizer_reads_is_bounded() -> None:
    for body in (one_sentence(3_000_000), many_sentences(3_000_000)):
        document = build_document(body, "Harbour cranes")
        sentences = [s for s in document.sentences if not s.is_heading]
        assert 0 < len(sentences) <= MAX_SENTENCES
        assert all(len(str(s)) <= MAX_SENTENCE_CHARS for s in sentences)


def test_summaries_of_long_bodies_are_short_slices_of_them() -> None:
    body = many_sentences(2_000_000)
    for algorithm in ("newsdesk", "lexrank", "lsa", "textrank"):
        picked = summarize(body, algorithm=algorithm)
        assert len(picked) == 3 and all(p in body for p in picked)
    one = one_sentence(2_000_000)
    assert all(len(p) <= MAX_SENTENCE_CHARS and p in one for p in summarize(one))
    story = summarize_story([("A", body), ("B", many_sentences(500_000, seed=3))],
                            sentences=5)
    assert 0 < len(story) <= 5


def test_a_text_over_the_cap_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("Harbour cranes\n\n" + one_sentence(MAX_BODY_CHARS + 10_000))
    result = cli("add", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "too long for an article" in result.stderr


MEASURE = """
import resource, sys
from tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    assert not exit.code, exit.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mb(home: Path, *args: str) -> float:
    """Run the CLI in a child process; its peak resident memory in MB."""
    done = subprocess.run([sys.executable, "-c", MEASURE, "--library", str(home), *args],
                          capture_output=True, text=True, cwd=Path(__file__).parents[2],
                          check=True)
    return int(done.stdout.split()[-1]) / 1024


def test_the_longest_accepted_articles_reach_the_pdf_in_bounded_memory(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Harbour cranes return\n\n" + one_sentence(MAX_BODY_CHARS - 20_000))
    many = tmp_path / "many.txt"
    many.write_text("Council votes on the harbour budget\n\n"
                    + many_sentences(MAX_BODY_CHARS - 20_000))
    home = tmp_path / "lib"
    assert peak_mb(home, "add", str(one), str(many)) < 300
    pdf = tmp_path / "b.pdf"
    assert peak_mb(home, "brief", "--since", "3650d", "--output", str(pdf),
                   "--markdown", str(tmp_path / "b.md")) < 300
    assert pdf.stat().st_size > 0
