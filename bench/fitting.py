"""What the model fits (bench/body_fit.py, bench/headline_fit.py) share: the even/odd halves
they cross-validate on, and writing the fitted model into index/ as a module."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

INDEX = Path(__file__).resolve().parent.parent / "index"


def even_odd(items: Sequence[T]) -> tuple[list[T], list[T]]:
    """The even-numbered and the odd-numbered items: fit on one half, score the other."""
    return list(items[0::2]), list(items[1::2])


def write_module(path: Path, text: str) -> None:
    """Store a fitted model's module (generated: never edited by hand) and say where."""
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
