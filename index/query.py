"""The query language: a user's text to a Whoosh query, with filters that narrow."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh import fields, qparser, query

from index.aliases import Expansion, expand_query
from index.errors import QueryError
from index.filters import Sort
from index.names import join_spaced_particles
from index.query_text import FILTER_FIELDS, TEXT_FIELDS, DateFilter, check, take_dates

# The OR group's bonus for documents that match more of the query's words.
OR_BONUS = 0.9
SYNTAX_HINT = 'use words, "exact phrases", AND/OR/NOT, field:word'


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed user query and the analysed words to highlight."""

    query: query.Query
    terms: frozenset[str]
    expanded: tuple[Expansion, ...] = ()  # what aliases added: ("IS", ("Islamic State",))


def parse_query(
    text: str, schema: fields.Schema, *, sort: Sort = "relevance",
    aliases: list[set[str]] | None = None,
) -> ParsedQuery:
    """Parse a user query; QueryError with the position and a hint when it is wrong.

    Unquoted terms that have aliases (sets of terms meaning the same) are ORed with them.
    """
    if not text.strip():
        raise QueryError("the query is empty", hint="give some words to search for")
    check(text)
    rest, dates = take_dates(join_spaced_particles(text))
    rest, expanded = expand_query(rest, aliases or [])
    words = _parse_words(rest, schema, sort) if rest.strip() else None
    parsed = _narrow(words, dates).normalize()
    if isinstance(parsed, query.qcore._NullQuery):
        raise QueryError(f"nothing searchable in the query {text.strip()!r}",
                         hint="common words such as 'the' or 'is' are not searched alone; "
                              "write an acronym in capitals (IS, WHO)")
    problem = _find_error(parsed)
    if problem:
        raise QueryError(f"cannot understand the query: {problem}", hint=SYNTAX_HINT)
    terms = frozenset(str(t) for f, t in _all_terms(parsed) if f in TEXT_FIELDS)
    return ParsedQuery(parsed, terms, expanded)


def _parse_words(text: str, schema: fields.Schema, sort: Sort) -> query.Query:
    # unnormalized, so a parenthesized group is still a group when the filters are found
    return _lift_nots(_parser(schema, sort).parse(text, normalize=False))


_PARSERS: dict[tuple[int, str], tuple[fields.Schema, qparser.QueryParser]] = {}


def _parser(schema: fields.Schema, sort: Sort) -> qparser.QueryParser:
    """The parser for a schema and sort, made once (making one costs more than parsing)."""
    key = (id(schema), sort)
    if key not in _PARSERS:
        # Ranked search ORs the words (BM25 already rewards documents matching more of
        # them; the group adds a small bonus on top); a date-sorted list keeps only
        # documents that match every word: no ranking pushes weak ones down.
        group = qparser.OrGroup.factory(OR_BONUS) if sort == "relevance" else qparser.AndGroup
        parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema, group=group)
        # web-search habit: -word, +word; only at the start of a word, so Al-Qaim stays one
        parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=r"(?:^|(?<=[\s(]))\+",
                                                  minusexpr=r"(?:^|(?<=[\s(]))-"))
        _PARSERS[key] = (schema, parser)  # the schema kept alive: its id stays its own
    return _PARSERS[key][1]


def _narrow(words: query.Query | None, dates: list[DateFilter]) -> query.Query:
    """Filters (tag:, outlet:, author:, dates) restrict what the other words find."""
    filters: list[query.Query] = []
    negated: list[query.Query] = []
    for date in dates:
        (negated if date.negated else filters).append(
            query.DateRange(date.field, date.start, date.end))
    if words is not None:
        words, found = _split_filters(words)
        filters = found + filters
    if words is None:
        words = query.And(filters) if len(filters) > 1 else (filters[0] if filters
                                                             else query.Every())
    elif filters:
        words = query.And([words, *filters])
    if negated:
        words = query.AndNot(words, query.Or(negated) if len(negated) > 1 else negated[0])
    return words


def _split_filters(q: query.Query) -> tuple[query.Query | None, list[query.Query]]:
    """The query without its top-level filter parts, and those parts."""
    if isinstance(q, query.AndNot):
        positive, filters = _split_filters(q.a)
        return query.AndNot(positive or query.Every(), q.b), filters
    if _is_filter(q):
        return None, [q]
    if isinstance(q, query.Or | query.And):
        filters = [s for s in q.subqueries if _is_filter(s)]
        if filters:
            rest = [s for s in q.subqueries if not _is_filter(s)]
            if not rest:
                return None, filters
            if len(rest) == 1:
                return rest[0], filters
            narrowed = copy.copy(q)  # keeps the OR group's bonus
            narrowed.subqueries = rest
            return narrowed, filters
    return q, []


def _is_filter(q: query.Query) -> bool:
    fields_used = {f for f, _ in _all_terms(q)}
    return bool(fields_used) and fields_used <= set(FILTER_FIELDS)


def _lift_nots(q: query.Query) -> query.Query:
    """`a b NOT c` means (a OR b) AND NOT c, not a OR b OR (anything without c)."""
    if not q.is_leaf():
        q = q.apply(_lift_nots)
    if isinstance(q, query.Or):
        nots = [s.query for s in q.subqueries if isinstance(s, query.Not)]
        if nots:
            keep = [s for s in q.subqueries if not isinstance(s, query.Not)]
            positive = q.__class__(keep) if len(keep) > 1 else (keep[0] if keep
                                                                 else query.Every())
            negative = query.Or(nots) if len(nots) > 1 else nots[0]
            return query.AndNot(positive, negative)
    return q


def _all_terms(q: query.Query) -> Iterator[tuple[str, object]]:
    try:
        yield from q.iter_all_terms()
    except NotImplementedError:
        return


def _find_error(q: query.Query) -> str:
    """The first part of a parsed query Whoosh could not make sense of, if any."""
    for sub in q.leaves() if q.is_leaf() is False else [q]:
        if type(sub).__name__ == "ErrorQuery":
            return str(sub)
    return ""
