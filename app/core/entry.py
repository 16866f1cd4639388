"""Ledger entries: the signed unit every replica stores, orders and folds.

An entry is the canonical JSON of `{net, author, seq, prev, deps, lamport, ts,
type, body}`; its hash is SHA-256 of those bytes and the author's Ed25519
signature covers the hash behind a domain-separation prefix.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from app.core import canonical
from app.core.identity import Identity, verify_signature
from app.core.types import EntryType, OrderKey
from app.errors import ReliefLedgerError

SIGNATURE_DOMAIN = b"relief-ledger/entry/v1\x00"
MAX_ENTRY_BYTES = 64 * 1024
MAX_DEPS = 64
# 9999-12-31T23:59:59.999Z: keeps every time the fold derives from `ts` (deadlines) inside the integer range
MAX_TS = 253_402_300_799_999
# How far an entry's ts may run ahead of the newest ts among its prev and deps: 366 days, the longest a
# proposal can stay open. A replica left idle for a year still records; one entry cannot leap a decade.
MAX_TS_LEAD_MS = 366 * 24 * 3_600_000
GENESIS_TYPE = EntryType.GENESIS
FIELDS = ("author", "body", "deps", "lamport", "net", "prev", "seq", "ts", "type")
_FIELD_SET = frozenset(FIELDS)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


class EntryError(ReliefLedgerError, ValueError):
    """An entry that breaks a rule; `code` is stable, the message is for operators."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code)


