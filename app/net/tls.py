"""TLS 1.3 contexts with a throw-away certificate: encryption here, identity in handshake.py.

The certificate is generated per process and never written in the clear: its key goes to a
private temporary file encrypted with a one-time password, only for as long as `ssl` needs to
load it. Clients do not verify the certificate chain (there is no CA in a disaster zone); they
bind their identity proof to the certificate's hash instead.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class SessionCertificate:
    cert_pem: bytes
    key_pem: bytes
    password: bytes
    sha256: str


def make_certificate() -> SessionCertificate:
    key = Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "relief-ledger node")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .sign(key, None))
    password = secrets.token_bytes(32)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(password))
    der = cert.public_bytes(serialization.Encoding.DER)
    return SessionCertificate(cert.public_bytes(serialization.Encoding.PEM), key_pem, password,
                              hashlib.sha256(der).hexdigest())


def server_context(certificate: SessionCertificate) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    with tempfile.TemporaryDirectory(prefix="relief-ledger-tls-") as folder:
        cert_path, key_path = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        cert_path.write_bytes(certificate.cert_pem)
        key_path.touch(mode=0o600)
        key_path.write_bytes(certificate.key_pem)
        context.load_cert_chain(cert_path, key_path, password=certificate.password)
    return context


def client_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def peer_certificate_sha256(ssl_object: ssl.SSLObject | ssl.SSLSocket | None) -> str:
    """SHA-256 of the server certificate as this end saw it (the client side of the binding)."""
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    if not der:
        raise ssl.SSLError("the peer presented no certificate")
    return hashlib.sha256(der).hexdigest()


__all__ = ["SessionCertificate", "client_context", "make_certificate", "peer_certificate_sha256",
           "server_context"]
