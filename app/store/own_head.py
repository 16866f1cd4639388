"""The own-head record: where each feed this replica signs for ends, kept outside the database.

A damaged write-ahead log can silently drop committed transactions; a node that then signs again
would reuse the sequence numbers of entries its peers already hold, which is equivocation. This
file, written durably after every commit that extends a feed signed here, lets the node notice
that its database lost part of its own feed and refuse to sign until peers or a bundle bring
the tail back (docs/FORMAT.md §2, informative "own-head record").
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.types import FeedHead
from app.errors import ReliefLedgerError
from app.paths import OWN_HEAD_NAME

OWN_HEAD_VERSION = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")

TAIL_LOST = "own_tail_lost"
HEAD_MISMATCH = "own_head_mismatch"
RECORD_DAMAGED = "own_head_damaged"
RECORD_UNWRITABLE = "own_head_unwritable"


class OwnHeadError(ReliefLedgerError):
    """The record cannot be read or written; the message is for the operator."""

    code = "own_head_record"


@dataclass
class OwnHeadRecord:
    """network id (None before the genesis is held) and author -> (seq, entry hash) of its last signed entry."""

    network: str | None = None
    feeds: dict[str, tuple[int, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        document = {"version": OWN_HEAD_VERSION, "network": self.network,
                    "feeds": {a: {"seq": s, "hash": h} for a, (s, h) in sorted(self.feeds.items())}}
        return json.dumps(document, indent=1, sort_keys=True) + "\n"


@dataclass(frozen=True)
class TailProblem:
    """A feed signed here that the database no longer holds as far as the record says."""

    author: str
    code: str
    recorded_seq: int
    held_seq: int

    @property
    def missing(self) -> int:
        return max(0, self.recorded_seq - self.held_seq)

    def sentence(self) -> str:
        """The one sentence an operator sees in the window, on the command line and in `verify`."""
        return f"{self.code}: {self.explanation()}"

    def explanation(self) -> str:
        if self.code == TAIL_LOST:
            return (f"this replica lost {self.missing} of its own signed entries (it holds its feed up to seq "
                    f"{self.held_seq}, it signed up to seq {self.recorded_seq}); it will not sign until they are "
                    f"recovered from a peer or a bundle. If no peer holds them, this key can no longer sign safely "
                    f"and a new key must be enrolled.")
        if self.code == HEAD_MISMATCH:
            return (f"this replica holds a different entry at seq {self.recorded_seq} of its own feed than the one "
                    f"this node signed; the key can no longer sign safely: enrol a new key.")
        if self.code == RECORD_UNWRITABLE:
            return ("the own-head record could not be written; this node signs nothing until it can "
                    "(check the disk and the data directory's permissions).")
        return (f"the own-head record is damaged, so this node cannot tell whether it lost entries it signed; it "
                f"will not sign. Let it sync with its peers; then, once you are sure no peer holds more of its "
                f"feed than this replica, remove {OWN_HEAD_NAME} to start a new record.")


def read_record(path: Path) -> OwnHeadRecord | None:
    """The record, or None when there is none; OwnHeadError when it exists but cannot be trusted."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise OwnHeadError(f"cannot read {path}: {exc}") from exc
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("version") != OWN_HEAD_VERSION:
            raise ValueError("unknown version")
        network = document["network"]
        if network is not None and not (isinstance(network, str) and _HEX64.fullmatch(network)):
            raise ValueError("bad network id")
        feeds: dict[str, tuple[int, str]] = {}
        for author, head in document["feeds"].items():
            seq, entry_hash = head["seq"], head["hash"]
            if (not _HEX64.fullmatch(author) or type(seq) is not int or seq < 1
                    or not isinstance(entry_hash, str) or not _HEX64.fullmatch(entry_hash)):
                raise ValueError(f"bad feed {author[:16]}")
            feeds[author] = (seq, entry_hash)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OwnHeadError(f"{path} is damaged ({exc})") from exc
    return OwnHeadRecord(network, feeds)


def write_record(path: Path, record: OwnHeadRecord) -> None:
    """Durably replace the record: temp file, fsync, atomic rename, fsync of the directory."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(record.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
            fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        raise OwnHeadError(f"cannot write {path}: {exc}") from exc


def compare(record: OwnHeadRecord, network: str | None, heads: dict[str, FeedHead],
            hash_at: Callable[[str, int], str | None]) -> tuple[list[TailProblem], dict[str, tuple[int, str]]]:
    """(problems, feeds the database holds further than recorded: author -> its held head).

    A record of another network says nothing about this database and yields neither.
    """
    if record.network is not None and network is not None and record.network != network:
        return [], {}
    problems: list[TailProblem] = []
    ahead: dict[str, tuple[int, str]] = {}
    for author, (seq, entry_hash) in sorted(record.feeds.items()):
        held = heads.get(author)
        if held is None or held[0] < seq:
            problems.append(TailProblem(author, TAIL_LOST, seq, held[0] if held else 0))
            continue
        held_seq = held[0]
        stored = held[1] if held_seq == seq else hash_at(author, seq)
        if stored != entry_hash:
            problems.append(TailProblem(author, HEAD_MISMATCH, seq, held_seq))
        elif held_seq > seq:
            ahead[author] = (held_seq, held[1])
    return problems, ahead


__all__ = ["OWN_HEAD_NAME", "OwnHeadError", "OwnHeadRecord", "TailProblem", "compare", "read_record",
           "write_record", "TAIL_LOST", "HEAD_MISMATCH", "RECORD_DAMAGED", "RECORD_UNWRITABLE"]
