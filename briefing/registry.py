"""The briefing's registries: summary algorithms and output formats, by name.

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
from typing import TYPE_CHECKING, Any, Literal, get_args

from index.errors import NewsdeskError

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.summarizers._summarizer import AbstractSummarizer

    from briefing.outputs import Rendered


def _load(path: str) -> Any:
    """The object a "module:name" path names, imported now."""
    module, name = path.split(":")
    return getattr(import_module(module), name)


# A briefing's sections (`brief --sections`): one per tag, or one per saved search.
Sections = Literal["tags", "searches"]
SECTIONS: tuple[Sections, ...] = get_args(Sections)


@dataclass(frozen=True, slots=True)
class Summarizer:
    """One summary algorithm: a line of help and where its factory lives."""

    help: str
    factory: str  # "module:function", the function taking the document to summarize

    def make(self, document: ObjectDocumentModel) -> AbstractSummarizer:
        """A summarizer configured for this document."""
        made: AbstractSummarizer = _load(self.factory)(document)
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


# -- output formats -----------------------------------------------------------------------------
#
# To add an output format, write its renderer, a function ``(Rendered) -> bytes``, in a module
# of its own (briefing/outputs.py shows three) and add one line to FORMATS: `newsdesk brief`
# gets an option for it, write_briefing an output, the template check its templates.


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One kind of briefing file."""

    suffix: str  # of the file name, and of briefing-YYYY-MM-DD.<suffix>
    options: tuple[str, ...]  # the `brief` command's option(s) naming the file
    help: str
    render: str  # "module:function", the function taking a briefing.outputs.Rendered
    templates: tuple[str, ...]  # files a --template folder must hold for it
    by_default: bool = False  # written when the command names no output file
    stage: str = ""  # a progress stage while it is made, for a slow format

    def write(self, rendered: Rendered) -> bytes:
        """The file's bytes."""
        data: bytes = _load(self.render)(rendered)
        return data


_PAGE = ("briefing.md.j2", "briefing.html.j2", "briefing.css")
FORMATS: dict[str, OutputFormat] = {
    "pdf": OutputFormat("pdf", ("--output", "-o"), "PDF file.", "briefing.outputs:pdf", _PAGE,
                        by_default=True, stage="rendering PDF"),
    "markdown": OutputFormat("md", ("--markdown",), "Markdown file.",
                             "briefing.outputs:markdown", ("briefing.md.j2",), by_default=True),
    "html": OutputFormat("html", ("--html",), "Also an HTML file.", "briefing.outputs:html",
                         _PAGE),
}


def output_format(name: str) -> OutputFormat:
    """The registered output format `name`; NewsdeskError naming the choices otherwise."""
    found = FORMATS.get(name)
    if found is None:
        raise NewsdeskError(f"unknown output format {name!r}",
                            hint=f"choose from: {', '.join(FORMATS)}")
    return found
