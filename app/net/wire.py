"""Entries and frontiers as they travel: the same bytes the author signed, never re-encoded.

An entry crosses the wire as {"raw": <its canonical JSON as a string>, "sig": <hex>}; the receiver
parses `raw` with full validation, so a relay cannot alter a byte without breaking the signature.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from app.core import entry as entry_mod
from app.core.entry import MAX_ENTRY_BYTES, Entry, EntryError, is_hex64
from app.net.frames import MAX_FRAME_BYTES, ProtocolError, encode_json, frame_payload

MAX_ENTRIES_PER_FRAME = 1000
MAX_FRONTIER_AUTHORS = 100_000
# The reference sender packs entry frames up to this many payload bytes (the hard limit is 8 MiB): a frame
# crosses a 1 Mbit/s link in about 8 s, well inside a receiver's 30 s stall limit, and still holds the
# largest entry the format allows several times over.
FRAME_BUDGET_BYTES = 1024 * 1024
# The wire form of the largest valid entry: re-escaping canonical bytes as a JSON string at most doubles
# them (only `"` and `\` gain a backslash; canonical JSON holds no raw control characters), plus the
# signature in hex and the punctuation of {"raw":"…","sig":"…"}.
MAX_WIRE_ENTRY_BYTES = 2 * MAX_ENTRY_BYTES + 128 + len('{"raw":"","sig":""}')


def entry_to_wire(entry: Entry) -> dict[str, str]:
    return raw_to_wire(entry.raw, entry.sig)


def raw_to_wire(raw: bytes, sig: bytes) -> dict[str, str]:
    return {"raw": raw.decode("utf-8"), "sig": sig.hex()}


def wire_item_bytes(raw: bytes, sig: bytes) -> bytes:
    """One wire entry encoded exactly as it sits inside a frame: what a sender measures before packing."""
    return encode_json(raw_to_wire(raw, sig))


def entry_frames(kind: str, pairs: Iterable[tuple[bytes, bytes]], budget: int = FRAME_BUDGET_BYTES,
                 max_entries: int = MAX_ENTRIES_PER_FRAME) -> Iterator[tuple[int, bytes]]:
    """Pack (raw, sig) pairs, in order, into `{"t": kind, "entries": [...]}` frames; yield (count, frame bytes).

    A frame takes entries while its payload stays within `budget` bytes (never above MAX_FRAME_BYTES) and
    `max_entries`; an entry that alone exceeds the budget travels alone, so nothing is ever dropped and
    the largest entry the format allows always fits. Why by bytes: a count alone lets members who write
    large entries push one frame past the limit, and every receiver would then cut the sender off.
    """
    budget = max(1, min(budget, MAX_FRAME_BYTES))
    head = b'{"t":' + encode_json(kind) + b',"entries":['
    tail = b"]}"
    items: list[bytes] = []
    size = len(head) + len(tail)
    for raw, sig in pairs:
        item = wire_item_bytes(raw, sig)
        if items and (size + 1 + len(item) > budget or len(items) >= max_entries):
            yield len(items), frame_payload(head + b",".join(items) + tail)
            items, size = [], len(head) + len(tail)
        size += len(item) + (1 if items else 0)
        items.append(item)
    if items:
        yield len(items), frame_payload(head + b",".join(items) + tail)


def entry_from_wire(item: Any, check_signature: bool = True) -> Entry:
    """Parse and (unless checked elsewhere) signature-check one wire entry; EntryError says what is wrong."""
    if not isinstance(item, dict) or not isinstance(item.get("raw"), str) or not isinstance(item.get("sig"), str):
        raise EntryError("malformed", 'expected an object {"raw": string, "sig": hex string}')
    try:
        sig = bytes.fromhex(item["sig"])
    except ValueError as exc:
        raise EntryError("bad_signature", "sig is not hex") from exc
    try:
        raw = item["raw"].encode("utf-8")
    except UnicodeEncodeError as exc:   # a JSON escape such as "\ud800" left a lone surrogate
        raise EntryError("bad_string", "raw holds a lone surrogate and is not valid UTF-8") from exc
    return entry_mod.parse(raw, sig, check_signature=check_signature)


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
