"""One process per replica: two processes folding into one database would fork its in-memory head.

A replica directory holds `replica.lock`, locked (advisory, released by the OS if the process
dies) by whichever process has the replica open for writing.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import ReliefLedgerError

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; the client is the only writer there in practice
    fcntl = None  # type: ignore[assignment]  # the module is absent there; the lock checks for None

from app.paths import LOCK_NAME


class ReplicaBusy(ReliefLedgerError):
    """Another process has this replica open."""

    code = "replica_busy"


class ReplicaLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise ReplicaBusy(f"the replica in {self.path.parent} is open in another relief-ledger process "
                              f"(pid {holder}): record through that process, or stop it first") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd

    def probe(self) -> bool:
        """For a reader that needs the replica at rest (verify): True, and the lock held until release(),
        when no process has it open for writing. Creates and writes nothing: a missing lock file means no
        writer has ever opened the replica (every writer creates it first)."""
        if fcntl is None:
            return True
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
