"""A small LIVE network a trainer might fork an exercise from: the demo's catalogue and warehouses at Beira,
recorded by one commander on a clock the test sets, so `--at` can name an instant exactly."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.core.identity import Identity
from app.core.types import EntryType
from app.exercise.demo import ITEMS, RECEIPTS, ROADS, SITES, micro
from app.node import Node

PASSPHRASE = "live passphrase"
T0 = 1_773_468_000_000        # 2026-03-14 06:00 UTC: the live genesis
HOUR = 3_600_000


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> int:
        return self.now


def build_live(data: Path) -> dict[str, str]:
    """Catalogue at T0; receipts at T0+1h; roads and a request at T0+2h; a delivery of part of the request
    at T0+3h; the road reopened and stock distributed at T0+4h. Returns hashes of named moments."""
    clock = Clock()
    commander = Identity.from_seed(b"relief-ledger-test/live-commander")
    node = Node.create_network(data, commander, name="Cyclone response (live)", kind="live", org="INGD",
                               display_name="National EOC", passphrase=PASSPHRASE, clock=clock)
    marks: dict[str, str] = {}
    try:
        for site, name, kind, lat, lon, org in SITES:
            node.append(EntryType.SITE_DEFINE, {"site": site, "name": name, "kind": kind, "lat_e6": micro(lat),
                                                "lon_e6": micro(lon), "org": org})
        for item, name, unit, category, cold, temps in ITEMS:
            body: dict = {"item": item, "name": name, "unit": unit, "category": category, "cold_chain": cold}
            if temps:
                body["temp_min_dc"], body["temp_max_dc"] = temps
            node.append(EntryType.ITEM_DEFINE, body)
        clock.now = T0 + HOUR
        for site, item, lot, qty, source in RECEIPTS:
            receipt = {"site": site, "item": item, "lot": lot, "qty": qty, "source": source}
            if item.startswith("vac-"):
                receipt["expiry_ms"] = T0 + 200 * 24 * HOUR
            marks["receipts"] = node.append(EntryType.STOCK_RECEIVE, receipt).hash
        clock.now = T0 + 2 * HOUR
        for road, name, status, path, note in ROADS:
            body = {"road": road, "name": name, "status": status, "path": [[micro(a), micro(b)] for a, b in path]}
            if note:
                body["note"] = note
            node.append(EntryType.ROAD_STATUS, body)
        node.append(EntryType.REQUEST_OPEN, {"request": "REQ-DON-001", "site": "SHL-DONDO-1", "item": "water-5l",
                                             "qty": 800, "priority": "critical", "needed_by_ms": T0 + 14 * HOUR})
        marks["request"] = node.append(EntryType.REQUEST_OPEN, {
            "request": "REQ-BUZ-009", "site": "SHL-BUZI-1", "item": "heb", "qty": 50, "priority": "high",
            "needed_by_ms": T0 + 26 * HOUR}).hash
        clock.now = T0 + 3 * HOUR
        node.append(EntryType.SHIPMENT_DISPATCH, {
            "shipment": "SHP-001", "from_site": "WH-BEIRA", "to_site": "SHL-DONDO-1", "carrier": "WFP truck 7",
            "lines": [{"item": "water-5l", "lot": "WFP-W-0314", "qty": 300}], "requests": ["REQ-DON-001"]})
        marks["delivered"] = node.append(EntryType.SHIPMENT_DELIVER, {
            "shipment": "SHP-001", "lines": [{"item": "water-5l", "lot": "WFP-W-0314", "qty": 300}]}).hash
        clock.now = T0 + 4 * HOUR
        node.append(EntryType.ROAD_STATUS, {"road": "R-BUZI", "name": "Road Beira–Buzi", "status": "open",
                                            "path": [[micro(-19.85), micro(34.78)], [micro(-19.872), micro(34.61)]]})
        node.append(EntryType.REQUEST_CANCEL, {"request": "REQ-BUZ-009", "reason": "Served by MSF directly"})
        marks["last"] = node.append(EntryType.STOCK_DISTRIBUTE, {
            "site": "SHL-DONDO-1", "item": "water-5l", "lot": "WFP-W-0314", "qty": 100, "beneficiaries": 400,
            "request": "REQ-DON-001"}).hash
    finally:
        node.close()
    return marks


def fingerprint_files(directory: Path) -> dict[str, str]:
    """Every file under `directory` and the SHA-256 of its bytes: equal before and after means untouched."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}
