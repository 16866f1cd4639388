"""Entries and frontiers as they travel: the same bytes the author signed, never re-encoded.

An entry crosses the wire as {"raw": <its canonical JSON as a string>, "sig": <hex>}; the receiver
parses `raw` with full validation, so a relay cannot alter a byte without breaking the signature.
"""

from __future__ import annotations

from typing import Any

from app.core import entry as entry_mod
from app.core.entry import Entry, EntryError, is_hex64
from app.net.frames import ProtocolError

MAX_ENTRIES_PER_FRAME = 1000
MAX_FRONTIER_AUTHORS = 100_000


def entry_to_wire(entry: Entry) -> dict[str, str]:
    return raw_to_wire(entry.raw, entry.sig)


def raw_to_wire(raw: bytes, sig: bytes) -> dict[str, str]:
    return {"raw": raw.decode("utf-8"), "sig": sig.hex()}


def entry_from_wire(item: Any, check_signature: bool = True) -> Entry:
    """Parse and (unless checked elsewhere) signature-check one wire entry; EntryError says what is wrong."""
    if not isinstance(item, dict) or not isinstance(item.get("raw"), str) or not isinstance(item.get("sig"), str):
        raise EntryError("malformed", 'expected an object {"raw": string, "sig": hex string}')
    try:
        sig = bytes.fromhex(item["sig"])
    except ValueError as exc:
        raise EntryError("bad_signature", "sig is not hex") from exc
    return entry_mod.parse(item["raw"].encode("utf-8"), sig, check_signature=check_signature)


def signed_pairs(items: list[Any]) -> list[tuple[bytes, bytes]] | None:
    """(raw bytes, signature) of well-formed wire entries, or None if any item is malformed."""
    pairs = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("raw"), str) or not isinstance(item.get("sig"), str):
            return None
        try:
            pairs.append((item["raw"].encode("utf-8"), bytes.fromhex(item["sig"])))
        except ValueError:
            return None
    return pairs


def entries_field(message: dict[str, Any]) -> list[Any]:
    items = message.get("entries")
    if not isinstance(items, list):
        raise ProtocolError("malformed_frame", '"entries" must be a list')
    if len(items) > MAX_ENTRIES_PER_FRAME:
        raise ProtocolError("too_many_entries", f"{len(items)} entries in one frame; the limit is "
                                                f"{MAX_ENTRIES_PER_FRAME}")
    return items


def frontier_field(message: dict[str, Any], name: str = "heads") -> dict[str, int]:
    """A frontier maps author key (hex) to the highest seq held; anything else is a protocol error."""
    heads = message.get(name)
    if not isinstance(heads, dict) or len(heads) > MAX_FRONTIER_AUTHORS:
        raise ProtocolError("malformed_frame", f'"{name}" must be an object of author -> seq')
    for author, seq in heads.items():
        if not is_hex64(author) or type(seq) is not int or seq < 0:
            raise ProtocolError("malformed_frame", f'"{name}" holds a bad author or seq')
    return heads


def hashes_field(message: dict[str, Any]) -> dict[str, str]:
    """Optional head hashes beside a frontier (author -> hash of the entry at the announced seq)."""
    hashes = message.get("hashes", {})
    if not isinstance(hashes, dict) or len(hashes) > MAX_FRONTIER_AUTHORS:
        raise ProtocolError("malformed_frame", '"hashes" must be an object of author -> entry hash')
    for author, value in hashes.items():
        if not is_hex64(author) or not is_hex64(value):
            raise ProtocolError("malformed_frame", '"hashes" holds a bad author or hash')
    return hashes


def behind(mine: dict[str, int], theirs: dict[str, int]) -> int:
    """How many entries `theirs` holds that `mine` lacks, counted by per-author sequence numbers."""
    return sum(max(0, seq - mine.get(author, 0)) for author, seq in theirs.items())
