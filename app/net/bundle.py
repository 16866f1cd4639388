"""Sneakernet: the same entries as sync, in one sealed file for a USB stick.

Layout: the 8-byte magic `RLBNDL1\\n`, then frames (frames.py): a `bundle` header, `entries` frames,
and an `end` trailer that seals everything before it with SHA-256 and the exporter's signature.
Membership and approval entries (with everything they depend on) come first, so a stick pulled
out half-written still carries revocations. Import validates every entry exactly as sync does;
the seal only tells whether the file is whole and who wrote it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from app.core.display import printable
from app.core.entry import Entry, EntryError, is_hex64
from app.core.finding import Finding
from app.core.identity import Identity, fingerprint_hex, verify_signature
from app.core.membership import MEMBER_TYPES
from app.errors import ReliefLedgerError
from app.net import wire
from app.net.frames import ProtocolError, encode_frame, read_frame_from_file
from app.net.handshake import EXERCISE_VS_LIVE, kind_field, with_article
from app.net.replica import ReceiveOutcome

MAGIC = b"RLBNDL1\n"
BUNDLE_VERSION = 1
SEAL_DOMAIN = b"relief-ledger/bundle/v1\x00"
# Small frames: a stick pulled out mid-write loses at most one frame, of at most BATCH entries (about 10 kB
# for ordinary ones) and at most FRAME_BUDGET payload bytes however large the entries members wrote.
BATCH = 16
FRAME_BUDGET = 256 * 1024
IMPORT_CHUNK = 2000
FIRST_TYPE_PREFIXES = ("proposal.", "approval.", "policy.")

Progress = Callable[[int, int], None]


class BundleError(ReliefLedgerError):
    """The file is not a bundle of this network at all; nothing was imported."""

    code = "bundle_refused"


class BundleSource(Protocol):
    identity: Identity | None

    @property
    def network_id(self) -> str: ...
    @property
    def network(self) -> dict: ...
    def iter_missing(self, frontier: dict[str, int]) -> Iterable[Entry]: ...
    def entries(self, hashes: list[str]) -> list[Entry]: ...


def carried_first(entry_type: str) -> bool:
    return entry_type in MEMBER_TYPES or entry_type.startswith(FIRST_TYPE_PREFIXES)


@dataclass
class ExportReport:
    path: Path
    count: int
    first: int          # how many of them travel in the leading membership-and-approvals part

    def summary(self) -> str:
        return f"wrote {self.count} entries to {self.path} ({self.first} membership and approval entries first)"


def export_bundle(source: BundleSource, path: Path, frontier: dict[str, int] | None = None,
                  progress: Progress | None = None) -> ExportReport:
    """Write every entry a holder of `frontier` lacks (all of them when None); atomically replaces `path`."""
    if source.identity is None:
        raise BundleError("exporting seals the bundle with your key: unlock the replica with its passphrase")
    frontier = frontier or {}
    lean = [(e.hash, e.prev, e.deps, e.type) for e in source.iter_missing(frontier)]
    first = _closure_of_first(lean)
    total = len(lean)
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    digest = hashlib.sha256()
    written = 0
    try:
        with open(partial, "wb") as stream:
            def put(data: bytes) -> None:
                digest.update(data)
                stream.write(data)

            put(MAGIC)
            network = source.network
            put(encode_frame({"t": "bundle", "v": BUNDLE_VERSION, "net": source.network_id,
                              "kind": network.get("kind", "live"), "name": str(network.get("name", ""))[:60],
                              "exporter": source.identity.public_key_hex, "count": total, "for": frontier}))
            ordered_first = sorted(source.entries(sorted(first)), key=lambda e: e.key)
            rest = (e for e in source.iter_missing(frontier) if e.hash not in first)
            pairs = ((e.raw, e.sig) for e in _chain(ordered_first, rest))
            for count, frame in wire.entry_frames("entries", pairs, FRAME_BUDGET, BATCH):
                put(frame)
                written += count
                if progress:
                    progress(written, total)
            seal = digest.hexdigest()
            stream.write(encode_frame({"t": "end", "count": written, "sha256": seal,
                                       "sig": source.identity.sign(SEAL_DOMAIN + bytes.fromhex(seal)).hex()}))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except OSError as exc:   # no directory, no permission, a full stick: say so, leave no half-written file
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BundleError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return ExportReport(path, written, len(first))


def _closure_of_first(lean: list[tuple[str, str | None, tuple[str, ...], str]]) -> set[str]:
    """Membership and approval entries plus everything in the bundle they depend on."""
    links = {h: (prev, deps) for h, prev, deps, _t in lean}
    chosen: set[str] = set()
    stack = [h for h, _p, _d, t in lean if carried_first(t)]
    while stack:
        current = stack.pop()
        if current in chosen or current not in links:
            continue
        chosen.add(current)
        prev, deps = links[current]
        if prev:
            stack.append(prev)
        stack.extend(deps)
    return chosen


def _chain(*parts: Iterable[Entry]) -> Iterator[Entry]:
    for part in parts:
        yield from part


@dataclass
class ImportReport:
    exporter: str = ""
    announced: int = 0
    read: int = 0
    accepted: int = 0
    duplicates: int = 0
    refused: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    sealed: bool = False
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"bundle from {self.exporter or 'an unknown exporter'}: {self.read} of {self.announced} entries read, "
                 f"{self.accepted} new, {self.duplicates} already here, {len(self.refused)} refused as invalid, "
                 f"{len(self.unplaced)} waiting for entries neither here nor in the bundle"]
        lines.append("seal: intact" if self.sealed else "seal: NOT intact")
        lines.extend(f"problem: {p}" for p in self.problems)
        lines.extend(f"refused: {r}" for r in self.refused[:20])
        if len(self.refused) > 20:
            lines.append(f"… and {len(self.refused) - 20} more refused")
        lines.extend(f"waiting: {r}" for r in self.unplaced[:5])
        if len(self.unplaced) > 5:
            lines.append(f"… and {len(self.unplaced) - 5} more waiting")
        return "\n".join(printable(line) for line in lines)   # problems and refusals quote the file


class BundleTarget(Protocol):
    @property
    def has_network(self) -> bool: ...
    @property
    def network_id(self) -> str: ...
    @property
    def network(self) -> dict: ...
    def receive(self, incoming: Iterable[Entry]) -> ReceiveOutcome:
        ...


def check_bundle_file(path: Path) -> None:
    """Refuse a file that is not a bundle at all before anything is created for it."""
    try:
        with open(path, "rb") as stream:
            start = stream.read(len(MAGIC))
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if start != MAGIC:
        raise BundleError(f"{path} is not a Relief Ledger bundle (it does not start with the bundle marker)")


def import_bundle(target: BundleTarget, path: Path, progress: Progress | None = None) -> ImportReport:
    """Validate and store what the bundle carries; refuse and name everything invalid, keep the rest."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return import_bundle_bytes(target, data, str(path), progress)


