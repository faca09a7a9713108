"""Offline sentence splitting and word tokenizing, a drop-in for sumy's NLTK tokenizer."""

from __future__ import annotations

import re

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then
# something that can open a sentence. Abbreviations are vetoed afterwards, which is simpler to
# get right than one regex with variable-length lookbehinds.
_BOUNDARY = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3$\u20ac])"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_FINAL_PUNCTUATION = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$")
_OPENS_SENTENCE = re.compile(r"[\"'\u201c\u2018(\[]?[A-Z0-9]")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

# Lowercase, without the final dot. Titles and name parts are almost never sentence-final.
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
        "cmdr", "adm", "maj", "st", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "fr",
        "sr", "jr", "mt", "ft", "messrs", "mme", "mlle"
    }
)
# Followed by a number ("No. 5", "Jan. 3") or used mid-sentence ("vs. Smith", "Inc. said").
_BEFORE_NUMBERS = frozenset(
    {
        "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "art", "p", "pp"
    }
)
_MID_SENTENCE = frozenset(
    {
        "vs", "v", "etc", "inc", "ltd", "co", "corp", "bros", "approx", "est", "dept", "univ",
        "e.g", "i.e", "al", "cf"
    }
)
# Sentence openers that tell an acronym such as "U.S." really did end the sentence.
_OPENERS = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
        "there", "but", "and", "in", "on", "at", "for", "if", "when", "while", "after", "before",
        "his", "her", "its", "their", "our", "as", "so", "yet", "however", "meanwhile", "officials",
        "police"
    }
)


class Tokenizer:
    """Sentence and word tokenizer with sumy's interface that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split one paragraph into sentences, each a stripped slice of the input."""
        return tuple(_split_paragraph(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words and numbers, contractions kept whole ("don't"), punctuation dropped."""
        return tuple(_WORD.findall(sentence))


def split_sentences(text: str) -> list[str]:
    """Split text into sentences in order; blank lines separate paragraphs and always end one,
    and so does a loose line (see `separate_loose_lines`)."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        for block in _blocks(paragraph):
            sentences.extend(_split_paragraph(block))
    return sentences


def separate_loose_lines(text: str) -> str:
    """`text` with a blank line after each loose line: one that ends without punctuation, is
    clearly shorter than its paragraph's longest line and is followed by a capitalised line.
    Those are captions and subheads; the line ends of hard-wrapped prose are left alone."""
    return "\n\n".join(block for p in _PARAGRAPH.split(text) for block in _blocks(p))


def _blocks(paragraph: str) -> list[str]:
    lines = paragraph.split("\n")
    width = max(len(line.strip()) for line in lines)
    blocks, start = [], 0
    for i, line in enumerate(lines[:-1]):
        stripped = line.strip()
        loose = len(stripped) < 0.8 * width and not _FINAL_PUNCTUATION.search(stripped)
        if loose and _OPENS_SENTENCE.match(lines[i + 1].lstrip()):
            blocks.append("\n".join(lines[start : i + 1]))
            start = i + 1
    blocks.append("\n".join(lines[start:]))
    return blocks


def _split_paragraph(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if _is_abbreviation(paragraph[start : match.start() + 1], paragraph[match.end() :]):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def _is_abbreviation(before: str, after: str) -> bool:
    """Whether the dot that ends `before` belongs to an abbreviation rather than a sentence."""
    if not before.endswith("."):
        return False
    # rsplit, not a regex anchored at the end: that one was tried at every position of a
    # long paragraph, a quarter of sentence splitting's time.
    last = before.rsplit(None, 1)
    token = last[-1].lstrip("\"'\u201c\u2018([") if last else ""
    word = token[:-1].lower()
    next_word = (_WORD.findall(after[:40]) or [""])[0]
    if word in _TITLES or word in _MID_SENTENCE:
        return True
    if word in _BEFORE_NUMBERS:
        return next_word[:1].isdigit()
    if re.fullmatch(r"[A-Za-z]", word):  # an initial: "George W. Bush", "J. K. Rowling"
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # "U.S.", "U.K.", "a.m."
        return next_word.lower() not in _OPENERS
    return False
