"""Signature checks for large batches on another core.

Catch-up is bound by Ed25519 verification, and CPython runs one thread at a time. For batches of
a catch-up, a worker process checks the signatures while this process parses and stores; short
live pushes are checked inline (a process hop would cost more than it saves). The worker runs the
ledger's own signature check (app.core) on bytes it is handed and cannot touch the replica.
"""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from app.core.entry import entry_hash, signing_message
from app.core.identity import verify_signature

OFFLOAD_MIN = 64


def bad_signatures(items: list[tuple[bytes, bytes]]) -> list[int]:
    """Indices of (raw, sig) pairs whose signature does not verify for the author named in raw."""
    bad = []
    for index, (raw, sig) in enumerate(items):
        try:
            author = bytes.fromhex(json.loads(raw)["author"])
        except (ValueError, TypeError, KeyError):
            bad.append(index)
            continue
        if not verify_signature(author, sig, signing_message(entry_hash(raw))):
            bad.append(index)
    return bad


class BatchVerifier:
    """One worker process, started on first use; `None` from submit means "check inline"."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def submit(self, items: list[tuple[bytes, bytes]]) -> Future | None:
        if len(items) < OFFLOAD_MIN or self._broken:
            return None
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool.submit(bad_signatures, items)
        except Exception:  # noqa: BLE001 - no worker process here (frozen build, sandbox): verify inline
            self._broken = True
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
