"""The `+tag -tag` syntax of `newsdesk tag` and the reader's tag dialog: one parser, one meaning.

A word with + or no sign adds that tag; a word with - removes it. Tags not named stay as
they are, so `newsdesk tag ID urgent` never drops the article's other tags.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SYNTAX = "+TAG or a bare TAG adds a tag, -TAG removes one; other tags stay"


@dataclass(frozen=True, slots=True)
class TagChange:
    """Tags to add and remove (as typed: `Library.tag` normalizes them)."""

    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.add or self.remove)


def parse_changes(words: Iterable[str]) -> TagChange:
    """The change the words ask for; each word is one tag, so "+Iraq Syria" adds iraq-syria."""
    add: list[str] = []
    remove: list[str] = []
    for word in words:
        word = word.strip()
        if word.startswith("-"):
            remove.append(word[1:])
        else:
            add.append(word.removeprefix("+"))
    return TagChange(tuple(w for w in add if w.strip()), tuple(w for w in remove if w.strip()))


def parse_typed(typed: str) -> TagChange:
    """The change a line typed in the reader asks for: words separated by spaces or commas."""
    return parse_changes(typed.replace(",", " ").split())
