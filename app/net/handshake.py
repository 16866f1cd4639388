"""Who is on the other end: an Ed25519 proof bound to this very TLS session.

TLS 1.3 encrypts the link with a throw-away certificate; identity is proven inside it. Each side
signs the SHA-256 of the server's certificate, both nonces, the network id and its own role. A
machine in the middle must present its own certificate, so a proof it relays names the wrong
certificate and fails; a proof cannot be replayed because the other side's nonce is fresh.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from app.core import canonical
from app.core.entry import is_hex64
from app.core.identity import Identity, verify_signature
from app.core.schema import NETWORK_KINDS
from app.net.frames import ProtocolError

PROTOCOL_VERSION = 1
AUTH_DOMAIN = b"relief-ledger/peer-auth/v1\x00"
# An exercise network and a live network never exchange an entry (docs/PROTOCOL.md §4): the refusal that says so,
# distinct from `wrong_network` (another network of the same kind).
EXERCISE_VS_LIVE = "exercise_vs_live"
# Refusals that mean "the two nodes serve different networks": nobody's fault, never cooled down, logged once per
# peer as such (not as a cut-off), and a dialler waits its longest redial interval before trying again.
APART_CODES = frozenset({EXERCISE_VS_LIVE, "wrong_network"})


def new_nonce() -> str:
    return secrets.token_hex(32)


@dataclass(frozen=True)
class Binding:
    """What both ends of one TLS session agree on before anyone proves who they are."""

    cert_sha256: str
    client_nonce: str
    server_nonce: str
    net: str | None


def proof_message(binding: Binding, role: str, key: str) -> bytes:
    return AUTH_DOMAIN + canonical.encode({
        "cert": binding.cert_sha256, "client_nonce": binding.client_nonce, "server_nonce": binding.server_nonce,
        "net": binding.net, "role": role, "key": key,
    })


def prove(identity: Identity, binding: Binding, role: str) -> str:
    return identity.sign(proof_message(binding, role, identity.public_key_hex)).hex()


def check_proof(binding: Binding, role: str, key: Any, sig: Any) -> str:
    """Return the proven key (hex), or raise ProtocolError('bad_proof')."""
    if not is_hex64(key) or not isinstance(sig, str) or len(sig) != 128:
        raise ProtocolError("bad_proof", "the peer's key or proof is malformed")
    try:
        signature = bytes.fromhex(sig)
    except ValueError as exc:
        raise ProtocolError("bad_proof", "the peer's proof is not hex") from exc
    if not verify_signature(bytes.fromhex(key), signature, proof_message(binding, role, key)):
        raise ProtocolError("bad_proof", "the peer's proof of identity does not verify for this session")
    return key


def check_version(message: dict[str, Any]) -> None:
    if message.get("v") != PROTOCOL_VERSION:
        raise ProtocolError("version", f"peer speaks protocol version {message.get('v')!r}; "
                                       f"this node speaks {PROTOCOL_VERSION}")


def nonce_field(message: dict[str, Any]) -> str:
    nonce = message.get("nonce")
    if not is_hex64(nonce):
        raise ProtocolError("malformed_frame", "nonce must be 32 bytes in lowercase hex")
    return nonce


def kind_field(message: dict[str, Any], name: str = "kind") -> str | None:
    """A network kind a peer announced (`live` or `exercise`), or None when absent or anything else: a hint that
    only chooses the refusal's wording, never a reason to trust or serve anyone."""
    value = message.get(name)
    return value if isinstance(value, str) and value in NETWORK_KINDS else None


def with_article(kind: str) -> str:
    """`an exercise network` / `a live network`, as the refusal sentences say it."""
    return f"an {kind} network" if kind == "exercise" else f"a {kind} network"


def apart_sentence(own: str, other: str) -> str:
    """Why two nodes of different kinds exchange nothing, in one sentence naming both kinds."""
    return (f"this node is on {with_article(own)} and the peer on {with_article(other)}: an exercise network and a "
            "live network never exchange entries")
