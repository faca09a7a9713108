"""Aliases: names the articles define ("Islamic State (IS)") and ones the user adds.

Learned pairs are counted per library (one count per defining article); an acronym means
only its most often defined name, so one odd article does not rewrite it. The user's own
aliases always count, and removing a learned pair keeps it removed when it is seen again.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from index.models import Article

LEARNED, USER = "learned", "user"
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "in", "on", "&"})
_NAME_WORD = re.compile("[\\w'\u2019&.-]+")
MAX_NAME_WORDS = 8



@dataclass(frozen=True, slots=True)
class Alias:
    """One alias pair: a name and what else it is called."""

    name: str
    synonym: str
    source: str  # LEARNED or USER
    articles: int  # how many articles defined it (learned pairs)


def definitions(text: str) -> set[tuple[str, str]]:
    """(name, acronym) pairs a text defines, as in "Syrian Democratic Forces (SDF)"."""
    found: set[tuple[str, str]] = set()
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        words = _NAME_WORD.findall(text[max(0, match.start() - 120) : match.start()])
        name = _name_for(acronym, words[-MAX_NAME_WORDS:])
        if name:
            found.add((name, acronym))
    return found


def _name_for(acronym: str, words: list[str]) -> str:
    """The shortest capitalized stretch ending the words whose initials spell the acronym."""
    fallback = ""
    for k in range(1, len(words) + 1):
        part = words[-k:]
        if not part[0][:1].isupper():
            if part[0].lower() in _CONNECTORS:
                continue
            break
        if any(not (w[:1].isupper() or w.lower() in _CONNECTORS) for w in part):
            break
        initials = "".join(w[0] for w in part if w.lower() not in _CONNECTORS).upper()
        if initials == acronym.upper():
            return " ".join(part)
        if not fallback and _spells(acronym.lower(), " ".join(part).lower()):
            fallback = " ".join(part)  # CENTCOM in Central Command
    return fallback


def _spells(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear in order in the name, from its first letter."""
    if not name.startswith(acronym[0]) or len(acronym) < 4:
        return False
    rest = iter(name)
    return all(ch in rest for ch in acronym)


