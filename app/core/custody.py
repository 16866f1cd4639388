"""Custody hand-over counter-signatures: the receiver's word that it took the goods.

The giver authors the `shipment.handover` entry; inside it sits the receiver's
signature over a statement naming network, shipment, giver, receiver and the
hand-over's index in the custody chain, so it cannot be replayed elsewhere.
"""

from __future__ import annotations

from app.core import canonical
from app.core.identity import Identity, verify_signature

HANDOVER_DOMAIN = b"relief-ledger/handover/v1\x00"


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
