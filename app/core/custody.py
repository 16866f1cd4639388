"""Custody hand-over counter-signatures: the receiver's word that it took the goods.

The giver authors the `shipment.handover` entry; inside it sits the receiver's
signature over a statement naming network, shipment, giver, receiver and the
hand-over's index in the custody chain, so it cannot be replayed elsewhere.

How that signature travels between two devices at a warehouse door (FORMAT.md §8.1–8.3): as an
*acceptance* text, `RLH1:` and base32, that the receiver's screen shows as a QR code and that can be
pasted or read from an image; and an eight-character *check code* the receiver reads aloud, which
ties an acceptance to the receiver standing at the door. Nobody reads or types 128 hex characters.
Where nothing can reach the giver's device, the giver's entry carries that code alone and the receiver's
own `shipment.accept` carries the signature; the fold compares the two codes (FORMAT.md §8.5).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core import canonical
from app.core.identity import Identity, verify_signature
from app.errors import ReliefLedgerError

HANDOVER_DOMAIN = b"relief-ledger/handover/v1\x00"
CODE_DOMAIN = b"relief-ledger/handover-code/v1\x00"
ACCEPTANCE_PREFIX = "RLH1:"
_HEAD = struct.Struct(">8s8s32sH64s")       # net prefix, giver prefix, receiver key, index, signature
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$")   # a shipment id (FORMAT.md §7.2 `id`)
_VERSION = re.compile(r"^RLH(\d+):")
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"O": "0", "I": "1", "L": "1"}   # what an ear or a hand confuses, read as the digit meant
CODE_BYTES = 5                             # 40 bits: eight characters
MAX_CODE_ATTEMPTS = 5                      # wrong codes a giver's device allows for one acceptance

REFUSALS = {
    "not_an_acceptance": "this is not a hand-over acceptance",
    "unknown_version": "this acceptance was made by a newer client; update this one to read it",
    "wrong_network": "this acceptance was made on another network",
    "unknown_shipment": "this acceptance names a shipment this replica does not know yet; sync, then read it again",
    "not_in_transit": "this shipment is no longer in transit",
    "not_for_you": "this acceptance was made for another giver",
    "not_your_custody": "you do not hold custody of this shipment",
    "wrong_step": "this acceptance is for another step of the shipment's custody chain (an old or reused code)",
    "not_a_member": "the receiver is not a current member of this network",
    "bad_signature": "the receiver's signature on this acceptance does not verify",
    "code_mismatch": "the code does not match the receiver's acceptance; ask the receiver to read it again",
    "too_many_attempts": "too many wrong codes for this acceptance; read the receiver's QR code or text again",
}


class AcceptanceError(ReliefLedgerError, ValueError):
    """An acceptance or a check code the giver's device refuses; `code` is one of REFUSALS (per instance)."""

    code = "acceptance_refused"

    def __init__(self, code: str, detail: str = "") -> None:
        text = REFUSALS[code] + (f" ({detail})" if detail else "")
        super().__init__(text[0].upper() + text[1:] + ".", code)


def handover_statement(net: str, shipment: str, giver: str, receiver: str, index: int) -> bytes:
    return HANDOVER_DOMAIN + canonical.encode(
        {"net": net, "shipment": shipment, "from": giver, "to": receiver, "index": index}
    )


def countersign(receiver: Identity, net: str, shipment: str, giver: str, index: int) -> str:
    """What the receiving operator's client signs when it accepts custody; hex for the entry body."""
    return receiver.sign(handover_statement(net, shipment, giver, receiver.public_key_hex, index)).hex()


def countersignature_valid(net: str, shipment: str, giver: str, receiver: str, index: int, sig_hex: str) -> bool:
    return verify_signature(bytes.fromhex(receiver), bytes.fromhex(sig_hex),
                            handover_statement(net, shipment, giver, receiver, index))


@dataclass(frozen=True)
class Acceptance:
    """One receiver's signed acceptance of one custody step, as it travels between two devices.

    `net_prefix` and `giver_prefix` are the first 8 bytes (16 hex) of the network id and the giver's key:
    enough to refuse a wrong one in plain words; the signature binds the full values.
    """

    net_prefix: str
    giver_prefix: str
    shipment: str
    index: int
    receiver: str
    receiver_sig: str

    def text(self) -> str:
        """The `RLH1:` form: all in QR alphanumeric characters, so the code stays small."""
        raw = _HEAD.pack(bytes.fromhex(self.net_prefix), bytes.fromhex(self.giver_prefix),
                         bytes.fromhex(self.receiver), self.index, bytes.fromhex(self.receiver_sig))
        return ACCEPTANCE_PREFIX + base64.b32encode(raw + self.shipment.encode("ascii")).decode("ascii").rstrip("=")

    def check_code(self, net: str, giver: str) -> str:
        """The code the receiver reads aloud, over the full statement (which the prefixes only abbreviate)."""
        return check_code(handover_statement(net, self.shipment, giver, self.receiver, self.index),
                          self.receiver_sig)


def accept(receiver: Identity, net: str, shipment: str, giver: str, index: int) -> Acceptance:
    """The receiver's side: sign the statement and package it for the giver's device."""
    sig = countersign(receiver, net, shipment, giver, index)
    return Acceptance(net[:16], giver[:16], shipment, index, receiver.public_key_hex, sig)


