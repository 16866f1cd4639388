"""The replica directory as the node opens it: the founding marker an interrupted `init` leaves,
files written durably, the directory lock, and unlocking the key file.

Split out of app/node.py: these touch files, not the ledger; Node.create_network, create_joining
and open call them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.core.identity import Identity, KeyFileError, WrongPassphrase, load_key_file
from app.node_errors import NodeError
from app.paths import DB_NAME, INIT_MARKER, KEY_NAME, OWN_HEAD_NAME
from app.store.lock import ReplicaBusy, ReplicaLock

REUSED_KEY = b"reused key\n"   # the marker's content when init founds with a key that was there before it
log = logging.getLogger(__name__)


def _begin_founding(data_dir: Path, identity: Identity,
                    passphrase: str | None) -> tuple[Identity, str | None]:
    """Make `data_dir` ready for a new genesis and mark it as being founded; returns the key to found with
    and the passphrase to write it with (None when a key file already there is reused).

    A marked directory is what a killed `init` left: its files were never shown or sent, so they go.
    A key file alone (no database, no marker: an older `init`, or a `join` killed before its database
    existed) has signed nothing, but may be the key an operator already read out: it is reused, never replaced.
    """
    marker = data_dir / INIT_MARKER
    if marker.exists():
        log.warning("%s: starting over the founding an interrupted init left", data_dir)
        kept = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", OWN_HEAD_NAME)
        reused = marker.read_bytes().startswith(REUSED_KEY)
        for name in kept if reused else (*kept, KEY_NAME):   # a reused key was there before that init
            (data_dir / name).unlink(missing_ok=True)
    if (data_dir / DB_NAME).exists():
        raise NodeError(f"{data_dir} already holds a replica (or a node waiting to join a network); "
                        "choose an empty data directory", "data_dir_in_use")
    reuse = (data_dir / KEY_NAME).exists()
    if reuse:
        if passphrase is None:
            raise NodeError(f"{data_dir} already holds a key; choose an empty data directory",
                            "data_dir_in_use")
        try:
            identity = load_key_file(data_dir / KEY_NAME, passphrase)
        except WrongPassphrase as exc:
            raise NodeError(f"{data_dir} holds a key file but no replica (left by an interrupted init or join): "
                            "give that key's passphrase to found the network with it, or move the key file "
                            "away first", exc.code) from None
        except KeyFileError as exc:
            raise NodeError(f"{data_dir} holds a key file but no replica, and the key file cannot be used "
                            f"({exc}); move it away first", exc.code) from None
        passphrase = None
    _create_durably(marker, REUSED_KEY if reuse else b"new key\n")
    return identity, passphrase


def _create_durably(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    _sync_directory(path.parent)


def _remove_durably(path: Path) -> None:
    path.unlink(missing_ok=True)
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return   # no directory handles on this platform
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock(data_dir: Path, url: str | None) -> ReplicaLock | None:
    """Lock the replica directory for this process (not for a server database given by URL)."""
    if url is not None:
        return None
    lock = ReplicaLock(data_dir)
    try:
        lock.acquire()
    except ReplicaBusy as exc:
        raise NodeError(str(exc), exc.code) from None
    return lock


def unlock_identity(data_dir: Path, passphrase: str) -> Identity:
    try:
        return load_key_file(Path(data_dir) / KEY_NAME, passphrase)
    except KeyFileError as exc:
        raise NodeError(str(exc), exc.code) from exc
