"""How names are written in the news: acronyms, Arabic-name particles, transliteration keys.

- An acronym in capitals (IS, US, WHO) is its own term, apart from the common word.
- A particle (al-, el-, ad-, ez-, "Al " before a name) never matches on its own; the name
  after it also gets a key that ignores vowels, so al-Hol, Al Hol and al-Hawl meet.
- A run of capitalized words holding such a name gets a key for the whole name, so
  Deir ez-Zor, Deir el-Zour and Dayr az-Zawr meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# Joined to the name by a hyphen: al-Hol, ez-Zor, ad-Dawr, ash-Sham, as-Sukhnah.
PARTICLES = frozenset({
    "al", "el", "il", "ul", "ad", "ed", "ez", "az", "as", "es", "ash", "esh", "at", "et",
    "an", "en", "ar", "er", "ur", "ud", "adh", "ath",
})
# Written apart before a capitalized name: Al Hol, El Arish. These never stand alone.
SPACED_PARTICLES = frozenset({"al", "el"})
ACRONYM_MAX = 6
# a query acronym this short, or a function word in capitals, means the acronym alone
SHORT_ACRONYM = 3
NAME_KEY = "~"      # prefix of a multi-word name's key: ~dr_zr
PARTICLE_KEY = "^"  # prefix of the key of a name after a particle: ^hl
MAX_KEY_WORDS = 4
_VOWELS = frozenset("aeiouyw")
_SOUNDS = str.maketrans({"q": "k", "c": "k", "j": "g", "ß": "s"})


@dataclass(slots=True)
class Word:
    """One word of a text as the analyzer sees it."""

    raw: str
    lower: str
    start: int
    end: int
    join: int  # where the word, with its particle, begins
    after_particle: bool = False

    @property
    def acronym(self) -> str:
        """The acronym this word is (IS, US, UN), or "" when it is none."""
        raw = self.raw
        if len(raw) < 2 or not raw.isupper():
            return ""
        key = raw.replace(".", "")
        return key if len(key) <= ACRONYM_MAX and key.isalpha() else ""

    @property
    def capitalized(self) -> bool:
        """Whether the word starts with a capital letter (a candidate name)."""
        return self.raw[0].isupper()


def is_particle(text: str, lower: str, raw: str, end: int) -> bool:
    """Whether the word ending at ``end`` is a particle introducing a name."""
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == "-" and after[1].isalpha():
        return lower in PARTICLES
    return (lower in SPACED_PARTICLES and raw[0].isupper() and len(after) == 2
            and after[0] == " " and after[1].isupper())


# "Al Hol" in a query: the parser splits words at spaces, so the particle is joined to its
# name as in al-Hol (same length: positions in error messages stay right); not before an
# operator (Al AND ...).
_SPACED_IN_QUERY = re.compile(
    r"(?<![\w\-\"])([AE][lL]) (?=[A-Z])(?!(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b)")


def join_spaced_particles(text: str) -> str:
    """A query with each unquoted spaced particle joined to its name (Al Hol: Al-Hol)."""
    out, quoted = [], False
    for piece in re.split(r'(")', text):
        if piece == '"':
            quoted = not quoted
        elif not quoted:
            piece = _SPACED_IN_QUERY.sub(r"\1-", piece)
        out.append(piece)
    return "".join(out)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-blind key of a name: first letter, then its consonants (Hawl, Hol: hl)."""
    folded = unicodedata.normalize("NFKD", word.lower()).translate(_SOUNDS)
    letters = [c for c in folded if c.isalnum()]
    if not letters:
        return ""
    out = ["a" if letters[0] in "aeiou" else letters[0]]
    for prev, ch in pairwise(letters):
        if ch in _VOWELS or (ch == "h" and prev not in _VOWELS):
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def particle_key(word: Word) -> str:
    """The key of a name that followed a particle."""
    return PARTICLE_KEY + skeleton(word.lower)


def name_runs(text: str, words: list[Word], stoplist: frozenset[str]) -> list[list[int]]:
    """Runs of adjacent capitalized words (word indexes) that hold a particle name."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, word in enumerate(words):
        is_name = word.after_particle or (word.capitalized and word.lower not in stoplist)
        if run and not (is_name and _adjacent(text, words[run[-1]], word)):
            runs.append(run)
            run = []
        if is_name:
            run.append(i)
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2 and any(words[i].after_particle for i in r)]


def _adjacent(text: str, before: Word, word: Word) -> bool:
    return text[before.end : word.join] in ("", " ", "-")


def run_keys(words: list[Word], run: list[int]) -> list[tuple[int, str]]:
    """(word index, key) for each stretch of 2..4 words of a run that holds a particle name."""
    keys = []
    for first in range(len(run)):
        for last in range(first + 1, min(len(run), first + MAX_KEY_WORDS)):
            part = [words[i] for i in run[first : last + 1]]
            if any(w.after_particle for w in part):
                keys.append((run[first], name_key(part)))
    return keys


def name_key(words: list[Word]) -> str:
    """The key of a multi-word name: its words' skeletons (Deir ez-Zor: ~dr_zr)."""
    return NAME_KEY + "_".join(skeleton(w.lower) for w in words)
