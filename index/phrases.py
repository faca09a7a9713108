"""Phrases without positions in the index: found by their words, confirmed in the text.

The title and body fields keep no word positions (they were most of the postings' size
and of the time to read them). A phrase query is searched as all of its words, which
finds every article that holds the phrase and some that hold the words apart; each
candidate is then checked against its own text, analysed as the index analyses it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from whoosh import query

from index.analysis import NEWS_ANALYZER

# The fields whose text the checks read (the article's title and searchable body).
TEXT_FIELDS = ("title", "body")

Positions = dict[str, list[int]]


def has_phrases(q: query.Query) -> bool:
    """Whether the query holds a phrase on a text field."""
    return any(_is_text_phrase(leaf) for leaf in _leaves(q))


def relax(q: query.Query, negated: bool = False) -> query.Query:
    """A query that finds at least what ``q`` finds, with no phrase on a text field.

    A phrase becomes all of its words; under NOT it becomes nothing (excluding the
    articles with its words would exclude too much): the check puts both right.
    """
    if _is_text_phrase(q):
        if negated:
            return query.NullQuery
        terms = [query.Term(q.fieldname, w, boost=q.boost) for w in q.words]
        return query.And(terms) if len(terms) > 1 else terms[0]
    if isinstance(q, query.AndNot):
        return query.AndNot(relax(q.a, negated), relax(q.b, not negated))
    if isinstance(q, query.Not):
        return query.Not(relax(q.query, not negated))
    if isinstance(q, query.compound.CompoundQuery):
        relaxed = q.__class__.__new__(q.__class__)
        relaxed.__dict__.update(q.__dict__)
        relaxed.subqueries = [relax(s, negated) for s in q.subqueries]
        return relaxed
    return q


@dataclass(slots=True)
class Checker:
    """Decides whether one article matches a query exactly, phrases included.

    ``others(leaf)`` gives the documents a non-text part (a tag, a date range) matches,
    as the index has them; ``docnum`` is the candidate's number in that same index.
    """

    q: query.Query
    others: Callable[[query.Query], frozenset[int]]
    _known: dict[int, frozenset[int]] = field(default_factory=dict)

    def matches(self, texts: Mapping[str, str], docnum: int) -> bool:
        """Whether the article with these field texts matches the whole query."""
        analysed = {name: positions(texts.get(name, "")) for name in TEXT_FIELDS}
        return self._eval(self.q, analysed, docnum)

    def _eval(self, q: query.Query, analysed: dict[str, Positions], docnum: int) -> bool:
        if isinstance(q, query.AndNot):
            return self._eval(q.a, analysed, docnum) and not self._eval(q.b, analysed, docnum)
        if isinstance(q, query.Not):
            return not self._eval(q.query, analysed, docnum)
        if isinstance(q, query.And):
            return all(self._eval(s, analysed, docnum) for s in q.subqueries)
        if isinstance(q, query.Or):
            return any(self._eval(s, analysed, docnum) for s in q.subqueries)
        if isinstance(q, query.Every):
            return True
        if q is query.NullQuery or isinstance(q, query.qcore._NullQuery):
            return False
        if _is_text_phrase(q):
            return phrase_in(analysed[q.fieldname], q.words, q.slop)
        if isinstance(q, query.Term) and q.fieldname in TEXT_FIELDS:
            return q.text in analysed[q.fieldname]
        return docnum in self._docs(q)

    def _docs(self, q: query.Query) -> frozenset[int]:
        key = id(q)
        if key not in self._known:
            self._known[key] = self.others(q)
        return self._known[key]


def positions(text: str) -> Positions:
    """Each indexed term of a text and the word positions it has there."""
    found: Positions = {}
    for token in NEWS_ANALYZER(text, positions=True):
        found.setdefault(token.text, []).append(token.pos)
    return found


def phrase_in(found: Positions, words: list[str], slop: int = 1) -> bool:
    """Whether the words occur in order, each at most ``slop`` positions after the last."""
    if not words or any(w not in found for w in words):
        return False
    for start in found[words[0]]:
        last = start
        for word in words[1:]:
            last = next((p for p in found[word] if last < p <= last + slop), -1)
            if last < 0:
                break
        else:
            return True
    return False


def _is_text_phrase(q: query.Query) -> bool:
    return isinstance(q, query.Phrase) and q.fieldname in TEXT_FIELDS


def _leaves(q: query.Query) -> list[query.Query]:
    return [q] if q.is_leaf() else [leaf for s in q.children() for leaf in _leaves(s)]