def import_bundle_bytes(target: BundleTarget, data: bytes, path: str = "the bundle",
                        progress: Progress | None = None) -> ImportReport:
    """`import_bundle` on the file's bytes (`path` only names it in messages): an ImportReport or a BundleError,
    whatever the bytes hold (the fuzz harness feeds it arbitrary ones)."""
    report = ImportReport()
    if not data.startswith(MAGIC):
        raise BundleError(f"{path} is not a Relief Ledger bundle (it does not start with the bundle marker)")
    stream = io.BytesIO(data)
    stream.seek(len(MAGIC))
    try:
        header = read_frame_from_file(stream)
    except ProtocolError as exc:
        raise BundleError(f"{path}: the bundle header is unreadable ({exc})") from exc
    if header is None or header.get("t") != "bundle" or header.get("v") != BUNDLE_VERSION:
        raise BundleError(f"{path}: not a version {BUNDLE_VERSION} bundle header")
    net = header.get("net")
    if target.has_network and net != target.network_id:
        raise _other_network(path, header, target)
    announced_key = header.get("exporter")
    exporter = announced_key if is_hex64(announced_key) else ""
    report.exporter = fingerprint_hex(exporter) if exporter else "?"
    count = header.get("count")
    report.announced = count if isinstance(count, int) else 0
    pending: list[Entry] = []
    trailer = None
    trailer_offset = 0
    while True:
        offset = stream.tell()
        try:
            frame = read_frame_from_file(stream)
        except ProtocolError as exc:
            if exc.code == "truncated":
                report.problems.append(f"the file is cut short after {report.read} entries ({exc})")
            else:
                report.problems.append(f"reading stopped after {report.read} entries at an unreadable frame "
                                       f"({exc.code}: {exc})")
            break
        if frame is None:
            report.problems.append(f"the file ends after {report.read} entries without its seal (cut short?)")
            break
        if frame["t"] == "end":
            trailer, trailer_offset = frame, offset
            break
        if frame["t"] != "entries":
            report.problems.append(f"unexpected frame {frame['t']!r} skipped")
            continue
        try:
            items = wire.entries_field(frame)
        except ProtocolError as exc:
            report.problems.append(str(exc))
            continue
        for item in items:
            report.read += 1
            try:
                pending.append(wire.entry_from_wire(item))
            except EntryError as exc:
                report.refused.append(f"item {report.read}: {exc.code}: {exc}")
        if len(pending) >= IMPORT_CHUNK:
            _receive(target, pending, report)
            pending = []
            if progress:
                progress(report.read, report.announced)
    _receive(target, pending, report)
    if progress:
        progress(report.read, report.announced)
    if trailer is not None:
        report.sealed = _seal_ok(data[:trailer_offset], trailer, exporter)
        if not report.sealed:
            report.problems.append("the seal does not match the contents: the file was altered after export")
    return report