class AliasBook:
    """The aliases table of a library database."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db  # its table: index.migrations.m003_aliases
        self._groups: tuple[object, list[set[str]]] = ((), [])

    def learn(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Count one more defining article for each pair (call inside a transaction)."""
        self.db.executemany(
            "INSERT INTO aliases (name, synonym, source, articles) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (name, synonym) DO UPDATE SET articles = articles + 1",
            [(name, synonym, LEARNED) for name, synonym in pairs],
        )

    def unlearn(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Count one defining article less for each pair (a deleted or corrected article);
        a learned pair no article defines any more is forgotten, unless the user removed
        it (that mark must outlive it)."""
        wanted = [(name, synonym) for name, synonym in pairs]
        self.db.executemany(
            "UPDATE aliases SET articles = articles - 1 "
            "WHERE name = ? AND synonym = ? AND source = 'learned' AND articles > 0", wanted)
        self.db.executemany(
            "DELETE FROM aliases WHERE name = ? AND synonym = ? AND source = 'learned' "
            "AND articles <= 0 AND removed = 0", wanted)

    def add(self, name: str, synonyms: Iterable[str]) -> None:
        """The user's aliases: each synonym means the name (and the name each synonym)."""
        self.db.executemany(
            "INSERT INTO aliases (name, synonym, source) VALUES (?, ?, ?) "
            "ON CONFLICT (name, synonym) DO UPDATE SET source = excluded.source, removed = 0",
            [(name, synonym, USER) for synonym in synonyms],
        )

    def remove(self, name: str, synonyms: Iterable[str] = ()) -> int:
        """Remove these synonyms of a name (all of them when none are given); returns how many."""
        wanted = list(synonyms)
        rows = self._pairs_of(name)
        gone = [(n, s) for n, s in rows if not wanted or s in wanted or n in wanted]
        self.db.executemany("UPDATE aliases SET removed = 1 WHERE name = ? AND synonym = ?",
                            gone)
        return len(gone)

    def _pairs_of(self, term: str) -> list[tuple[str, str]]:
        return [(n, s) for n, s in self.db.execute(
            "SELECT name, synonym FROM aliases WHERE removed = 0 AND (name = ? OR synonym = ?)",
            (term, term))]

    def all(self) -> list[Alias]:
        """Every alias in use: the user's, and each acronym's leading learned name."""
        rows = self.db.execute(
            "SELECT name, synonym, source, articles, removed FROM aliases "
            "ORDER BY synonym, source = 'user' DESC, articles DESC, name")
        return list(_in_use((Alias(*row[:4]), bool(row[4])) for row in rows))

    def groups(self) -> list[set[str]]:
        """Sets of terms that mean the same thing (connected through aliases in use).

        Every search asks; they are worked out again only when the table has changed
        (in this process or another one).
        """
        stamp = self.db.execute("SELECT count(*), total(articles), total(removed), "
                                "total(source = 'user') FROM aliases").fetchone()
        if stamp != self._groups[0]:
            self._groups = (stamp, self._connected())
        return self._groups[1]

    def _connected(self) -> list[set[str]]:
        parent: dict[str, str] = {}

        def root(term: str) -> str:
            while parent.setdefault(term, term) != term:
                term = parent[term]
            return term

        for alias in self.all():
            parent[root(alias.synonym)] = root(alias.name)
        members: dict[str, set[str]] = {}
        for term in parent:
            members.setdefault(root(term), set()).add(term)
        return list(members.values())


def _in_use(rows: Iterator[tuple[Alias, bool]]) -> Iterator[Alias]:
    """User aliases, and for each learned acronym only its most often defined name(s).

    A removed name still counts when finding the leader: removing IS = Islamic State does
    not hand IS to the next name some other article defined.
    """
    best: dict[str, int] = {}
    for alias, removed in rows:  # ordered by synonym, user first, then most articles
        if alias.source == USER:
            if not removed:
                yield alias
            continue
        top = best.setdefault(alias.synonym, alias.articles)
        if alias.articles >= top and not removed:
            yield alias


Expansion = tuple[str, tuple[str, ...]]  # a query term and the aliases it was ORed with


def expand_query(text: str, groups: list[set[str]]) -> tuple[str, tuple[Expansion, ...]]:
    """The query with each unquoted alias term ORed with its synonyms, and what was added.

    Acronyms match as written in capitals, names in any case; a quoted term, a field's
    value and a term inside a longer word are left alone.
    """
    group_of = {term: group for group in groups for term in group if len(group) > 1}
    if not group_of:
        return text, ()
    pattern = _term_pattern(group_of)
    masked = _mask(text)
    pieces: list[str] = []
    said: list[Expansion] = []
    last = 0
    for match in pattern.finditer(masked):
        term = _member(match.group(), group_of)
        if term is None:
            continue
        others = sorted(group_of[term] - {term}, key=str.lower)
        pieces += [text[last : match.start()], _any_of(term, others)]
        said.append((term, tuple(others)))
        last = match.end()
    return "".join(pieces) + text[last:], tuple(dict.fromkeys(said))


def _term_pattern(group_of: dict[str, set[str]]) -> re.Pattern[str]:
    return _pattern_of(tuple(sorted(group_of, key=lambda t: (-len(t), t))))


@lru_cache(maxsize=8)
def _pattern_of(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The regular expression for these alias terms (compiled once per set of aliases)."""
    alternatives = "|".join(re.escape(t) for t in terms)
    # not inside a word (al-IS, U.S.), a field's value (title:IS) or a phrase
    return re.compile(rf"(?<![\w:.\"])(?<!\w-)(?:{alternatives})(?![\w\-\"])", re.IGNORECASE)


def _member(found: str, group_of: dict[str, set[str]]) -> str | None:
    if found in group_of:
        return found
    for term in group_of:  # a name in another case; an acronym only in capitals
        if term.lower() == found.lower() and not term.isupper():
            return term
    return None


def _any_of(term: str, others: list[str]) -> str:
    quoted = [f'"{t}"' if " " in t else t for t in [term, *others]]
    return f"({' OR '.join(quoted)})"


def _mask(text: str) -> str:
    # phrases are never expanded: blank them out (positions stay) before looking for terms
    return re.sub(r'"[^"]*"', lambda m: "\0" * len(m.group()), text)


def defined_by(article: Article) -> set[tuple[str, str]]:
    """The (name, acronym) pairs an article defines, as ingest counts them."""
    return definitions(f"{article.title}\n{article.body}")
