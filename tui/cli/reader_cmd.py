"""Opening the reader from the command line."""

from __future__ import annotations


def open_reader(library: str | None) -> None:
    """Run the Textual reader on the chosen library."""
    # Imported here: textual takes a moment to import, and the other commands never need it.
    from tui.app import NewsdeskApp

    NewsdeskApp(library_path=library).run()
