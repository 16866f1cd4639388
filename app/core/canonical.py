"""Canonical JSON: the one byte encoding every replica signs and hashes.

A profile of RFC 8785 without numbers other than integers: objects with keys
sorted by code point, no insignificant whitespace, UTF-8, minimal string
escapes. Floats are refused anywhere so that no platform's rounding can make
two replicas disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from app.errors import ReliefLedgerError

MAX_SAFE_INT = 2**53 - 1
MAX_DEPTH = 16
# Parsed JSON holds no floats (refused while parsing) and only string keys, so the full value walk is
# needed only when the bytes could hold an integer beyond 2^53-1 (16+ digits) or nest too deep.
_LONG_NUMBER = re.compile(rb"[0-9]{16}")


class CanonicalError(ReliefLedgerError, ValueError):
    """Raised for a value or byte string that is not canonical ledger JSON."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code)


def _refuse_float(text: str) -> Any:
    raise CanonicalError("float_forbidden", f"number {text} is not an integer; the ledger holds integers only")


def _refuse_constant(text: str) -> Any:
    raise CanonicalError("float_forbidden", f"{text} is not allowed in the ledger")


_DECODER = json.JSONDecoder(parse_float=_refuse_float, parse_constant=_refuse_constant)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def check_value(value: Any, depth: int = 0) -> None:
    """Refuse anything the ledger cannot carry: floats, big integers, non-string keys, deep nesting."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return
    if kind is int:
        if -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            return
        raise CanonicalError("int_range", f"integer {value} is outside ±(2^53-1)")
    if depth >= MAX_DEPTH:
        raise CanonicalError("too_deep", f"value nests deeper than {MAX_DEPTH} levels")
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise CanonicalError("bad_key", f"object key {key!r} is not a string")
            if type(item) is not str:
                check_value(item, depth + 1)
        return
    if kind is list or kind is tuple:
        for item in value:
            if type(item) is not str:
                check_value(item, depth + 1)
        return
    if isinstance(value, float):
        raise CanonicalError("float_forbidden", f"number {value!r} is a float; the ledger holds integers only")
    raise CanonicalError("bad_type", f"{kind.__name__} cannot be stored in the ledger")


def encode(value: Any) -> bytes:
    """The canonical bytes of a value (checked first)."""
    check_value(value)
    try:
        return _ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalError("bad_string", "string holds a lone surrogate and is not valid UTF-8") from exc


def encode_derived(value: Any) -> bytes:
    """Canonical bytes of a value built only from validated entries (projected state), skipping the walk.

    Such values hold nothing the walk could refuse, and the walk dominated snapshot cost.
    """
    return _ENCODER.encode(value).encode("utf-8")


def encode_tables(document: dict[str, Any], chunk: int = 500) -> bytes:
    """`encode_derived` for documents holding large tables ({name: {key: row}}); identical bytes."""
    return "".join(iter_encode_tables(document, chunk)).encode("utf-8")


def iter_encode_tables(document: dict[str, Any], chunk: int = 500) -> Iterator[str]:
    """The canonical text of `document` in pieces of at most `chunk` rows.

    The C encoder holds the GIL for a whole call, so one call over a big state stalls every other
    thread (the GUI) for its duration; pieces let them run, and callers can hash or compress as
    the pieces come.
    """
    yield "{"
    for position, name in enumerate(sorted(document)):
        value = document[name]
        yield ("," if position else "") + _ENCODER.encode(name) + ":"
        if isinstance(value, dict) and len(value) > chunk:
            keys = sorted(value)
            yield "{"
            for start in range(0, len(keys), chunk):
                piece = _ENCODER.encode({k: value[k] for k in keys[start:start + chunk]})[1:-1]
                yield ("," if start else "") + piece
            yield "}"
        elif isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()) \
                and sum(len(v) for v in value.values()) > chunk:
            yield from iter_encode_tables(value, chunk)
        else:
            yield _ENCODER.encode(value)
    yield "}"


def decode(data: bytes) -> Any:
    """Parse bytes that must already be canonical; any deviation is refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CanonicalError("malformed", "bytes are not valid UTF-8") from exc
    try:
        value, end = _DECODER.raw_decode(text)
        if end != len(text):
            raise ValueError("extra data after the JSON value")
    except CanonicalError:
        raise
    except RecursionError as exc:   # a nesting bomb: the parser gave up long before the end of it
        raise CanonicalError("too_deep", f"value nests deeper than {MAX_DEPTH} levels") from exc
    except ValueError as exc:
        raise CanonicalError("malformed", f"not valid JSON: {exc}") from exc
    if _LONG_NUMBER.search(data) or data.count(b"[") + data.count(b"{") > MAX_DEPTH:
        check_value(value)
    try:
        again = _ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalError("bad_string", "string holds a lone surrogate and is not valid UTF-8") from exc
    if again != data:
        raise CanonicalError("non_canonical",
                             "JSON is valid but not in canonical form (key order, spacing, escapes or duplicate keys)")
    return value
