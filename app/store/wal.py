"""Reading a SQLite write-ahead log at rest, to tell a torn last write from lost committed transactions.

SQLite replays the log up to the first frame whose checksum or salt does not match and silently
ignores the rest. A crash can tear only the transaction being written, which holds at most one
commit frame; every further commit frame of the log's current generation beyond the valid part
is a transaction that was committed (and acknowledged) and is now dropped.
Layout: https://www.sqlite.org/fileformat2.html#the_write_ahead_log
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LE, MAGIC_BE = 0x377F0682, 0x377F0683


@dataclass(frozen=True)
class WalScan:
    frames: int            # whole frames in the file
    valid_frames: int      # frames SQLite replays (up to the last valid commit frame)
    dropped_commits: int   # committed transactions beyond the valid part (a torn last one not counted)

    @property
    def damaged(self) -> bool:
        return self.dropped_commits > 0


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def scan_wal(path: Path) -> WalScan | None:
    """None when there is no log (or not even a header); only read while no process has the database open."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < HEADER:
        return None
    magic, _version, page_size, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:HEADER])
    if magic not in (MAGIC_LE, MAGIC_BE) or page_size < 512 or page_size & (page_size - 1):
        return WalScan(0, 0, 0)  # not a log SQLite would replay at all; integrity_check judges the file
    big = magic == MAGIC_BE
    frame_size = FRAME_HEADER + page_size
    frames = (len(data) - HEADER) // frame_size
    s = _checksum(data[:24], big, 0, 0)
    chain_ok = s == (c1, c2)
    valid = 0
    first_bad = 0
    for index in range(frames):
        offset = HEADER + index * frame_size
        _page, commit_size, f1, f2, k1, k2 = struct.unpack(">6I", data[offset:offset + FRAME_HEADER])
        if chain_ok and (f1, f2) == (salt1, salt2):
            s = _checksum(data[offset:offset + 8] + data[offset + FRAME_HEADER:offset + frame_size], big, *s)
            if s == (k1, k2):
                if commit_size:
                    valid = index + 1
                continue
        chain_ok = False
        first_bad = index
        break
    else:
        return WalScan(frames, valid, 0)
    orphans = 0
    for index in range(first_bad, frames):
        offset = HEADER + index * frame_size
        _page, commit_size, f1, f2 = struct.unpack(">4I", data[offset:offset + 16])
        if commit_size and (f1, f2) == (salt1, salt2):
            orphans += 1
    return WalScan(frames, valid, max(0, orphans - 1))


__all__ = ["WalScan", "scan_wal"]
