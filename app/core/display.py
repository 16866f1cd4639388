"""Text from the ledger or a peer, made safe to show: one function for the CLI, the logs and the client.

Names, sources, reasons, notes and peer messages are typed by outsiders. Shown raw, a newline forges
a log line, ESC rewrites the terminal and a bidi override (U+202E) reverses what an operator reads.
`printable` turns every character that is invisible or changes layout into a visible escape and
leaves ordinary text in any script alone. The ledger keeps the exact text; only its display changes.
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable", "escapes", "spreadsheet_cell"]

# Unicode general categories escaped wherever they occur: controls (C0, DEL, C1), format characters
# (bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width space, BOM, tags...), line and
# paragraph separators, lone surrogates, and code points unassigned in this Python's Unicode data
# (a future format character looks like one of those).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})

# Zero-width non-joiner and joiner are kept between two non-ASCII characters that are shown as
# themselves: Persian, Indic scripts and emoji sequences need them there. Next to ASCII, at either
# end or beside another escaped character they only hide a difference between two names that look
# alike, so there they are escaped.
_JOINERS = frozenset({"\u200c", "\u200d"})

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(text: str, index: int) -> bool:
    char = text[index]
    if char in _JOINERS:
        return not (index > 0 and _joinable(text[index - 1])
                    and index + 1 < len(text) and _joinable(text[index + 1]))
    if " " <= char < "\x7f":
        return False
    return unicodedata.category(char) in _ESCAPED_CATEGORIES


def _joinable(char: str) -> bool:
    """A neighbour a joiner may stand by: non-ASCII and shown as itself (not a control, not a joiner)."""
    return char >= "\x80" and unicodedata.category(char) not in _ESCAPED_CATEGORIES


def escapes(text: str) -> bool:
    """True when `printable` would change `text` (for tests and for callers that warn)."""
    return any(_needs_escape(text, i) for i in range(len(text)))


def printable(text: object) -> str:
    """`text` with controls, format, bidi and separator characters written as `\\n`, `\\x1b`, `\\u202e`.

    Anything that is not a string is shown through `str` first, so call sites need no type checks.
    Printable text (any script, emoji, spaces) comes back unchanged; the result never holds a
    character of the escaped categories, so it stays on one line and reads left to right as stored.
    """
    text = text if isinstance(text, str) else str(text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(_escape(c) if _needs_escape(text, i) else c for i, c in enumerate(text))


# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula
# (OWASP "CSV injection"): `=HYPERLINK(...)` in a site name would become a live link or worse.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "|")


def spreadsheet_cell(value: object) -> object:
    """A value as a CSV cell a spreadsheet shows as text: numbers stay numbers, a formula-like text gets a `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
