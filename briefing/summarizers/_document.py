"""Shared ground for every summarizer: the parsed document, stemmer, stop words, prose filter."""

from __future__ import annotations

import re
from collections.abc import Sequence

import Stemmer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.parsers.plaintext import PlaintextParser
from sumy.utils import get_stop_words

from briefing.summarizers._quality import is_caption
from briefing.text import Tokenizer, separate_loose_lines

LANGUAGE = "english"
# The stemmer (PyStemmer's Snowball) and sumy's stop words need no NLTK data, unlike sumy's own
# Tokenizer, which we therefore never use.


class CachedStemmer:
    """The Snowball (Porter2) stemmer sumy uses, run by PyStemmer's C code instead of NLTK's
    Python, with a memory: stemming was most of the time of summarizing (17 of 30 s for 131
    stories, then again most of `newsdesk stories` over 1,000 articles)."""

    def __init__(self, language: str) -> None:
        self._stem = Stemmer.Stemmer(language).stemWord
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = str(self._stem(word))
        return found


STEMMER = CachedStemmer(LANGUAGE)
STOP_WORDS = frozenset(get_stop_words(LANGUAGE))
TOKENIZER = Tokenizer()

# "LONDON (Reuters) -", "Kabul, Afghanistan (CNN)", "WASHINGTON --": wire datelines glued to the
# first sentence. Dropping them keeps the sentence a verbatim slice of the body.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]*(?:[ ,]+[A-Z][\w.'\u2019-]*)*\s*)?"
    r"\((?:CNN|Reuters|AP|AFP|UPI)\)\s*(?:--|[-\u2014\u2013])?\s*"
    r"|^[A-Z][A-Z.'\u2019-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019-]*)*\s*(?:--|[\u2014\u2013-])\s+"
)
# Searched in the lowercased sentence, and only when one of its clues is there: on every
# sentence of every article, a case-blind alternation was a fifth of building documents.
_BOILERPLATE = re.compile(
    r"scroll down for|click here|read more:|sign up for|follow us on|share this (?:article|story)"
    r"|^(?:advertisement|published:|updated:|last updated\b|photo:|image:|video:|source:)"
)
_BOILERPLATE_CLUES = ("scroll down", "click here", "read more", "sign up", "follow us",
                      "share this", "advertisement", "published:", "updated", "photo:", "image:",
                      "video:", "source:")
_BYLINE = re.compile(r"^By [A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*\s*(?:[.,|]|and\b|for\b)")
# A dash or bullet opening a sentence (wire copy's "_ ", a list's "- "): not part of it.
_LEADING_DASH = re.compile(r"^(?:_|--?|[\u2013\u2014\u2022*])\s+")
# Title case: small words capitalized inside the line ("Warns: Baby Is In Danger") is how a
# headline or a teaser writes, not a sentence.
_SMALL_WORDS = frozenset(("Is", "In", "Of", "To", "For", "On", "At", "And", "With", "By", "From",
                          "A", "An", "The", "Are", "As", "Into", "Over", "After"))
_FINAL_PUNCTUATION = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
MIN_PROSE_WORDS = 4
# The work bound every summarizer gets, since they all start here: several compare every
# sentence with every other (n x n), and one 5 MB article took 24 GB. A news story says what
# matters early; these keep memory under 300 MB and time under seconds for any article.
MAX_CHARS = 100_000  # of a body, read from its start (about 15,000 words)
MAX_SENTENCES = 300  # prose sentences considered per article
MAX_SENTENCE_CHARS = 2_000  # longer is not a sentence a summary could quote


def summarized_part(body: str) -> str:
    """The start of `body` a summarizer reads: MAX_CHARS at most, cut at a paragraph or space."""
    if len(body) <= MAX_CHARS:
        return body
    head = body[:MAX_CHARS]
    cut = max(head.rfind("\n\n"), head.rfind(" ", MAX_CHARS - MAX_SENTENCE_CHARS))
    return head[:cut] if cut > MAX_CHARS // 2 else head


