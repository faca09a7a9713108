"""Text that is safe to store and to show on a terminal: no control characters get through.

Article text, file names and feed fields are untrusted: an ESC sequence in a title can set
the clipboard, retitle the window or clear the screen when printed, and a bidi override
(U+202E) reverses the rest of a line, a list row or a pasted briefing. Two steps keep them out:

- ``clean`` / ``clean_line`` at ingest (and when reading old libraries) drop every control
  character (C0 but newline and tab, DEL, C1, and so ESC with it, and the bidi embeddings,
  overrides and isolates) and replace lone surrogates, so what is stored and indexed is
  plain text (the bidi marks LRM, RLM and ALM, which carry no state, stay);
- ``visible`` at every output turns anything that still slipped through (names from the
  file system, error messages, a user's own query) into harmless visible symbols.
"""

from __future__ import annotations

import json
import re

# C0 controls but tab (\x09) and newline (\x0a); DEL; C1; the bidi embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069); lone UTF-16 surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_UNSAFE = re.compile(f"{_CONTROL.pattern}|[\u2028\u2029]")
# Breaks and tabs in a one-line field (a title, a name) become spaces.
_IN_A_LINE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
# For JSON: characters that json.dumps(ensure_ascii=False) would leave raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _dropped(match: re.Match[str]) -> str:
    ch = match.group()
    return REPLACEMENT if "\ud800" <= ch <= "\udfff" else ""


def clean(text: str) -> str:
    """Multi-line text to store: line breaks unified to \\n, control characters dropped."""
    if not text or not _UNSAFE.search(text):
        return text  # the common case: one scan, no copy
    return _CONTROL.sub(_dropped, _LINE_BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """One-line text to store (a title, outlet, name, address): breaks become spaces."""
    if not text:
        return text
    return clean(_IN_A_LINE.sub(" ", text)).strip()


def _shown(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if code < 0xD800:
        return f"<{code:02x}>"  # C1 "<9b>", bidi "<202e>"
    return REPLACEMENT  # a lone surrogate


def visible(text: str) -> str:
    """Text for a terminal: every control character but newline and tab shown as a symbol."""
    if not text or not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_shown, text)


def visible_line(text: str) -> str:
    """Like `visible`, for one line of a list or status: newlines and tabs shown too."""
    return visible(text).replace("\n", "\u2424").replace("\t", " ")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(data: object, *, indent: int | None = None) -> str:
    """JSON for stdout: readable UTF-8, but nothing a terminal would act on stays raw.

    json.dumps(ensure_ascii=False) already escapes C0 controls; this escapes DEL, C1, bidi
    controls and lone surrogates too (as \\uXXXX, so a JSON reader still gets the exact text), which
    would otherwise reach the terminal or fail to encode.
    """
    return _JSON_RAW.sub(_escaped, json.dumps(data, ensure_ascii=False, indent=indent))
