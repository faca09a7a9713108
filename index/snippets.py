"""Search-result snippets: the passage of a body where the query's words cluster."""

from __future__ import annotations

from itertools import islice

from index.analysis import NEWS_ANALYZER, WORD
from index.names import NAME_KEY, PARTICLE_KEY, skeleton

WINDOW = 32  # words in a snippet: about two lines of a terminal


def make_snippet(body: str, terms: frozenset[str], *, window: int = WINDOW) -> str:
    """The densest passage of ``body`` for these analysed terms, matches in **bold**."""
    lowered = WORD.findall(body.lower())
    if not body.isascii() and len(lowered) != len(WORD.findall(body)):
        # lower() changed where words break (rare letters such as "İ"): word by word
        lowered = [w.lower() for w in WORD.findall(body)]
    if not lowered:
        return ""
    # Stem each distinct word once (a body repeats most of its words), and only words that
    # begin as a term does: stemming keeps the first letter.
    stem = NEWS_ANALYZER.stem
    initials = tuple({t[:1] for t in terms if t})
    stems = {
        w: s for w in set(lowered) if w.startswith(initials) and (s := stem(w)) in terms
    } if initials else {}
    found = {i: stems[w] for i, w in enumerate(lowered) if w in stems}
    if special := {t for t in terms if t[:1] in (NAME_KEY, PARTICLE_KEY) or t.isupper()}:
        found.update(_special_hits(body, special))
    hits = sorted(found)
    start = _best_start([found[i] for i in hits], hits, window)
    end = min(len(lowered), start + window)
    hit_set = set(hits)
    out: list[str] = []
    words = list(islice(WORD.finditer(body), start, end))
    pos = words[0].start()
    for i, m in enumerate(words, start):
        out.append(body[pos : m.start()])
        out.append(f"**{m.group()}**" if i in hit_set else m.group())
        pos = m.end()
    text = " ".join("".join(out).split())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(lowered) else ""
    return f"{prefix}{text}{suffix}"


def _special_hits(body: str, special: set[str]) -> dict[int, str]:
    """Word index -> term for acronyms (IS) and names known by their keys (^hl, ~dr_zr)."""
    skeletons = {part for t in special if t[:1] in (NAME_KEY, PARTICLE_KEY)
                 for part in t[1:].split("_")}
    found: dict[int, str] = {}
    for i, match in enumerate(WORD.finditer(body)):
        raw = match.group()
        if raw.isupper() and (acronym := raw.replace(".", "")) in special:
            found[i] = acronym
        elif raw[:1].isupper() and skeletons and (key := skeleton(raw)) in skeletons:
            found[i] = key
    return found


def _best_start(hit_stems: list[str], hits: list[int], window: int) -> int:
    """Where the window with the most distinct matched words begins (a little before it)."""
    if not hits:
        return 0
    best, best_score = hits[0], -1
    last = 0  # first hit not yet past the window's end
    for k, first in enumerate(hits):
        last = max(last, k)
        while last < len(hits) and hits[last] < first + window:
            last += 1
        score = len(set(hit_stems[k:last])) * 100 + (last - k)
        if score > best_score:
            best, best_score = first, score
    return max(0, best - 4)
