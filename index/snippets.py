"""Search-result snippets: the passage of a body where the query's words cluster."""

from __future__ import annotations

import re
from functools import lru_cache

from index.analysis import NEWS_ANALYZER, WORD
from index.names import NAME_KEY, PARTICLE_KEY, skeleton

WINDOW = 32  # words in a snippet: about two lines of a terminal
_CHARS_PER_WORD = 6.5  # news prose, spaces included: the window in characters
_LEAD = 4  # words shown before the first match

Hit = tuple[int, int, str]  # start, end, the term matched
_WORD_AT = re.compile(r"\w+(?:\.\w+)*")


def make_snippet(body: str, terms: frozenset[str], *, window: int = WINDOW) -> str:
    """The densest passage of ``body`` for these analysed terms, matches in **bold**.

    Only words that begin as a term does are looked at (a stem keeps the first letters of
    its words), found with str.find in the lower-cased body; the rest is never split.
    """
    hits = _word_hits(body, terms)
    if special := {t for t in terms if t[:1] in (NAME_KEY, PARTICLE_KEY) or t.isupper()}:
        hits = sorted(set(hits) | set(_special_hits(body, special)))
    span = int(window * _CHARS_PER_WORD)
    start = _best_start(hits, span)
    start = _lead_in(body, start) if hits else 0
    end = _word_end(body, start + span)
    out: list[str] = []
    pos = start
    for hit_start, hit_end, _ in hits:
        if hit_start < start or hit_end > end:
            continue
        out += [body[pos:hit_start], "**", body[hit_start:hit_end], "**"]
        pos = hit_end
    out.append(body[pos:end])
    text = " ".join("".join(out).split())
    prefix = "…" if start > 0 else ""
    suffix = "…" if body[end:].strip() else ""
    return f"{prefix}{text}{suffix}"


def _word_hits(body: str, terms: frozenset[str]) -> list[Hit]:
    stems = tuple(sorted(t for t in terms if t[:1].isalnum() and not t.isupper()))
    if not stems:
        return []
    lower = body.lower()
    if len(lower) != len(body):  # a letter whose lower case is longer: offsets would shift
        return _regex_hits(body, stems, terms)
    stem = NEWS_ANALYZER.stem
    found: dict[int, Hit] = {}
    for prefix in stems:
        # str.find runs in C; only places where a stem starts a word are looked at
        at = lower.find(prefix)
        while at >= 0:
            if at in found or (at and (lower[at - 1].isalnum() or lower[at - 1] == "_")):
                at = lower.find(prefix, at + 1)
                continue
            match = _WORD_AT.match(body, at)
            end = match.end() if match else at + len(prefix)
            term = stem(body[at:end].lower())
            if term in terms:
                found[at] = (at, end, term)
            at = lower.find(prefix, end)
    return [found[k] for k in sorted(found)]


def _regex_hits(body: str, stems: tuple[str, ...], terms: frozenset[str]) -> list[Hit]:
    stem = NEWS_ANALYZER.stem
    hits = []
    for match in _prefixes(stems).finditer(body):
        term = stem(match.group().lower())
        if term in terms:
            hits.append((match.start(), match.end(), term))
    return hits


@lru_cache(maxsize=256)
def _prefixes(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Words that start with one of the stems (their only possible matches)."""
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*(?:\.\w+)*", re.IGNORECASE)


def _special_hits(body: str, special: set[str]) -> list[Hit]:
    """Acronyms (IS) and names known by their keys (^hl, ~dr_zr)."""
    skeletons = {part for t in special if t[:1] in (NAME_KEY, PARTICLE_KEY)
                 for part in t[1:].split("_")}
    found: list[Hit] = []
    for match in WORD.finditer(body):
        raw = match.group()
        if not raw[:1].isupper():
            continue
        if raw.isupper() and (acronym := raw.replace(".", "")) in special:
            found.append((match.start(), match.end(), acronym))
        elif skeletons and (key := skeleton(raw)) in skeletons:
            found.append((match.start(), match.end(), key))
    return found


def _best_start(hits: list[Hit], span: int) -> int:
    """Where the stretch of ``span`` characters with the most distinct matches begins."""
    if not hits:
        return 0
    best, best_score = hits[0][0], -1
    last = 0  # first hit past the window's end
    for k, (first, _, _) in enumerate(hits):
        last = max(last, k)
        while last < len(hits) and hits[last][1] <= first + span:
            last += 1
        score = len({h[2] for h in hits[k:last]}) * 100 + (last - k)
        if score > best_score:
            best, best_score = first, score
    return best


def _lead_in(body: str, start: int) -> int:
    """A few words before the first match, starting at a word (or the body's start)."""
    reach = 12 * _LEAD
    if start <= reach:
        return 0
    before = list(WORD.finditer(body, start - reach, start))
    return before[-_LEAD].start() if len(before) >= _LEAD else start


def _word_end(body: str, end: int) -> int:
    """The end of the word at ``end`` (the body's end when it is near)."""
    if end >= len(body):
        return len(body)
    match = WORD.match(body, end) if body[end - 1 : end].isalnum() else None
    return match.end() if match else end
