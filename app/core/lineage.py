"""Lineage: where material came from and where it went, read from projected state.

Lots carry the ordered list of entries that moved them; shipments link
dispatch to delivery. From any lot, shipment or delivery the trail leads back
to the receipts (and their sources) and forward to distributions.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.state import LedgerState


@dataclass(frozen=True)
class Step:
    event: str
    entry: str
    lot: str


def lot_trail(state: LedgerState, lot: str) -> list[Step]:
    row = state.get("lots", lot)
    return [Step(event, entry, lot) for event, entry in row["events"]] if row else []


def lots_of_shipment(state: LedgerState, shipment: str) -> list[str]:
    row = state.get("shipments", shipment)
    if row is None:
        return []
    return sorted({line["lot"] for line in row["lines"]} | {line["lot"] for line in row["received"]})


def shipment_of_entry(state: LedgerState, entry_hash: str) -> str | None:
    for row in state.tables["shipments"].values():
        if row["dispatch"] == entry_hash or row["delivery"] == entry_hash or \
                any(step["entry"] == entry_hash for step in row["custody"]):
            return row["shipment"]
    return None


def lots_of_entry(state: LedgerState, entry_hash: str) -> list[str]:
    """Lots an entry moved: for shipments every lot on it, else the lots naming the entry."""
    shipment = shipment_of_entry(state, entry_hash)
    if shipment is not None:
        return lots_of_shipment(state, shipment)
    return sorted(lot for lot, row in state.tables["lots"].items() if any(e == entry_hash for _ev, e in row["events"]))


def lineage(state: LedgerState, entry_hash: str) -> tuple[list[Step], list[Step]]:
    """(back to the sources, forward to where it went) for any entry that moved material."""
    back: list[Step] = []
    forward: list[Step] = []
    for lot in lots_of_entry(state, entry_hash):
        trail = lot_trail(state, lot)
        position = next((i for i, step in enumerate(trail) if step.entry == entry_hash), len(trail))
        back.extend(trail[:position])
        forward.extend(trail[position + 1:])
    return back, forward
