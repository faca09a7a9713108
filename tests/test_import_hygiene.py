"""Imports point one way (tui -> briefing -> index), and the library never pulls in textual."""

from __future__ import annotations

import subprocess
import sys


def modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return set(out.split())


def loaded_after(statement: str) -> set[str]:
    return {name.split(".")[0] for name in modules_after(statement)}


def test_library_imports_neither_briefing_nor_textual() -> None:
    loaded = loaded_after("import index.library, index.search, index.store")
    assert not loaded & {"briefing", "tui", "textual", "weasyprint"}


def test_briefing_never_imports_textual() -> None:
    loaded = loaded_after("import briefing.summarizers")
    assert not loaded & {"tui", "textual"}


def test_cli_start_up_stays_light() -> None:
    # `newsdesk search` must not pay for the reader, the PDF engine or the summarizers.
    loaded = loaded_after("import tui.cli")
    assert not loaded & {"textual", "weasyprint", "sumy", "trafilatura"}


def test_version_and_help_load_no_library() -> None:
    # `newsdesk --version` and `--help` answer at once: no Whoosh, numpy or textual for them.
    heavy = {"whoosh", "numpy", "textual", "weasyprint", "sumy", "httpx"}
    for args in (["--version"], ["--help"], ["search", "--help"], ["fetch", "--help"]):
        statement = ("from tui.cli import main\n"
                     f"try:\n    main({args!r})\nexcept SystemExit:\n    pass")
        assert not loaded_after(statement) & heavy, args


def test_the_reader_draws_its_first_rows_before_loading_the_library() -> None:
    # The first rows come from the store (index/glance.py); Whoosh, numpy and the reader's
    # Markdown load in the background or when an article opens.
    loaded = loaded_after("import tui.app")
    assert not loaded & {"whoosh", "numpy", "markdown_it", "weasyprint", "sumy", "briefing"}
    assert "index.library" not in modules_after("import tui.app")
