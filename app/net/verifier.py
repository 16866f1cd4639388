"""Signature checks for large batches on another core.

Catch-up is bound by Ed25519 verification, and CPython runs one thread at a time. For batches of
a catch-up, a worker process checks the signatures while this process parses and stores; short
live pushes are checked inline (a process hop would cost more than it saves). The worker knows
nothing but SHA-256 and Ed25519, so it starts fast and cannot touch the replica.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.core.entry import SIGNATURE_DOMAIN

OFFLOAD_MIN = 64


def bad_signatures(items: list[tuple[bytes, bytes]]) -> list[int]:
    """Indices of (raw, sig) pairs whose signature does not verify for the author named in raw."""
    keys: dict[str, Ed25519PublicKey] = {}
    bad = []
    for index, (raw, sig) in enumerate(items):
        try:
            author = json.loads(raw)["author"]
            key = keys.get(author)
            if key is None:
                key = keys[author] = Ed25519PublicKey.from_public_bytes(bytes.fromhex(author))
            key.verify(sig, SIGNATURE_DOMAIN + hashlib.sha256(raw).digest())
        except (InvalidSignature, ValueError, TypeError, KeyError):
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
