"""The briefing's registries: summary algorithms by name, with their help and factories.

To add a summarizer, write one module under briefing/summarizers/ with a
``make(document) -> AbstractSummarizer`` function (sumy's AbstractSummarizer: called with
the document and a sentence count, it returns sentences) and add one line to SUMMARIZERS
below. `newsdesk summarize` and `newsdesk brief` take their --algorithm choices and help from
this table. Factories are named as "module:function" and imported when first used, so the
command line starts without loading sumy and numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from index.errors import NewsdeskError

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.summarizers._summarizer import AbstractSummarizer


@dataclass(frozen=True, slots=True)
class Summarizer:
    """One summary algorithm: a line of help and where its factory lives."""

    help: str
    factory: str  # "module:function", the function taking the document to summarize

    def make(self, document: ObjectDocumentModel) -> AbstractSummarizer:
        """A summarizer configured for this document."""
        module, function = self.factory.split(":")
        made: AbstractSummarizer = getattr(import_module(module), function)(document)
        return made


_SUMY = "briefing.summarizers.sumy_algorithms"
SUMMARIZERS: dict[str, Summarizer] = {
    "newsdesk": Summarizer("news-aware: the lead, facts first, no captions",
                           "briefing.summarizers.news:make"),
    "story": Summarizer("the story summarizer, on one article",
                        "briefing.summarizers.story:make"),
    "lead": Summarizer("the first sentences", "briefing.summarizers.lead:make"),
    "lexrank": Summarizer("sumy LexRank", f"{_SUMY}:lexrank"),
    "lsa": Summarizer("sumy LSA", f"{_SUMY}:lsa"),
    "luhn": Summarizer("sumy Luhn", f"{_SUMY}:luhn"),
    "textrank": Summarizer("sumy TextRank", f"{_SUMY}:textrank"),
    "edmundson": Summarizer("sumy Edmundson (title words as cues)", f"{_SUMY}:edmundson"),
    "kl": Summarizer("sumy KL-Sum", f"{_SUMY}:kl"),
    "sumbasic": Summarizer("sumy SumBasic", f"{_SUMY}:sumbasic"),
    "reduction": Summarizer("sumy Reduction", f"{_SUMY}:reduction"),
}
DEFAULT_ALGORITHM = "newsdesk"
ALGORITHMS: tuple[str, ...] = tuple(SUMMARIZERS)


def summarizer(name: str) -> Summarizer:
    """The registered summarizer `name`; NewsdeskError naming the choices otherwise."""
    found = SUMMARIZERS.get(name)
    if found is None:
        raise NewsdeskError(f"unknown summary algorithm {name!r}",
                            hint=f"choose one of: {', '.join(ALGORITHMS)}")
    return found


def algorithm_help() -> str:
    """The --algorithm help of the command line, built from the table."""
    return "Summary algorithm: " + "; ".join(
        f"{name} ({s.help})" for name, s in SUMMARIZERS.items())