def build_document(body: str, title: str = "") -> ObjectDocumentModel:
    """Parse `body` with sumy, keeping only prose sentences; `title` becomes a heading.

    Bounded (see MAX_CHARS, MAX_SENTENCES, MAX_SENTENCE_CHARS), so every summarizer built
    on the document is too.
    """
    text = separate_loose_lines(summarized_part(body))
    parsed = PlaintextParser.from_string(text, TOKENIZER).document
    seen: set[str] = set()
    paragraphs = _bounded([_prose_paragraph(p.sentences, seen) for p in parsed.paragraphs])
    if not paragraphs:  # nothing reads as prose: better a raw summary than none at all
        paragraphs = _bounded([Paragraph([_short(s) for s in p.sentences])
                               for p in parsed.paragraphs])
    kept = paragraphs
    if title.strip():
        kept.insert(0, Paragraph([Sentence(title.strip(), TOKENIZER, is_heading=True)]))
    return ObjectDocumentModel(kept)


def _bounded(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The non-empty paragraphs, up to MAX_SENTENCES sentences in all."""
    kept: list[Paragraph] = []
    room = MAX_SENTENCES
    for paragraph in paragraphs:
        if paragraph.sentences and room > 0:
            kept.append(Paragraph(list(paragraph.sentences)[:room]))
            room -= len(paragraph.sentences)
    return kept


def _short(sentence: Sentence) -> Sentence:
    """A raw sentence cut to MAX_SENTENCE_CHARS at a space (it stays a slice of the body)."""
    text = str(sentence)
    if len(text) <= MAX_SENTENCE_CHARS:
        return sentence
    cut = text.rfind(" ", 0, MAX_SENTENCE_CHARS)
    return Sentence(text[: cut if cut > 0 else MAX_SENTENCE_CHARS], TOKENIZER)


def _prose_paragraph(sentences: tuple[Sentence, ...], seen: set[str]) -> Paragraph:
    """The paragraph's prose sentences not already in `seen`: sumy rates sentences by their text,
    so a repeat (pages often repeat a caption or the lead) would be picked twice."""
    kept = []
    for i, sentence in enumerate(sentences):
        text = str(sentence)
        if len(text) > MAX_SENTENCE_CHARS:
            continue
        text = _LEADING_DASH.sub("", strip_dateline(text) if i == 0 else text)
        if text not in seen and is_prose(text):
            seen.add(text)
            kept.append(Sentence(text, TOKENIZER))
    return Paragraph(kept)


def strip_dateline(sentence: str) -> str:
    """The sentence without a leading wire dateline such as "LONDON (Reuters) -"."""
    rest = _DATELINE.sub("", sentence, count=1)
    return rest if len(TOKENIZER.to_words(rest)) >= MIN_PROSE_WORDS else sentence


def is_prose(sentence: str) -> bool:
    """Whether a sentence reads as article text, not a headline, caption, byline or button."""
    words = TOKENIZER.to_words(sentence)
    if len(words) < MIN_PROSE_WORDS or not _FINAL_PUNCTUATION.search(sentence.strip()):
        return False
    lower = sentence.lower()
    if any(clue in lower for clue in _BOILERPLATE_CLUES) and _BOILERPLATE.search(lower):
        return False
    if _BYLINE.match(sentence) or is_caption(sentence):
        return False
    if is_title_case(words):
        return False
    return sum(map(str.isupper, sentence)) <= 0.5 * sum(map(str.isalpha, sentence))


def is_title_case(words: Sequence[str]) -> bool:
    """Whether the words are a headline's: most capitalized, small words among them too."""
    inner = [w for w in words[1:] if w[:1].isalpha()]
    capital = [w for w in inner if w[0].isupper()]
    small = sum(w in _SMALL_WORDS for w in capital)
    return len(inner) >= 4 and small >= 2 and len(capital) >= 0.6 * len(inner)


def verbatim(body: str, sentence: str) -> str:
    """`sentence` as it appears in `body`: sumy's parser joins a paragraph's lines with spaces."""
    if sentence in body:
        return sentence
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    match = re.search(pattern, body)
    return match.group(0) if match else sentence
