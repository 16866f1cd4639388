"""Ed25519 identities: key pairs, fingerprints, and the encrypted key file.

A node (or device) is named by the fingerprint of its public key everywhere an
operator sees it; the private key never touches disk unencrypted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from app.errors import ReliefLedgerError

KEY_FILE_VERSION = 1
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# The floor of docs/FORMAT.md §2: a key file below it would make the passphrase cheap to guess, so it is
# refused rather than used (someone may have swapped in a weakened copy). The ceiling keeps a hostile file
# from making the node allocate or compute without bound.
SCRYPT_MIN_N, SCRYPT_MIN_R, SCRYPT_MIN_P, SALT_MIN_BYTES = 2**15, 8, 1, 16
SCRYPT_MAX_N, SCRYPT_MAX_P, SCRYPT_MAX_MEMORY = 2**20, 16, 2**30   # memory = 128 * n * r bytes
WEAK_KDF = "weak_kdf"


class KeyFileError(ReliefLedgerError):
    """A key file that cannot be opened; the message is meant for the operator, `code` for programs."""

    code = "key_file"


class WrongPassphrase(KeyFileError):
    """The passphrase does not open this key file."""

    code = "wrong_passphrase"


def fingerprint(public_key: bytes) -> str:
    """Short, grouped, read-aloud form: 16 base32 characters of SHA-256(key), e.g. `K7QX-3MPA-9F2D-HW4T`."""
    digest = hashlib.sha256(b"relief-ledger/fingerprint/v1\x00" + public_key).digest()
    text = base64.b32encode(digest[:10]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def fingerprint_hex(public_key_hex: str) -> str:
    return fingerprint(bytes.fromhex(public_key_hex))


@dataclass(frozen=True)
class Identity:
    """A private key in memory, able to sign ledger entries."""

    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> Identity:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> Identity:
        """Deterministic keys for test vectors and reproducible demos only."""
        return cls(Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed).digest()))

    @property
    def public_key(self) -> bytes:
        return self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def public_key_hex(self) -> str:
        return self.public_key.hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)

    def seed(self) -> bytes:
        return self.private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


_public_key_cache: dict[bytes, Ed25519PublicKey] = {}


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    key = _public_key_cache.get(public_key)
    if key is None:
        try:
            key = Ed25519PublicKey.from_public_bytes(public_key)
        except ValueError:
            return False
        if len(_public_key_cache) > 10_000:
            _public_key_cache.clear()
        _public_key_cache[public_key] = key
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _kdf(passphrase: str, salt: bytes, n: int, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def kdf_problem(n: int, r: int, p: int, salt: bytes) -> tuple[str, str] | None:
    """(code, what is wrong) when scrypt parameters are outside the format's floor or ceiling, else None."""
    weak = [what for what, bad in ((f"n={n} (at least 2^15)", n < SCRYPT_MIN_N),
                                   (f"r={r} (at least {SCRYPT_MIN_R})", r < SCRYPT_MIN_R),
                                   (f"p={p} (at least {SCRYPT_MIN_P})", p < SCRYPT_MIN_P),
                                   (f"a salt of {len(salt)} bytes (at least {SALT_MIN_BYTES})",
                                    len(salt) < SALT_MIN_BYTES)) if bad]
    if weak:
        return WEAK_KDF, "scrypt parameters below the floor of the key file format: " + ", ".join(weak)
    if n & (n - 1) or n > SCRYPT_MAX_N or p > SCRYPT_MAX_P or 128 * n * r > SCRYPT_MAX_MEMORY:
        return "key_file", (f"unsupported scrypt parameters n={n}, r={r}, p={p} (n a power of two up to 2^20, "
                            f"p up to {SCRYPT_MAX_P}, 128*n*r up to 1 GiB)")
    return None


