"""Search-result snippets: the passage of a body where the query's words cluster."""

from __future__ import annotations

from index.analysis import NEWS_ANALYZER, WORD

WINDOW = 32  # words in a snippet: about two lines of a terminal


def make_snippet(body: str, terms: frozenset[str], *, window: int = WINDOW) -> str:
    """The densest passage of ``body`` for these analysed terms, matches in **bold**."""
    words = list(WORD.finditer(body))
    if not words:
        return ""
    stem = NEWS_ANALYZER.stem
    hits = [i for i, m in enumerate(words) if terms and stem(m.group().lower()) in terms]
    start = _best_start(words, hits, terms, window)
    end = min(len(words), start + window)
    hit_set = set(hits)
    out: list[str] = []
    pos = words[start].start()
    for i in range(start, end):
        m = words[i]
        out.append(body[pos : m.start()])
        out.append(f"**{m.group()}**" if i in hit_set else m.group())
        pos = m.end()
    text = " ".join("".join(out).split())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(words) else ""
    return f"{prefix}{text}{suffix}"


def _best_start(words: list, hits: list[int], terms: frozenset[str], window: int) -> int:
    """Where the window with the most distinct matched words begins (a little before it)."""
    if not hits:
        return 0
    stem = NEWS_ANALYZER.stem
    best, best_score = hits[0], -1
    for first in hits:
        inside = {stem(words[i].group().lower()) for i in hits if first <= i < first + window}
        score = len(inside) * 100 + sum(1 for i in hits if first <= i < first + window)
        if score > best_score:
            best, best_score = first, score
    return max(0, best - 4)