def check_code(statement: bytes, receiver_sig_hex: str) -> str:
    """Eight Crockford base32 characters, grouped 4-4, from SHA-256 over the statement and the signature."""
    digest = hashlib.sha256(CODE_DOMAIN + statement + bytes.fromhex(receiver_sig_hex)).digest()[:CODE_BYTES]
    number = int.from_bytes(digest, "big")
    chars = "".join(CROCKFORD[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def acceptance_code(net: str, shipment: str, giver: str, receiver: str, index: int, receiver_sig_hex: str) -> str:
    """The check code of one acceptance from the values a `shipment.accept` entry carries (FORMAT.md §8.5)."""
    return check_code(handover_statement(net, shipment, giver, receiver, index), receiver_sig_hex)


def normalise_code(typed: str) -> str:
    """What the giver typed, as the canonical `XXXX-XXXX`: case, spaces and hyphens ignored, O/I/L read as 0/1.

    Anything that is not eight characters of the alphabet afterwards is `code_mismatch`, never a crash.
    """
    chars = "".join(_READ_AS.get(c, c) for c in typed.upper() if c not in " -\t")
    if len(chars) != 8 or any(c not in CROCKFORD for c in chars):
        raise AcceptanceError("code_mismatch", "a code is eight letters and digits, like K7Q4-M2XD")
    return f"{chars[:4]}-{chars[4:]}"


def parse_acceptance(text: str) -> Acceptance:
    """The `RLH1:` text back into its parts: `not_an_acceptance` or `unknown_version` if it cannot be."""
    compact = "".join(text.split())
    version = _VERSION.match(compact.upper())
    if version is None:
        raise AcceptanceError("not_an_acceptance")
    if compact[:len(ACCEPTANCE_PREFIX)].upper() != ACCEPTANCE_PREFIX:
        raise AcceptanceError("unknown_version", f"RLH{version.group(1)}")
    body = compact[len(ACCEPTANCE_PREFIX):].upper()
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError) as exc:
        raise AcceptanceError("not_an_acceptance", "damaged text") from exc
    if base64.b32encode(raw).decode("ascii").rstrip("=") != body:
        raise AcceptanceError("not_an_acceptance", "damaged text")
    if len(raw) <= _HEAD.size:
        raise AcceptanceError("not_an_acceptance", "too short")
    net, giver, receiver, index, sig = _HEAD.unpack_from(raw)
    try:
        shipment = raw[_HEAD.size:].decode("ascii")
    except UnicodeDecodeError as exc:
        raise AcceptanceError("not_an_acceptance", "damaged shipment id") from exc
    if not _ID.match(shipment) or index > 10_000:
        raise AcceptanceError("not_an_acceptance", "damaged shipment id or step")
    return Acceptance(net.hex(), giver.hex(), shipment, index, receiver.hex(), sig.hex())


def check_acceptance(acceptance: Acceptance, net: str, giver: str, tables: Mapping[str, Mapping[str, Any]]) -> dict:
    """The giver's side: is this acceptance for this network, this shipment's current step, and me?

    Checks in the order of FORMAT.md §8.2 against this replica's state; the first failure raises
    AcceptanceError with its code. Returns the `shipment.handover` body the giver then signs.
    """
    if acceptance.net_prefix != net[:16]:
        raise AcceptanceError("wrong_network")
    shipment = tables.get("shipments", {}).get(acceptance.shipment)
    if shipment is None:
        raise AcceptanceError("unknown_shipment", acceptance.shipment)
    if shipment["status"] != "in_transit":
        raise AcceptanceError("not_in_transit", f"{acceptance.shipment} is {shipment['status']}")
    if acceptance.giver_prefix != giver[:16]:
        raise AcceptanceError("not_for_you")
    if shipment["custodian"] != giver:
        raise AcceptanceError("not_your_custody")
    if acceptance.index != len(shipment["custody"]) - 1:
        raise AcceptanceError("wrong_step", f"step {acceptance.index}, the shipment is at step "
                                            f"{len(shipment['custody']) - 1}")
    member = tables.get("members", {}).get(acceptance.receiver)
    if member is None or member.get("revoked"):
        raise AcceptanceError("not_a_member")
    if not countersignature_valid(net, acceptance.shipment, giver, acceptance.receiver, acceptance.index,
                                  acceptance.receiver_sig):
        raise AcceptanceError("bad_signature")
    return {"shipment": acceptance.shipment, "to": acceptance.receiver, "index": acceptance.index,
            "receiver_sig": acceptance.receiver_sig}


class CodeCheck:
    """The giver's count of wrong codes for one acceptance: after MAX_CODE_ATTEMPTS the acceptance is dropped."""

    def __init__(self, acceptance: Acceptance, net: str, giver: str) -> None:
        self.expected = acceptance.check_code(net, giver)
        self.wrong = 0

    def confirm(self, typed: str) -> None:
        """Raise `code_mismatch` for a wrong code and `too_many_attempts` once the allowance is spent."""
        if self.wrong >= MAX_CODE_ATTEMPTS:
            raise AcceptanceError("too_many_attempts")
        try:
            matches = normalise_code(typed) == self.expected
        except AcceptanceError:
            matches = False
        if not matches:
            self.wrong += 1
            if self.wrong >= MAX_CODE_ATTEMPTS:
                raise AcceptanceError("too_many_attempts")
            raise AcceptanceError("code_mismatch")