def _write_private(path: Path, data: bytes, overwrite: bool = True) -> None:
    """Create `path` readable by its owner only (0600 whatever the umask), durably, then put it in place:
    renamed over `path`, or with `overwrite` False linked so that an existing file (a key!) is never replaced.

    The temporary file is made with O_EXCL and mode 0600 from the first byte: a secret is never, even
    for an instant, in a file others may read.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)   # left by a write that was killed; it is ours and holds nothing acknowledged
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.fchmod(fd, 0o600)   # the umask can only narrow the mode; this also survives an odd filesystem
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    if overwrite:
        os.replace(tmp, path)
    else:
        try:
            os.link(tmp, path)   # fails if `path` exists, however late it appeared
        except FileExistsError:
            raise KeyFileError(f"{path} exists; refusing to overwrite a key") from None
        finally:
            tmp.unlink(missing_ok=True)
    try:
        directory = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return   # no directory handles on this platform; the rename is still atomic
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def save_key_file(path: Path, identity: Identity, passphrase: str, label: str = "", n: int = SCRYPT_N,
                  overwrite: bool = True) -> None:
    """Write the key encrypted with scrypt + AES-256-GCM; public key and fingerprint stay readable.

    `overwrite` False: an existing file at `path` is left alone and KeyFileError raised (a new key must
    never replace one that may already be enrolled)."""
    if not passphrase:
        raise KeyFileError("a passphrase is required to protect the private key")
    salt, nonce = os.urandom(16), os.urandom(12)
    problem = kdf_problem(n, SCRYPT_R, SCRYPT_P, salt)
    if problem is not None:
        raise KeyFileError(f"{problem[0]}: refusing to write a key file with {problem[1]}", problem[0])
    sealed = AESGCM(_kdf(passphrase, salt, n)).encrypt(nonce, identity.seed(), identity.public_key)
    document = {
        "version": KEY_FILE_VERSION,
        "label": label,
        "public_key": identity.public_key_hex,
        "fingerprint": identity.fingerprint,
        "kdf": {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex()},
        "cipher": {"name": "aes-256-gcm", "nonce": nonce.hex(), "ciphertext": sealed.hex()},
    }
    _write_private(Path(path), (json.dumps(document, indent=2) + "\n").encode("utf-8"), overwrite)


def read_key_file_public(path: Path) -> tuple[str, str]:
    """(public key hex, label) without the passphrase: for showing a fingerprint before unlock."""
    document = _read_document(path)
    return document["public_key"], document.get("label", "")


def _read_document(path: Path) -> dict:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KeyFileError(f"no key file at {path}") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileError(f"the key file {path} is damaged (not readable JSON)") from exc
    required = ("version", "public_key", "kdf", "cipher")
    if not isinstance(document, dict) or any(k not in document for k in required):
        raise KeyFileError(f"the key file {path} is damaged (fields missing)")
    if document["version"] != KEY_FILE_VERSION:
        raise KeyFileError(f"the key file {path} has version {document['version']}, "
                           f"this program reads {KEY_FILE_VERSION}")
    return document


def _whole(value: object) -> int:
    """A JSON integer (not a boolean, not a float, not a string of digits)."""
    if type(value) is not int:
        raise ValueError(f"scrypt parameter {value!r} is not an integer")
    return value


def load_key_file(path: Path, passphrase: str) -> Identity:
    """Decrypt a key file; wrong passphrase and damage are told apart where the file allows."""
    document = _read_document(path)
    try:
        kdf, cipher = document["kdf"], document["cipher"]
        salt = bytes.fromhex(kdf["salt"])
        nonce = bytes.fromhex(cipher["nonce"])
        sealed = bytes.fromhex(cipher["ciphertext"])
        public_key = bytes.fromhex(document["public_key"])
        n, r, p = (_whole(kdf[name]) for name in ("n", "r", "p"))
        if kdf.get("name") != "scrypt" or len(nonce) != 12 or len(public_key) != 32:
            raise ValueError("unsupported parameters")
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"the key file {path} is damaged ({exc})") from exc
    problem = kdf_problem(n, r, p, salt)
    if problem is not None:
        code, what = problem
        if code == WEAK_KDF:
            raise KeyFileError(f"{WEAK_KDF}: the key file {path} is refused: its {what}, so its passphrase "
                               "would be cheap to guess (was it replaced by a weakened copy?)", WEAK_KDF)
        raise KeyFileError(f"the key file {path} is damaged ({what})")
    key = _kdf(passphrase, salt, n, r, p)
    try:
        seed = AESGCM(key).decrypt(nonce, sealed, public_key)
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase for this key (or the key file was altered)") from exc
    identity = Identity(Ed25519PrivateKey.from_private_bytes(seed))
    if identity.public_key != public_key:
        raise KeyFileError(f"the key file {path} is damaged (public key does not match the private key)")
    return identity
