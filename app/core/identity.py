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

KEY_FILE_VERSION = 1
SCRYPT_N = 2**15


class KeyFileError(Exception):
    """A key file that cannot be opened; the message is meant for the operator."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not open this key file."""


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
    def generate(cls) -> "Identity":
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> "Identity":
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


def _kdf(passphrase: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase.encode("utf-8"))


def save_key_file(path: Path, identity: Identity, passphrase: str, label: str = "", n: int = SCRYPT_N) -> None:
    """Write the key encrypted with scrypt + AES-256-GCM; public key and fingerprint stay readable."""
    if not passphrase:
        raise KeyFileError("a passphrase is required to protect the private key")
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kdf(passphrase, salt, n)).encrypt(nonce, identity.seed(), identity.public_key)
    document = {
        "version": KEY_FILE_VERSION,
        "label": label,
        "public_key": identity.public_key_hex,
        "fingerprint": identity.fingerprint,
        "kdf": {"name": "scrypt", "n": n, "r": 8, "p": 1, "salt": salt.hex()},
        "cipher": {"name": "aes-256-gcm", "nonce": nonce.hex(), "ciphertext": sealed.hex()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


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
        raise KeyFileError(f"the key file {path} has version {document['version']}, this program reads {KEY_FILE_VERSION}")
    return document


def load_key_file(path: Path, passphrase: str) -> Identity:
    """Decrypt a key file; wrong passphrase and damage are told apart where the file allows."""
    document = _read_document(path)
    try:
        kdf, cipher = document["kdf"], document["cipher"]
        salt = bytes.fromhex(kdf["salt"])
        nonce = bytes.fromhex(cipher["nonce"])
        sealed = bytes.fromhex(cipher["ciphertext"])
        public_key = bytes.fromhex(document["public_key"])
        n = int(kdf["n"])
        if kdf.get("name") != "scrypt" or n < 2 or n > 2**20 or len(nonce) != 12 or len(public_key) != 32:
            raise ValueError("unsupported parameters")
        key = _kdf(passphrase, salt, n)
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"the key file {path} is damaged ({exc})") from exc
    try:
        seed = AESGCM(key).decrypt(nonce, sealed, public_key)
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase for this key (or the key file was altered)") from exc
    identity = Identity(Ed25519PrivateKey.from_private_bytes(seed))
    if identity.public_key != public_key:
        raise KeyFileError(f"the key file {path} is damaged (public key does not match the private key)")
    return identity
