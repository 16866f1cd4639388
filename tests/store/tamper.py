"""Helpers that alter a closed replica's database file byte by byte, as an attacker or a bad disk would."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(db: Path) -> None:
    """Fold the WAL into the main file so every committed byte lives in ledger.db."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def flip_byte_of(db: Path, needle: bytes, offset_in_needle: int = 0) -> None:
    """Flip one bit of the byte at `offset_in_needle` inside the only occurrence of `needle` in the file."""
    checkpoint(db)
    data = bytearray(db.read_bytes())
    position = data.find(needle)
    assert position >= 0, "needle not found in the database file"
    assert data.find(needle, position + 1) < 0, "needle occurs more than once; choose a more specific one"
    data[position + offset_in_needle] ^= 0x01
    db.write_bytes(bytes(data))
