"""Search-result snippets: the passage of a body where the query's words cluster."""

from __future__ import annotations

from itertools import islice

from index.analysis import NEWS_ANALYZER, WORD

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
    hits = [i for i, w in enumerate(lowered) if w in stems]
    start = _best_start([stems[lowered[i]] for i in hits], hits, window)
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