def _other_network(path: str, header: dict, target: BundleTarget) -> BundleError:
    """The refusal of a bundle of another network; when its header says it is of the other kind (exercise or live),
    the sentence names both kinds and the code is `exercise_vs_live` (docs/PROTOCOL.md §8)."""
    own = target.network
    own_kind = kind_field(own) or "live"
    theirs = kind_field(header)
    name = header.get("name")
    name = name if isinstance(name, str) else ""
    mine = f"{own.get('name', '')!r}, {target.network_id[:12]}…"
    if theirs is not None and theirs != own_kind:
        theirs_named = f"{name[:60]!r}, {str(header.get('net'))[:12]}…"
        return BundleError(f"{path} is a bundle of {with_article(theirs)} ({theirs_named}) and this replica is "
                           f"{with_article(own_kind)} ({mine}): an exercise network and a live network never exchange "
                           "entries, so nothing was imported", EXERCISE_VS_LIVE)
    return BundleError(f"{path} belongs to another network ({str(header.get('net'))[:12]}…); this replica is "
                       f"{target.network_id[:12]}…; nothing was imported", "wrong_network")


def _receive(target: BundleTarget, entries: list[Entry], report: ImportReport) -> None:
    if not entries:
        return
    outcome = target.receive(entries)
    report.accepted += len(outcome.accepted)
    report.duplicates += outcome.duplicates
    for refusal in outcome.refused:
        report.refused.append(_describe(refusal))
    report.unplaced.extend(_describe(r) for r in outcome.deferred)


def _describe(refusal: Finding) -> str:
    return (f"{refusal.hash[:12]} (author {fingerprint_hex(refusal.author)}, seq {refusal.seq}): "
            f"{refusal.code}: {refusal.message}")


def _seal_ok(sealed_bytes: bytes, trailer: dict, exporter: str) -> bool:
    seal = hashlib.sha256(sealed_bytes).hexdigest()
    sig = trailer.get("sig")
    if trailer.get("sha256") != seal or not isinstance(sig, str) or len(exporter) != 64:
        return False
    try:
        return verify_signature(bytes.fromhex(exporter), bytes.fromhex(sig), SEAL_DOMAIN + bytes.fromhex(seal))
    except ValueError:
        return False


def read_frontier(stream: BinaryIO) -> dict[str, int]:
    """A frontier file (`bundle frontier`): JSON author -> seq, what the receiving replica already holds."""
    try:
        data = json.load(stream)
    except ValueError as exc:
        raise BundleError(f"the frontier file is not JSON: {exc}") from exc
    heads = data.get("heads") if isinstance(data, dict) else None
    try:
        return wire.frontier_field({"heads": heads})
    except ProtocolError as exc:
        raise BundleError(f"the frontier file is malformed: {exc}") from exc
