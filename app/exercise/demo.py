"""The demo exercise: a plausible cyclone response in the Beira corridor, for training and trying the client.

Three command centers (national EOC Beira, provincial EOCs Chimoio and
Quelimane) with their logistics officers, field teams, a trainer, an observer
and a GPS tracker record a few hundred entries over four simulated days,
including one partition in which two centers draw on the same lot.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.custody import countersign
from app.core.identity import Identity, save_key_file
from app.core.types import EntryType
from app.node import Node, NodeError
from app.paths import DB_NAME, database_url
from app.store.replica_store import ReplicaStore

PASSPHRASE = "demo"
NETWORK_NAME = "EXERCISE Cyclone response 2026"
START_MS = 1_773_468_000_000  # 2026-03-14 06:00 UTC
MINUTE = 60_000
HOUR = 60 * MINUTE

MEMBERS = [
    # short name, display name, organisation, roles
    ("eoc-beira", "National EOC Beira", "INGD", ["admin", "commander"]),
    ("eoc-chimoio", "Provincial EOC Chimoio", "INGD Manica", ["commander", "logistics"]),
    ("eoc-quelimane", "Provincial EOC Quelimane", "INGD Zambezia", ["commander", "logistics"]),
    ("log-wfp", "WFP logistics cell", "WFP", ["logistics"]),
    ("log-unicef", "UNICEF supply officer", "UNICEF", ["logistics"]),
    ("field-dondo", "Field team Dondo", "Mozambique Red Cross", ["field"]),
    ("field-buzi", "Field team Buzi", "MSF", ["field"]),
    ("trainer", "Exercise control", "INGD training unit", ["trainer"]),
    ("observer", "OCHA observer", "OCHA", ["observer"]),
    ("tracker-7", "GPS tracker truck 7", "WFP", ["device"]),
]

SITES = [
    ("WH-BEIRA", "Beira port warehouse", "depot", -19.8290, 34.8420, "WFP"),
    ("WH-CHIMOIO", "Chimoio provincial warehouse", "depot", -19.1164, 33.4833, "INGD Manica"),
    ("WH-QUELIMANE", "Quelimane warehouse", "depot", -17.8786, 36.8883, "INGD Zambezia"),
    ("STG-DONDO", "Dondo staging area", "staging", -19.6094, 34.7431, "INGD"),
    ("STG-NHAMATANDA", "Nhamatanda staging area", "staging", -19.2922, 34.1958, "INGD"),
    ("SHL-DONDO-1", "Dondo school shelter", "shelter", -19.6180, 34.7520, "Mozambique Red Cross"),
    ("SHL-BUZI-1", "Buzi church shelter", "shelter", -19.8731, 34.6022, "MSF"),
    ("SHL-NHAMATANDA-1", "Nhamatanda accommodation centre", "shelter", -19.2600, 34.2100, "IOM"),
    ("SHL-BEIRA-MUNHAVA", "Munhava transit centre", "shelter", -19.8050, 34.8650, "IOM"),
    ("HOS-BEIRA-CENTRAL", "Beira Central Hospital", "hospital", -19.8360, 34.8510, "MISAU"),
    ("HOS-BUZI", "Buzi rural hospital", "hospital", -19.8780, 34.6080, "MISAU"),
    ("DP-TICA", "Tica distribution point", "distribution_point", -19.4240, 34.4510, "WFP"),
    ("VEH-TRUCK-7", "WFP truck 7", "vehicle", -19.8290, 34.8420, "WFP"),
    ("CC-BEIRA", "National EOC Beira", "command_center", -19.8436, 34.8389, "INGD"),
    ("CC-CHIMOIO", "Provincial EOC Chimoio", "command_center", -19.1165, 33.4835, "INGD Manica"),
    ("CC-QUELIMANE", "Provincial EOC Quelimane", "command_center", -17.8764, 36.8872, "INGD Zambezia"),
]

ITEMS = [
    # item, name, unit, category, cold chain, (min, max) in tenths of °C
    ("water-5l", "Drinking water 5 L", "jerrycan", "water", False, None),
    ("aquatabs", "Water purification tablets (50)", "strip", "wash", False, None),
    ("heb", "High-energy biscuits", "carton 10 kg", "food", False, None),
    ("rations-fam", "Family food ration (7 days)", "kit", "food", False, None),
    ("tent-fam", "Family tent 16 m²", "tent", "shelter", False, None),
    ("tarpaulin", "Reinforced tarpaulin 4×6 m", "sheet", "shelter", False, None),
    ("hygiene-kit", "Family hygiene kit", "kit", "wash", False, None),
    ("iehk-basic", "Emergency health kit (basic unit)", "kit", "medical", False, None),
    ("ors", "Oral rehydration salts", "sachet box", "medical", False, None),
    ("vac-measles", "Measles vaccine (10 doses)", "vial", "medical", True, (20, 80)),
    ("vac-ocv", "Oral cholera vaccine (1 dose)", "vial", "medical", True, (20, 80)),
]

RECEIPTS = [
    # site, item, lot, qty, source
    ("WH-BEIRA", "water-5l", "WFP-W-0314", 6000, "WFP pipeline"),
    ("WH-BEIRA", "heb", "WFP-HEB-0314", 900, "WFP pipeline"),
    ("WH-BEIRA", "rations-fam", "WFP-RF-0314", 1500, "WFP pipeline"),
    ("WH-BEIRA", "tent-fam", "NR-TENT-0314", 400, "National reserve"),
    ("WH-BEIRA", "tarpaulin", "IFRC-TARP-0314", 2000, "IFRC regional stock"),
    ("WH-BEIRA", "hygiene-kit", "UNICEF-HK-0314", 1200, "UNICEF"),
    ("WH-BEIRA", "aquatabs", "UNICEF-AQ-0314", 5000, "UNICEF"),
    ("WH-BEIRA", "iehk-basic", "MSF-IEHK-0314", 40, "MSF"),
    ("WH-BEIRA", "ors", "UNICEF-ORS-0314", 800, "UNICEF"),
    ("WH-BEIRA", "vac-ocv", "UNICEF-OCV-0315", 3000, "UNICEF / Gavi stockpile"),
    ("WH-BEIRA", "vac-measles", "UNICEF-MV-0315", 600, "UNICEF"),
    ("WH-CHIMOIO", "water-5l", "NR-W-0314", 2500, "National reserve"),
    ("WH-CHIMOIO", "rations-fam", "NR-RF-0314", 700, "National reserve"),
    ("WH-CHIMOIO", "tarpaulin", "NR-TARP-0314", 600, "National reserve"),
    ("WH-QUELIMANE", "water-5l", "WFP-W-0315Q", 1800, "WFP pipeline"),
    ("WH-QUELIMANE", "hygiene-kit", "UNICEF-HK-0315Q", 500, "UNICEF"),
]

REQUESTS = [
    # request, site, item, qty, priority, hours until needed, requested by
    ("REQ-DON-001", "SHL-DONDO-1", "water-5l", 800, "critical", 12, "field-dondo"),
    ("REQ-DON-002", "SHL-DONDO-1", "heb", 120, "high", 24, "field-dondo"),
    ("REQ-DON-003", "SHL-DONDO-1", "hygiene-kit", 200, "normal", 48, "field-dondo"),
    ("REQ-BUZ-001", "SHL-BUZI-1", "water-5l", 600, "critical", 12, "field-buzi"),
    ("REQ-BUZ-002", "SHL-BUZI-1", "tarpaulin", 300, "high", 24, "field-buzi"),
    ("REQ-BUZ-003", "HOS-BUZI", "iehk-basic", 6, "critical", 18, "field-buzi"),
    ("REQ-BUZ-004", "HOS-BUZI", "ors", 150, "high", 24, "field-buzi"),
    ("REQ-BUZ-005", "HOS-BUZI", "vac-ocv", 1200, "critical", 36, "field-buzi"),
    ("REQ-NHA-001", "SHL-NHAMATANDA-1", "rations-fam", 400, "high", 36, "eoc-chimoio"),
    ("REQ-NHA-002", "SHL-NHAMATANDA-1", "tent-fam", 150, "high", 48, "eoc-chimoio"),
    ("REQ-NHA-003", "SHL-NHAMATANDA-1", "water-5l", 900, "critical", 24, "eoc-chimoio"),
    ("REQ-BEI-001", "SHL-BEIRA-MUNHAVA", "water-5l", 700, "high", 24, "log-wfp"),
    ("REQ-BEI-002", "SHL-BEIRA-MUNHAVA", "hygiene-kit", 300, "normal", 72, "log-unicef"),
    ("REQ-BEI-003", "HOS-BEIRA-CENTRAL", "vac-measles", 200, "high", 48, "log-unicef"),
    ("REQ-TIC-001", "DP-TICA", "rations-fam", 500, "high", 48, "log-wfp"),
    ("REQ-TIC-002", "DP-TICA", "aquatabs", 1500, "normal", 72, "log-unicef"),
]

# shipment, from, to, [(item, lot, qty)], requests, carrier, dispatcher, receiver, route waypoints, delivery changes
SHIPMENTS = [
    ("SHP-001", "WH-BEIRA", "SHL-DONDO-1", [("water-5l", "WFP-W-0314", 800), ("heb", "WFP-HEB-0314", 120)],
     ["REQ-DON-001", "REQ-DON-002"], "WFP truck 7", "log-wfp", "field-dondo",
     [(-19.78, 34.82), (-19.70, 34.78), (-19.64, 34.76)], {("water-5l", "WFP-W-0314"): (776, "24 jerrycans leaking")}),
    ("SHP-002", "WH-BEIRA", "SHL-BUZI-1", [("water-5l", "WFP-W-0314", 600), ("tarpaulin", "IFRC-TARP-0314", 300)],
     ["REQ-BUZ-001", "REQ-BUZ-002"], "MSF boat Buzi 2", "log-wfp", "field-buzi",
     [(-19.86, 34.78), (-19.88, 34.70), (-19.87, 34.63)], {}),
    ("SHP-003", "WH-BEIRA", "HOS-BUZI", [("iehk-basic", "MSF-IEHK-0314", 6), ("ors", "UNICEF-ORS-0314", 150),
                                         ("vac-ocv", "UNICEF-OCV-0315", 1200)],
     ["REQ-BUZ-003", "REQ-BUZ-004", "REQ-BUZ-005"], "Cold-chain truck UNICEF 3", "log-unicef", "field-buzi",
     [(-19.86, 34.78), (-19.88, 34.66)], {}),
    ("SHP-004", "WH-CHIMOIO", "SHL-NHAMATANDA-1", [("rations-fam", "NR-RF-0314", 400), ("water-5l", "NR-W-0314", 900)],
     ["REQ-NHA-001", "REQ-NHA-003"], "INGD truck MN-12", "eoc-chimoio", "eoc-chimoio",
     [(-19.15, 33.80), (-19.22, 34.02), (-19.27, 34.17)], {("water-5l", "NR-W-0314"): (860, "40 short at loading")}),
    ("SHP-005", "WH-BEIRA", "SHL-BEIRA-MUNHAVA",
     [("water-5l", "WFP-W-0314", 700), ("hygiene-kit", "UNICEF-HK-0314", 300)],
     ["REQ-BEI-001", "REQ-BEI-002"], "City council truck", "log-wfp", "log-unicef",
     [(-19.82, 34.85)], {}),
    ("SHP-006", "WH-BEIRA", "HOS-BEIRA-CENTRAL", [("vac-measles", "UNICEF-MV-0315", 200)],
     ["REQ-BEI-003"], "Cold-chain van UNICEF 1", "log-unicef", "log-unicef", [(-19.832, 34.846)], {}),
    ("SHP-007", "WH-BEIRA", "DP-TICA", [("rations-fam", "WFP-RF-0314", 500), ("aquatabs", "UNICEF-AQ-0314", 1500)],
     ["REQ-TIC-001", "REQ-TIC-002"], "WFP truck 9", "log-wfp", "field-dondo",
     [(-19.70, 34.74), (-19.55, 34.60), (-19.45, 34.48)], None),  # still on the road
    ("SHP-008", "WH-BEIRA", "STG-NHAMATANDA", [("tent-fam", "NR-TENT-0314", 150), ("tarpaulin", "IFRC-TARP-0314", 400)],
     ["REQ-NHA-002"], "INGD truck SF-03", "eoc-beira", "eoc-chimoio",
     [(-19.70, 34.74), (-19.45, 34.45)], None),
]

ROADS = [
    ("EN6-PUNGWE", "EN6 bridge over the Pungwe at Tica", "closed",
     [(-19.4330, 34.4410), (-19.4180, 34.4620)], "Bridge deck washed out; detour via Dondo–Mafambisse"),
    ("R-BUZI", "Road Beira–Buzi", "closed", [(-19.8500, 34.7800), (-19.8720, 34.6100)], "Flooded; boats only"),
    ("EN6-DONDO", "EN6 Beira–Dondo", "restricted", [(-19.8000, 34.8300), (-19.6100, 34.7400)],
     "One lane open, max 10 t"),
    ("EN1-NHAMATANDA", "EN1 north of Nhamatanda", "open", [(-19.2900, 34.2000), (-19.1000, 34.3000)], None),
]


@dataclass(frozen=True)
class DemoSummary:
    data_dir: Path
    network_name: str
    passphrase: str
    fingerprint: str
    entries: int
    open_conflicts: int

    def __str__(self) -> str:
        return (f"Demo exercise network '{self.network_name}' built in {self.data_dir}\n"
                f"  entries          {self.entries}\n"
                f"  your key         {self.fingerprint} (National EOC Beira)\n"
                f"  passphrase       {self.passphrase}\n"
                f"  open conflicts   {self.open_conflicts}\n"
                f"Open it:   relief-ledger gui --data {self.data_dir}\n"
                f"Check it:  relief-ledger verify --data {self.data_dir}")


def micro(degrees: float) -> int:
    """Demo coordinates are written as decimal literals; rounding them once here is exact enough."""
    return int(round(degrees * 1_000_000))


class _Operation:
    """Records the operation on one replica, switching signer per entry."""

    def __init__(self, node: Node, people: dict[str, Identity], rng: random.Random, clock: _Clock) -> None:
        self.node, self.people, self.rng, self.clock = node, people, rng, clock

    def record(self, who: str, entry_type: str, body: dict, minutes: int = 7) -> str:
        self.clock.advance(minutes + self.rng.randrange(0, 5))
        self.node.sign_as(self.people[who])
        return self.node.append(entry_type, body).hash


class _Clock:
    def __init__(self) -> None:
        self.now = START_MS

    def advance(self, minutes: int) -> None:
        self.now += minutes * MINUTE

    def __call__(self) -> int:
        return self.now


def _identities(seed: int | None) -> dict[str, Identity]:
    if seed is None:
        return {name: Identity.generate() for name, *_ in MEMBERS}
    return {name: Identity.from_seed(f"relief-ledger-demo/{seed}/{name}".encode()) for name, *_ in MEMBERS}


def build_demo(data_dir: Path, progress: bool = True, seed: int | None = None) -> DemoSummary:
    """Build the demo replica in `data_dir` (refused if a replica is already there)."""
    from tqdm import tqdm

    data_dir = Path(data_dir)
    if (data_dir / DB_NAME).exists():
        raise NodeError(f"{data_dir} already holds a replica; give `--data` a new directory for the demo",
                        "data_dir_in_use")
    rng = random.Random(seed if seed is not None else 20260314)
    people = _identities(seed)
    clock = _Clock()
    founder = MEMBERS[0]
    members = [{"key": people[n].public_key_hex, "org": org, "name": display, "roles": roles}
               for n, display, org, roles in MEMBERS[1:]]
    node = Node.create_network(data_dir, people[founder[0]], name=NETWORK_NAME, kind="exercise", org=founder[2],
                               display_name=founder[1], passphrase=PASSPHRASE, members=members, clock=clock)
    try:
        for name, display, *_ in MEMBERS[1:]:
            save_key_file(data_dir / "demo-keys" / f"{name}.key", people[name], PASSPHRASE, label=display)
        steps = _plan()
        with tqdm(total=len(steps), unit="step", desc="building demo", disable=not progress, leave=False) as bar:
            op = _Operation(node, people, rng, clock)
            for step in steps:
                step(op)
                bar.update()
        node.sign_as(people[founder[0]])
        return DemoSummary(data_dir, NETWORK_NAME, PASSPHRASE, people[founder[0]].fingerprint,
                           node.entry_count(),
                           sum(1 for c in node.state.tables["conflicts"].values() if c["open"]))
    finally:
        node.close()


def _plan() -> list:
    """The operation as a list of steps; each step records one or a few entries."""
    steps: list = []
    steps.append(_catalog)
    steps.extend(_receipt(r) for r in RECEIPTS)
    steps.extend(_road(r) for r in ROADS[:2])
    steps.extend(_request(r) for r in REQUESTS)
    for shipment in SHIPMENTS:
        steps.append(_shipment(shipment))
    steps.append(_road(ROADS[2]))
    steps.append(_road(ROADS[3]))
    steps.append(_correction)
    steps.append(_distributions)
    steps.extend(_wave(day) for day in (2, 3, 4))
    steps.append(_partition_overdraw)
    steps.append(_trainer_inject)
    steps.append(_adjustments)
    return steps


def _catalog(op: _Operation) -> None:
    for site, name, kind, lat, lon, org in SITES:
        op.record("eoc-beira", EntryType.SITE_DEFINE, {"site": site, "name": name, "kind": kind, "lat_e6": micro(lat),
                                                       "lon_e6": micro(lon), "org": org}, minutes=1)
    for item, name, unit, category, cold, temps in ITEMS:
        body = {"item": item, "name": name, "unit": unit, "category": category, "cold_chain": cold}
        if temps:
            body["temp_min_dc"], body["temp_max_dc"] = temps
        op.record("log-wfp", EntryType.ITEM_DEFINE, body, minutes=1)


def _receipt(receipt: tuple) -> object:
    site, item, lot, qty, source = receipt

    def step(op: _Operation) -> None:
        who = {"WH-CHIMOIO": "eoc-chimoio", "WH-QUELIMANE": "eoc-quelimane"}.get(
            site, "log-unicef" if "UNICEF" in lot else "log-wfp")
        body = {"site": site, "item": item, "lot": lot, "qty": qty, "source": source}
        if item.startswith("vac-"):
            body["expiry_ms"] = START_MS + 200 * 24 * HOUR
        op.record(who, EntryType.STOCK_RECEIVE, body, minutes=20)
    return step


def _road(road: tuple) -> object:
    road_id, name, status, path, note = road

    def step(op: _Operation) -> None:
        body = {"road": road_id, "name": name, "status": status, "path": [[micro(a), micro(b)] for a, b in path]}
        if note:
            body["note"] = note
        reporter = "field-dondo" if "DONDO" in road_id or "PUNGWE" in road_id else "eoc-beira"
        op.record(reporter, EntryType.ROAD_STATUS, body)
    return step


def _request(request: tuple) -> object:
    request_id, site, item, qty, priority, hours, who = request

    def step(op: _Operation) -> None:
        op.record(who, EntryType.REQUEST_OPEN, {"request": request_id, "site": site, "item": item, "qty": qty,
                                                "priority": priority, "needed_by_ms": op.clock.now + hours * HOUR},
                  minutes=15)
    return step


def _shipment(shipment: tuple) -> object:
    ship_id, origin, dest, lines, requests, carrier, dispatcher, receiver, route, changes = shipment

    def step(op: _Operation) -> None:
        op.record(dispatcher, EntryType.SHIPMENT_DISPATCH, {
            "shipment": ship_id, "from_site": origin, "to_site": dest, "carrier": carrier,
            "lines": [{"item": i, "lot": lot, "qty": q} for i, lot, q in lines], "requests": requests}, minutes=30)
        holder = dispatcher
        for index, (lat, lon) in enumerate(route):
            reporter = "tracker-7" if carrier.startswith("WFP truck") else "log-wfp"
            for jitter in range(3):
                op.record(reporter, EntryType.SHIPMENT_POSITION, {
                    "shipment": ship_id, "lat_e6": micro(lat) + op.rng.randrange(-900, 900) * (jitter + 1),
                    "lon_e6": micro(lon) + op.rng.randrange(-900, 900) * (jitter + 1), "at_ms": op.clock.now + 60_000},
                    minutes=12)
            if index == len(route) // 2 and receiver != holder and receiver != dispatcher:
                shipment_row = op.node.state.tables["shipments"][ship_id]  # dispatched above
                position = len(shipment_row["custody"]) - 1
                code = countersign(op.people[receiver], op.node.network_id, ship_id,
                                   op.people[holder].public_key_hex, position)
                op.record(holder, EntryType.SHIPMENT_HANDOVER, {"shipment": ship_id,
                                                                "to": op.people[receiver].public_key_hex,
                                                                "index": position, "receiver_sig": code,
                                                                "note": "Handed over at the checkpoint"})
                holder = receiver
        if changes is None:
            return
        delivered = []
        for item, lot, qty in lines:
            got, reason = changes.get((item, lot), (qty, None))
            line = {"item": item, "lot": lot, "qty": got}
            if reason:
                line["reason"] = reason
            delivered.append(line)
        deliverer = holder if holder in ("field-dondo", "field-buzi", "log-unicef", "eoc-chimoio") else "field-dondo"
        op.record(deliverer, EntryType.SHIPMENT_DELIVER, {"shipment": ship_id, "lines": delivered}, minutes=40)
    return step


WAVE_NEEDS = [
    # site, item, lot at Beira, reporter, deliverer
    ("SHL-DONDO-1", "water-5l", "WFP-W-0314", "field-dondo"),
    ("SHL-DONDO-1", "hygiene-kit", "UNICEF-HK-0314", "field-dondo"),
    ("SHL-BUZI-1", "water-5l", "WFP-W-0314", "field-buzi"),
    ("SHL-BUZI-1", "heb", "WFP-HEB-0314", "field-buzi"),
    ("SHL-BEIRA-MUNHAVA", "rations-fam", "WFP-RF-0314", "log-wfp"),
]


def _wave(day: int) -> object:
    """A day of resupply: fresh requests from the shelters, one convoy per shelter, deliveries, distributions."""

    def step(op: _Operation) -> None:
        op.clock.advance(12 * 60)
        for site, item, lot, who in WAVE_NEEDS:
            request = f"REQ-D{day}-{site.split('-')[1][:3]}-{item[:3].upper()}"
            qty = op.rng.randrange(8, 30) * 10
            op.record(who, EntryType.REQUEST_OPEN, {"request": request, "site": site, "item": item, "qty": qty,
                                                    "priority": op.rng.choice(["critical", "high", "high", "normal"]),
                                                    "needed_by_ms": op.clock.now + 24 * HOUR})
            shipment = f"SHP-D{day}-{site.split('-')[1][:3]}-{item[:3].upper()}"
            op.record("log-wfp", EntryType.SHIPMENT_DISPATCH, {
                "shipment": shipment, "from_site": "WH-BEIRA", "to_site": site, "carrier": "WFP truck 7",
                "lines": [{"item": item, "lot": lot, "qty": qty}], "requests": [request]}, minutes=25)
            dest = next(s for s in SITES if s[0] == site)
            for leg in range(1, 5):
                lat = -19.829 + (dest[3] + 19.829) * leg / 5
                lon = 34.842 + (dest[4] - 34.842) * leg / 5
                op.record("tracker-7", EntryType.SHIPMENT_POSITION, {"shipment": shipment, "lat_e6": micro(lat),
                                                                     "lon_e6": micro(lon),
                                                                     "at_ms": op.clock.now + MINUTE},
                          minutes=10)
            op.record(who, EntryType.SHIPMENT_DELIVER, {"shipment": shipment,
                                                        "lines": [{"item": item, "lot": lot, "qty": qty}]}, minutes=20)
            for _round in range(2):
                op.record(who, EntryType.STOCK_DISTRIBUTE, {"site": site, "item": item, "lot": lot, "qty": qty // 2,
                                                            "beneficiaries": (qty // 2) * op.rng.randrange(2, 6),
                                                            "request": request}, minutes=50)
    return step


def _correction(op: _Operation) -> None:
    """A receipt typed with one zero too many, noticed and corrected by the commander."""
    target = op.record("log-wfp", EntryType.STOCK_RECEIVE, {"site": "WH-BEIRA", "item": "ors", "lot": "UNICEF-ORS-0316",
                                                            "qty": 3000, "source": "UNICEF"})
    op.record("field-buzi", EntryType.REQUEST_OPEN, {"request": "REQ-BUZ-006", "site": "HOS-BUZI", "item": "ors",
                                                     "qty": 100, "priority": "normal",
                                                     "needed_by_ms": op.clock.now + 72 * HOUR})
    proposal = op.record("eoc-beira", EntryType.PROPOSAL_OPEN, {
        "action": EntryType.RECORD_CORRECT, "reason": "Waybill says 300 boxes, not 3000",
        "body": {"target": target, "reason": "Waybill says 300 boxes, not 3000", "set": {"qty": 300}}}, minutes=30)
    op.record("eoc-chimoio", EntryType.PROPOSAL_APPROVE, {"proposal": proposal, "comment": "Matches the waybill scan"})
    op.record("eoc-quelimane", EntryType.PROPOSAL_APPROVE, {"proposal": proposal})


def _adjustments(op: _Operation) -> None:
    """Stock counts that differ from the books go through approval: one rejected, one still waiting."""
    rejected = op.record("log-wfp", EntryType.PROPOSAL_OPEN, {
        "action": EntryType.STOCK_ADJUST, "reason": "Cycle count at Beira warehouse",
        "body": {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314", "delta": -500,
                 "reason": "Cycle count: 500 jerrycans fewer than booked"}})
    op.record("eoc-chimoio", EntryType.PROPOSAL_REJECT, {
        "proposal": rejected, "comment": "Count again: the dispatch to Dondo was still on the loading bay"})
    # a rejection is a vote: with three commanders, two rejections put the quorum of two out of reach
    op.record("eoc-beira", EntryType.PROPOSAL_REJECT, {
        "proposal": rejected, "comment": "Agreed: recount after the Dondo truck has left"}, minutes=10)
    waiting = op.record("log-wfp", EntryType.PROPOSAL_OPEN, {
        "action": EntryType.STOCK_ADJUST, "reason": "Rain damage after the roof failed",
        "body": {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314", "delta": -120,
                 "reason": "120 jerrycans punctured under fallen roof sheets"}}, minutes=20)
    op.record("eoc-quelimane", EntryType.PROPOSAL_APPROVE, {"proposal": waiting,
                                                            "comment": "Photos seen on the radio net"})


def _distributions(op: _Operation) -> None:
    plan = [("SHL-DONDO-1", "water-5l", "WFP-W-0314", "REQ-DON-001", "field-dondo"),
            ("SHL-DONDO-1", "heb", "WFP-HEB-0314", "REQ-DON-002", "field-dondo"),
            ("SHL-BUZI-1", "water-5l", "WFP-W-0314", "REQ-BUZ-001", "field-buzi"),
            ("SHL-BUZI-1", "tarpaulin", "IFRC-TARP-0314", "REQ-BUZ-002", "field-buzi"),
            ("SHL-NHAMATANDA-1", "rations-fam", "NR-RF-0314", "REQ-NHA-001", "eoc-chimoio"),
            ("SHL-BEIRA-MUNHAVA", "water-5l", "WFP-W-0314", "REQ-BEI-001", "log-wfp")]
    for day in range(4):
        for site, item, lot, request, who in plan:
            held = op.node.state.get("stock", f"{site}|{item}|{lot}")
            if not held or held["qty"] <= 0:
                continue
            qty = max(1, min(held["qty"], held["qty"] // (4 - day) + op.rng.randrange(0, 5)))
            op.record(who, EntryType.STOCK_DISTRIBUTE, {"site": site, "item": item, "lot": lot, "qty": qty,
                                                        "beneficiaries": qty * op.rng.randrange(2, 6),
                                                        "request": request},
                      minutes=45)


def _partition_overdraw(op: _Operation) -> None:
    """Chimoio loses its link; both Beira and Chimoio dispatch Chimoio's last tarpaulins, then the link returns."""
    scratch = Path(tempfile.mkdtemp(prefix="relief-ledger-demo-partition-"))
    try:
        cut_off = _replica_copy(op.node, scratch, op.clock)
        op.clock.advance(60)
        cut_off.sign_as(op.people["eoc-chimoio"])
        chimoio = cut_off.append(EntryType.SHIPMENT_DISPATCH, {
            "shipment": "SHP-009", "from_site": "WH-CHIMOIO", "to_site": "STG-NHAMATANDA",
            "carrier": "INGD truck MN-14", "lines": [{"item": "tarpaulin", "lot": "NR-TARP-0314", "qty": 450}]})
        op.clock.advance(5)
        op.record("eoc-beira", EntryType.SHIPMENT_DISPATCH, {
            "shipment": "SHP-010", "from_site": "WH-CHIMOIO", "to_site": "SHL-NHAMATANDA-1",
            "carrier": "INGD truck MN-02", "lines": [{"item": "tarpaulin", "lot": "NR-TARP-0314", "qty": 300}],
            "note": "Ordered by radio while Chimoio was unreachable"})
        op.node.receive([chimoio])
        cut_off.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _replica_copy(node: Node, scratch: Path, clock: _Clock) -> Node:
    """A second replica that received everything `node` holds, as a cut-off center had before the link failed."""
    copy = Node(ReplicaStore(database_url(scratch)), None, scratch, clock)
    report = copy.receive(list(node.entries_in_order()))
    if report.refused or report.deferred:
        raise NodeError(f"demo partition copy failed: {report.summary()}", "demo_copy_failed")
    return copy


def _trainer_inject(op: _Operation) -> None:
    """Exercise control injects an event: a new urgent request from a cut-off village."""
    op.record("trainer", EntryType.REQUEST_OPEN, {"request": "INJ-001", "site": "SHL-BUZI-1", "item": "aquatabs",
                                                  "qty": 400, "priority": "critical",
                                                  "needed_by_ms": op.clock.now + 6 * HOUR,
                                                  "note": "INJECT: cholera cases reported in Buzi"})