def is_hex64(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and _HEX64.match(value) is not None


def sort_key(lamport: int, author: str, seq: int) -> OrderKey:
    """The total order of the ledger: (lamport, author public key hex, seq)."""
    return OrderKey(lamport, author, seq)


@dataclass(frozen=True)
class Entry:
    """A signed entry. `raw` is the canonical content; `hash` identifies the entry."""

    raw: bytes
    sig: bytes
    hash: str
    net: str | None
    author: str
    seq: int
    prev: str | None
    deps: tuple[str, ...]
    lamport: int
    ts: int
    type: str
    body: dict = field(hash=False, compare=False)

    @property
    def key(self) -> OrderKey:
        return OrderKey(self.lamport, self.author, self.seq)

    @property
    def short(self) -> str:
        return self.hash[:12]

    def content(self) -> dict:
        """The unsigned entry as a plain dict (what `raw` encodes)."""
        return {
            "net": self.net, "author": self.author, "seq": self.seq, "prev": self.prev,
            "deps": list(self.deps), "lamport": self.lamport, "ts": self.ts,
            "type": self.type, "body": self.body,
        }

    def to_wire(self) -> dict:
        """Transport form for bundles and peers: the content plus its hex signature."""
        return {"entry": self.content(), "sig": self.sig.hex()}


def entry_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def signing_message(hash_hex: str) -> bytes:
    return SIGNATURE_DOMAIN + bytes.fromhex(hash_hex)


def create(identity: Identity, *, net: str | None, seq: int, prev: str | None, deps: list[str] | tuple[str, ...],
           lamport: int, ts: int, type: str, body: dict) -> Entry:
    """Encode and sign a new entry (structure is checked by parse on the way out)."""
    content = {
        "net": net, "author": identity.public_key_hex, "seq": seq, "prev": prev,
        "deps": sorted(set(deps)), "lamport": lamport, "ts": ts, "type": type, "body": body,
    }
    try:
        raw = canonical.encode(content)
    except canonical.CanonicalError as exc:
        raise EntryError(exc.code, str(exc)) from exc
    digest = entry_hash(raw)
    return parse(raw, identity.sign(signing_message(digest)), check_signature=False)


def parse(raw: bytes, sig: bytes, *, check_signature: bool = True, digest: str | None = None) -> Entry:
    """Turn stored or received bytes into an Entry, checking everything that needs no other entry.

    `digest` may pass SHA-256(raw) in hex when the caller computed it already (bulk verification).
    """
    if len(raw) > MAX_ENTRY_BYTES:
        raise EntryError("too_large", f"entry is {len(raw)} bytes; the limit is {MAX_ENTRY_BYTES}")
    try:
        content = canonical.decode(raw)
    except canonical.CanonicalError as exc:
        raise EntryError(exc.code, str(exc)) from exc
    if type(content) is not dict or content.keys() != _FIELD_SET:
        raise EntryError("bad_fields", f"entry must have exactly the fields {', '.join(FIELDS)}")
    net, author, seq, prev = content["net"], content["author"], content["seq"], content["prev"]
    deps, lamport, ts = content["deps"], content["lamport"], content["ts"]
    type_, body = content["type"], content["body"]
    if not is_hex64(author):
        raise EntryError("bad_fields", "author must be a 32-byte Ed25519 public key in lowercase hex")
    if type(seq) is not int or seq < 1:
        raise EntryError("bad_fields", "seq must be an integer >= 1")
    if type(lamport) is not int or lamport < 1:
        raise EntryError("bad_fields", "lamport must be an integer >= 1")
    if type(ts) is not int or ts < 0 or ts > MAX_TS:
        raise EntryError("bad_fields", f"ts must be integer milliseconds since 1970 UTC, at most {MAX_TS}")
    if not isinstance(type_, str) or not _TYPE.match(type_) or len(type_) > 64:
        raise EntryError("bad_fields", f"type {type_!r} is not a valid entry type name")
    if not isinstance(body, dict):
        raise EntryError("bad_fields", "body must be a JSON object")
    if not isinstance(deps, list) or len(deps) > MAX_DEPS or not all(is_hex64(d) for d in deps):
        raise EntryError("bad_fields", f"deps must be a list of at most {MAX_DEPS} entry hashes")
    if deps != sorted(set(deps)):
        raise EntryError("bad_fields", "deps must be sorted and without repeats")
    if seq == 1:
        if prev is not None:
            raise EntryError("chain_broken", "the first entry of an author (seq 1) must have prev null")
    elif not is_hex64(prev):
        raise EntryError("chain_broken", f"seq {seq} must name the hash of the author's previous entry in prev")
    if type_ == GENESIS_TYPE:
        if net is not None or seq != 1 or deps or lamport != 1:
            raise EntryError("bad_genesis", "a genesis entry has net null, seq 1, no deps and lamport 1")
    else:
        if not is_hex64(net):
            raise EntryError("wrong_network", "entry does not carry a network id")
        if lamport < 2:
            raise EntryError("bad_lamport", "only the genesis has lamport 1")
        if seq == 1 and not deps:
            raise EntryError("bad_fields", "an author's first entry must depend on at least one entry it has seen")
    if len(sig) != 64:
        raise EntryError("bad_signature", "signature must be 64 bytes")
    if digest is None:
        digest = entry_hash(raw)
    if check_signature and not verify_signature(bytes.fromhex(author), sig, signing_message(digest)):
        raise EntryError("bad_signature", "signature does not match the entry and its author's key")
    return Entry(raw=raw, sig=sig, hash=digest, net=net, author=author, seq=seq, prev=prev, deps=tuple(deps),
                 lamport=lamport, ts=ts, type=type_, body=body)


def from_wire(item: Any) -> Entry:
    """Parse the transport form `{"entry": {...}, "sig": hex}`; the content is re-encoded canonically."""
    if not isinstance(item, dict) or set(item) != {"entry", "sig"}:
        raise EntryError("malformed", 'expected an object {"entry": ..., "sig": ...}')
    sig_hex = item["sig"]
    if not isinstance(sig_hex, str) or len(sig_hex) != 128:
        raise EntryError("bad_signature", "sig must be 128 hex characters")
    try:
        sig = bytes.fromhex(sig_hex)
        raw = canonical.encode(item["entry"])
    except ValueError as exc:
        code = getattr(exc, "code", "malformed")
        raise EntryError(code, str(exc)) from exc
    return parse(raw, sig)
