"""An independent state fold, written from docs/FORMAT.md §9 alone, as a third party would write it.

It proves the document is enough: if this module and the reference node ever disagree on a state
digest, either the document leaves something out or says it wrongly. It therefore imports nothing of
app.core's fold (state, approvals, membership, policy, schema, runs, custody, lineage): only the
canonical encoding (§1), which a third party would write once and test against the §10 vectors.
Entries are assumed valid (they passed §5 on receipt); this folds, it does not validate.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from app.core.canonical import decode

# §9.1 "state digest": every table but `ineffective`, each present even when empty.
DIGEST_TABLES = ("network", "members", "items", "sites", "stock", "lots", "requests", "shipments", "distributions",
                 "roads", "records", "conflicts", "flags", "proposals", "policies", "contracts", "allocation_runs",
                 "clock")
# §9.1 "state digest": version 3's tables, digested only when they hold a row.
DIGEST_WHEN_FILLED = ("exercise_clock", "injects")
EXERCISE = ("exercise.clock", "exercise.inject", "exercise.ack")   # §7.1: exercise networks only
MAX = 10**15                                                     # §9 quantity bound
PROPOSAL_TYPES = ("proposal.open", "proposal.approve", "proposal.reject", "proposal.withdraw")
PERMISSIONED = ("stock.adjust", "record.correct", "member.add", "member.update", "member.revoke", "member.pin",
                "contract.deploy", "policy.set")                 # §7.1
DOMAIN = ("item.define", "site.define", "stock.receive", "request.open", "request.cancel", "shipment.dispatch",
          "shipment.position", "shipment.handover", "shipment.accept", "shipment.deliver", "stock.distribute",
          "road.status")
AUTHORS = {                                                      # §7.1 table
    "item.define": "admin commander logistics", "site.define": "admin commander logistics",
    "stock.receive": "commander field logistics", "request.open": "commander field logistics",
    "request.cancel": "commander field logistics", "shipment.dispatch": "commander logistics",
    "shipment.position": "device field logistics", "shipment.handover": "commander field logistics",
    "shipment.accept": "commander field logistics",
    "shipment.deliver": "commander field logistics", "stock.distribute": "commander field logistics",
    "road.status": "commander device field logistics", "allocation.run": "commander logistics",
    "proposal.open": "admin commander field logistics", "proposal.approve": "admin commander field logistics",
    "proposal.reject": "admin commander field logistics", "proposal.withdraw": "admin commander field logistics",
    "exercise.clock": "trainer", "exercise.inject": "trainer", "exercise.ack": "admin commander field logistics",
}
DEFAULT_PROPOSERS = {                                            # §7.3, in this order
    "stock.adjust": ["admin", "commander", "logistics", "field"],
    "record.correct": ["admin", "commander", "logistics"],
}
CORRECTABLE = {"stock.receive": ["qty"], "stock.distribute": ["beneficiaries", "qty"],
               "request.open": ["needed_by_ms", "priority", "qty"]}
DAY_MS = 86_400_000


@dataclass
class E:
    """An entry as §3 defines it (decoded from its canonical bytes)."""

    hash: str
    author: str
    seq: int
    lamport: int
    ts: int
    type: str
    body: dict
    net: str | None = None     # the network id (§3); the acceptance code needs it (§8.5)


CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"                  # §8.3


def acceptance_code(net: str, shipment: str, giver: str, receiver: str, index: int, sig: str) -> str:
    """§8 statement, §8.3 code: SHA-256 over domain, statement and signature; 40 bits in Crockford base32."""
    statement = b"relief-ledger/handover/v1\x00" + canonical_text(
        {"from": giver, "index": index, "net": net, "shipment": shipment, "to": receiver}).encode("utf-8")
    digest = hashlib.sha256(b"relief-ledger/handover-code/v1\x00" + statement + bytes.fromhex(sig)).digest()
    number = int.from_bytes(digest[:5], "big")
    chars = "".join(CROCKFORD[(number >> (35 - 5 * i)) & 31] for i in range(8))
    return chars[:4] + "-" + chars[4:]


def decode_entry(raw: bytes) -> E:
    content = decode(raw)
    return E(hashlib.sha256(raw).hexdigest(), content["author"], content["seq"], content["lamport"], content["ts"],
             content["type"], content["body"], content["net"])


class OutOfRange(Exception):
    pass


def bounded(value: int, what: str) -> int:
    if -MAX <= value <= MAX:
        return value
    raise OutOfRange(f"{what} would become {value:,}, beyond the limit of ±{MAX:,}")


@dataclass
class Fold:
    tables: dict[str, dict[str, Any]] = field(default_factory=lambda: {t: {} for t in DIGEST_TABLES + DIGEST_WHEN_FILLED
                                                                              + ("ineffective",)})
    pins: dict[str, int] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)
    journal: list | None = None

    # rows, with an undo journal so an entry is all or nothing (§9 quantity bound)
    def get(self, table: str, key: str) -> Any:
        return self.tables[table].get(key)

    def put(self, table: str, key: str, row: Any) -> None:
        if self.journal is not None:
            self.journal.append((table, key, copy.deepcopy(self.tables[table].get(key))))
        self.tables[table][key] = row

    def drop(self, table: str, key: str) -> None:
        if self.journal is not None:
            self.journal.append((table, key, copy.deepcopy(self.tables[table].get(key))))
        self.tables[table].pop(key, None)

    def all_or_nothing(self, action) -> str | None:
        outer, self.journal = self.journal, []
        try:
            action()
            return None
        except OutOfRange as exc:
            for table, key, row in reversed(self.journal):
                if row is None:
                    self.tables[table].pop(key, None)
                else:
                    self.tables[table][key] = row
            self.journal = []
            return str(exc)
        finally:
            if outer is not None:
                outer.extend(self.journal)
            self.journal = outer

    def ineffective(self, e: E, code: str) -> None:
        self.put("ineffective", e.hash, {"code": code, "author": e.author, "seq": e.seq, "type": e.type})

    def conflict(self, e: E, kind: str, message: str, **detail: Any) -> None:
        self.put("conflicts", e.hash, {"kind": kind, "entry": e.hash, "message": message, "open": True, **detail})

    def kind(self) -> str:
        return (self.get("network", "network") or {}).get("kind", "live")

    # -- §9: the checks before an entry, then its effect -----------------------------------------------
    def apply(self, e: E) -> None:
        if e.author in self.flagged and e.seq >= self.flagged[e.author]:
            return self.ineffective(e, "equivocation")
        if e.author in self.pins and e.seq > self.pins[e.author]:
            return self.ineffective(e, "beyond_pin")
        if e.type != "genesis":
            m = self.get("members", e.author)
            if m is None:
                return self.ineffective(e, "not_member")
            if m["revoked"]:
                return self.ineffective(e, "revoked")
            if e.type in PERMISSIONED:
                return self.ineffective(e, "needs_approval")
            if e.type in EXERCISE and self.kind() != "exercise":
                return self.ineffective(e, "exercise_only")
            roles = set(m["roles"])
            if not (roles & set(AUTHORS.get(e.type, "").split())
                    or (self.kind() == "exercise" and "trainer" in roles and e.type in DOMAIN)):
                return self.ineffective(e, "role_not_allowed")
        if e.type in PROPOSAL_TYPES:
            return self.workflow(e)
        problem = self.all_or_nothing(lambda: self.effect(e))
        if problem is not None:
            self.ineffective(e, "out_of_range")

    def effect(self, e: E) -> None:
        getattr(self, "do_" + e.type.replace(".", "_"), lambda _e: None)(e)

    # -- membership ----------------------------------------------------------------------------------
    def member_conflict(self, e: E, message: str) -> None:
        self.conflict(e, "membership", message)

    def do_genesis(self, e: E) -> None:
        b = e.body
        for m in b["members"]:
            self.put("members", m["key"], {"key": m["key"], "org": m["org"], "name": m["name"],
                                            "roles": sorted(set(m["roles"])), "revoked": False, "entry": e.hash,
                                            "pin": None})
        self.put("network", "network", {"name": b["name"], "kind": b["kind"], "id": e.hash, "founded_ms": e.ts})
        org = self.get("members", e.author)["org"]
        self.put("clock", org, {"org": org, "ts": e.ts})
        for action, policy in b["policies"].items():
            self.put("policies", action, {"action": action, "policy": policy, "entry": e.hash})

    def do_member_add(self, e: E) -> None:
        b, cur = e.body, self.get("members", e.body["key"])
        if cur is not None:
            return self.member_conflict(e, "a revoked key cannot be re-admitted; enrol a new key" if cur["revoked"]
                                        else "already a member")
        self.put("members", b["key"], {"key": b["key"], "org": b["org"], "name": b["name"],
                                        "roles": sorted(set(b["roles"])), "revoked": False, "entry": e.hash,
                                        "pin": None})

    def do_member_update(self, e: E) -> None:
        b, cur = e.body, self.get("members", e.body["key"])
        if cur is None or cur["revoked"]:
            return self.member_conflict(e, "not a current member")
        row = {**cur, "entry": e.hash}
        for name in ("org", "name"):
            if name in b:
                row[name] = b[name]
        if "roles" in b:
            row["roles"] = sorted(set(b["roles"]))
        self.put("members", b["key"], row)

    def do_member_revoke(self, e: E) -> None:
        b, cur = e.body, self.get("members", e.body["key"])
        if cur is None or cur["revoked"]:
            return self.member_conflict(e, "not a current member")
        self.put("members", b["key"], {**cur, "revoked": True, "entry": e.hash,
                                        "pin": {"seq": b["seq"], "head": b.get("head")}})

    def do_member_pin(self, e: E) -> None:
        b, cur = e.body, self.get("members", e.body["key"])
        if cur is None or not cur["revoked"]:
            return self.member_conflict(e, "only a revoked key's pin can be moved; revoke the key first")
        self.put("members", b["key"], {**cur, "entry": e.hash, "pin": {"seq": b["seq"], "head": b.get("head")}})

    # -- material ------------------------------------------------------------------------------------
    def move(self, e: E, site: str, item: str, lot: str, delta: int) -> None:
        key = f"{site}|{item}|{lot}"
        row = self.get("stock", key) or {"site": site, "item": item, "lot": lot, "qty": 0}
        qty = bounded(row["qty"] + delta, f"the stock of {item} lot {lot} at {site}")
        self.put("stock", key, {**row, "qty": qty})
        ckey = "overdraw:" + key
        c = self.get("conflicts", ckey)
        if qty < 0:
            drawn = (c["entries"] if c and c["open"] else []) + [e.hash]
            self.put("conflicts", ckey, {"kind": "overdraw", "entry": e.hash, "open": True, "site": site,
                                         "item": item, "lot": lot, "balance": qty, "entries": drawn,
                                         "message": f"stock of {item} lot {lot} at {site} is over-drawn by {-qty}"})
        elif c is not None and c["open"]:
            self.put("conflicts", ckey, {**c, "open": False, "balance": qty, "resolved_by": e.hash})

    def lot_event(self, lot: str, item: str, e: E, event: str) -> None:
        row = self.get("lots", lot) or {"lot": lot, "item": item, "sources": [], "received": 0, "events": []}
        self.put("lots", lot, {**row, "events": row["events"] + [[event, e.hash]]})

    def request_status(self, rid: str) -> None:
        r = self.get("requests", rid)
        if r is None or r["status"] == "cancelled":
            return
        status = "filled" if r["delivered"] >= r["qty"] else "partial" if r["delivered"] else "open"
        if status != r["status"]:
            self.put("requests", rid, {**r, "status": status})

    def do_item_define(self, e: E) -> None:
        self.put("items", e.body["item"], {**e.body, "entry": e.hash})

    def do_site_define(self, e: E) -> None:
        self.put("sites", e.body["site"], {**e.body, "entry": e.hash})

    def do_stock_receive(self, e: E) -> None:
        b = e.body
        lot = self.get("lots", b["lot"])
        if lot is not None and lot["item"] != b["item"]:
            return self.conflict(e, "lot_item", f"lot {b['lot']} already holds {lot['item']}, not {b['item']}")
        self.move(e, b["site"], b["item"], b["lot"], b["qty"])
        self.lot_event(b["lot"], b["item"], e, "receive")
        lot = self.get("lots", b["lot"])
        self.put("lots", b["lot"], {**lot, "sources": sorted(set(lot["sources"]) | {b["source"]}),
                                     "received": bounded(lot["received"] + b["qty"],
                                                         f"the quantity received into lot {b['lot']}")})
        self.put("records", e.hash, {"type": e.type, "site": b["site"], "item": b["item"], "lot": b["lot"],
                                     "qty": b["qty"]})

    def do_request_open(self, e: E) -> None:
        b = e.body
        if self.get("requests", b["request"]) is not None:
            return self.conflict(e, "duplicate_id", f"request {b['request']} already exists")
        self.put("requests", b["request"], {
            "request": b["request"], "site": b["site"], "item": b["item"], "qty": b["qty"],
            "priority": b["priority"], "needed_by_ms": b["needed_by_ms"], "status": "open", "delivered": 0,
            "distributed": 0, "opened_ms": e.ts, "entry": e.hash, "by": e.author})
        self.put("records", e.hash, {"type": e.type, "request": b["request"]})

    def do_request_cancel(self, e: E) -> None:
        r = self.get("requests", e.body["request"])
        if r is None:
            return self.conflict(e, "unknown_reference", f"request {e.body['request']} does not exist")
        if r["status"] != "cancelled":
            self.put("requests", r["request"], {**r, "status": "cancelled", "cancelled_by": e.hash})

    def do_shipment_dispatch(self, e: E) -> None:
        b = e.body
        if self.get("shipments", b["shipment"]) is not None:
            return self.conflict(e, "duplicate_id", f"shipment {b['shipment']} already exists")
        for line in b["lines"]:
            self.move(e, b["from_site"], line["item"], line["lot"], -line["qty"])
            self.lot_event(line["lot"], line["item"], e, "dispatch")
        self.put("shipments", b["shipment"], {
            "shipment": b["shipment"], "from_site": b["from_site"], "to_site": b["to_site"], "carrier": b["carrier"],
            "lines": b["lines"], "requests": b.get("requests", []), "status": "in_transit", "custodian": e.author,
            "custody": [{"entry": e.hash, "from": None, "to": e.author}], "position": None,
            "dispatched_ms": e.ts, "dispatch": e.hash, "delivery": None, "received": [], "discrepancies": []})

    def shipment(self, e: E) -> dict | None:
        row = self.get("shipments", e.body["shipment"])
        if row is None:
            self.conflict(e, "unknown_reference", f"shipment {e.body['shipment']} does not exist")
        return row

    def do_shipment_position(self, e: E) -> None:
        b, row = e.body, self.shipment(e)
        if row is not None and (row["position"] is None or b["at_ms"] >= row["position"][2]):
            self.put("shipments", b["shipment"], {**row, "position": [b["lat_e6"], b["lon_e6"], b["at_ms"]]})

    def do_shipment_handover(self, e: E) -> None:
        b, row = e.body, self.shipment(e)
        if row is None:
            return
        sid = b["shipment"]
        if row["status"] != "in_transit":
            return self.conflict(e, "custody", f"shipment {sid} is already {row['status']}")
        if row["custodian"] != e.author or b["index"] != len(row["custody"]) - 1:
            return self.conflict(e, "custody", f"hand-over of {sid} by a party that does not hold custody at this "
                                               f"point (index {b['index']})")
        to = self.get("members", b["to"])
        if to is None or to["revoked"]:
            return self.conflict(e, "custody", f"hand-over of {sid} to a key that is not a current member")
        if "receiver_code" in b:
            return self.meet(e, {**row, "pending": {"entry": e.hash, "to": b["to"], "index": b["index"],
                                                    "code": b["receiver_code"]}})
        kept = {k: v for k, v in row.items() if k not in ("pending", "acceptances")}
        self.put("shipments", sid, {**kept, "custodian": b["to"],
                                    "custody": row["custody"] + [{"entry": e.hash, "from": e.author, "to": b["to"]}]})

    def do_shipment_accept(self, e: E) -> None:
        b, row = e.body, self.shipment(e)
        if row is None:
            return
        sid = b["shipment"]
        if b["index"] + 1 < len(row["custody"]):
            done = row["custody"][b["index"] + 1]
            if done["from"] == b["from"] and done["to"] == e.author:
                return
        if row["status"] != "in_transit":
            return self.conflict(e, "custody", f"shipment {sid} is already {row['status']}")
        if row["custodian"] != b["from"] or b["index"] != len(row["custody"]) - 1:
            return self.conflict(e, "custody", f"acceptance of {sid} for a step that is not open (index {b['index']})")
        code = acceptance_code(e.net, sid, b["from"], e.author, b["index"], b["receiver_sig"])
        others = [a for a in row.get("acceptances", []) if a["to"] != e.author]
        self.meet(e, {**row, "acceptances": others + [{"entry": e.hash, "to": e.author, "code": code}]})

    def meet(self, e: E, r: dict) -> None:
        """§9 *meet*: a pending code hand-over and its receiver's acceptance (§8.5)."""
        p = r.get("pending")
        a = next((x for x in r.get("acceptances", []) if p is not None and x["to"] == p["to"]), None)
        if p is None or a is None:
            return self.put("shipments", r["shipment"], r)
        if a["code"] == p["code"]:
            kept = {k: v for k, v in r.items() if k not in ("pending", "acceptances")}
            step = {"entry": p["entry"], "from": r["custodian"], "to": p["to"], "accept": a["entry"]}
            custody = r["custody"] + [step]
            return self.put("shipments", r["shipment"], {**kept, "custodian": p["to"], "custody": custody})
        self.put("shipments", r["shipment"], r)
        self.conflict(e, "custody", f"the code recorded for the hand-over of {r['shipment']} (index {p['index']}) "
                                    "does not match the receiver's acceptance")

    def do_shipment_deliver(self, e: E) -> None:
        b, row = e.body, self.shipment(e)
        if row is None:
            return
        sid = b["shipment"]
        if row["status"] != "in_transit":
            return self.conflict(e, "duplicate_delivery", f"shipment {sid} was already delivered")
        sent: dict[tuple[str, str], int] = {}
        got: dict[tuple[str, str], int] = {}
        reason: dict[tuple[str, str], str] = {}
        for line in row["lines"]:
            sent[(line["item"], line["lot"])] = sent.get((line["item"], line["lot"]), 0) + line["qty"]
        for line in b["lines"]:
            pair = (line["item"], line["lot"])
            got[pair] = got.get(pair, 0) + line["qty"]
            reason[pair] = line.get("reason", "")
            self.move(e, row["to_site"], line["item"], line["lot"], line["qty"])
            self.lot_event(line["lot"], line["item"], e, "deliver")
        discrepancies = [{"item": i, "lot": lot, "sent": sent.get((i, lot), 0), "received": got.get((i, lot), 0),
                          "reason": reason.get((i, lot), "")}
                         for i, lot in sorted(set(sent) | set(got)) if sent.get((i, lot), 0) != got.get((i, lot), 0)]
        per_item: dict[str, int] = {}
        for (i, _lot), qty in got.items():
            per_item[i] = per_item.get(i, 0) + qty
        for rid in row["requests"]:
            r = self.get("requests", rid)
            if r is None or r["status"] == "cancelled" or per_item.get(r["item"], 0) <= 0:
                continue
            share = min(per_item[r["item"]], max(r["qty"] - r["delivered"], 0))
            per_item[r["item"]] -= share
            self.put("requests", rid, {**r, "delivered": bounded(r["delivered"] + share,
                                                                  f"the quantity delivered for request {rid}")})
            self.request_status(rid)
        self.put("shipments", sid, {**row, "status": "delivered", "delivery": e.hash, "delivered_ms": e.ts,
                                    "received": b["lines"], "discrepancies": discrepancies})
        if discrepancies:
            self.conflict(e, "discrepancy", f"shipment {sid} arrived with {len(discrepancies)} line(s) differing "
                                            "from dispatch", shipment=sid)

    def do_stock_distribute(self, e: E) -> None:
        b = e.body
        self.move(e, b["site"], b["item"], b["lot"], -b["qty"])
        self.lot_event(b["lot"], b["item"], e, "distribute")
        self.put("distributions", e.hash, {"site": b["site"], "item": b["item"], "lot": b["lot"], "qty": b["qty"],
                                           "beneficiaries": b["beneficiaries"], "request": b.get("request"),
                                           "at_ms": e.ts})
        self.put("records", e.hash, {"type": e.type, "site": b["site"], "item": b["item"], "lot": b["lot"],
                                     "qty": b["qty"], "beneficiaries": b["beneficiaries"]})
        r = self.get("requests", b["request"]) if "request" in b else None
        if r is not None:
            self.put("requests", b["request"], {**r, "distributed": bounded(
                r["distributed"] + b["qty"], f"the quantity distributed for request {b['request']}")})

    def do_road_status(self, e: E) -> None:
        self.put("roads", e.body["road"], {**e.body, "entry": e.hash, "at_ms": e.ts})

    # -- permissioned actions (the effect of an approved proposal; e.hash is the proposal's) ----------
    def do_record_correct(self, e: E) -> None:
        b = e.body
        rec = self.get("records", b["target"])
        if rec is None:
            return self.conflict(e, "unknown_reference", "the corrected record does not exist or cannot be corrected")
        if not set(b["set"]) <= set(CORRECTABLE[rec["type"]]):
            return self.conflict(e, "bad_correction", f"{rec['type']} allows corrections of "
                                                      f"{', '.join(CORRECTABLE[rec['type']])} only")
        new = b["set"]
        if rec["type"] in ("stock.receive", "stock.distribute") and "qty" in new:
            delta = new["qty"] - rec["qty"]
            self.move(e, rec["site"], rec["item"], rec["lot"], delta if rec["type"] == "stock.receive" else -delta)
            self.lot_event(rec["lot"], rec["item"], e, "correct")
            if rec["type"] == "stock.receive":
                lot = self.get("lots", rec["lot"])
                if lot is not None:
                    self.put("lots", rec["lot"], {**lot, "received": bounded(
                        lot["received"] + delta, f"the quantity received into lot {rec['lot']}")})
            elif self.get("distributions", b["target"]) is not None:
                self.put("distributions", b["target"], {**self.get("distributions", b["target"]), "qty": new["qty"]})
        if rec["type"] == "stock.distribute" and "beneficiaries" in new and self.get("distributions", b["target"]):
            self.put("distributions", b["target"], {**self.get("distributions", b["target"]),
                                                    "beneficiaries": new["beneficiaries"]})
        if rec["type"] == "request.open" and self.get("requests", rec["request"]) is not None:
            self.put("requests", rec["request"], {**self.get("requests", rec["request"]), **new})
            self.request_status(rec["request"])
        self.put("records", b["target"], {**rec, **new, "corrections": rec.get("corrections", []) + [e.hash]})

    def do_stock_adjust(self, e: E) -> None:
        b = e.body
        lot = self.get("lots", b["lot"])
        if lot is not None and lot["item"] != b["item"]:
            return self.conflict(e, "lot_item", f"lot {b['lot']} holds {lot['item']}, not {b['item']}")
        self.move(e, b["site"], b["item"], b["lot"], b["delta"])
        self.lot_event(b["lot"], b["item"], e, "adjust")

    def do_contract_deploy(self, e: E) -> None:
        b = e.body
        cur = self.get("contracts", b["contract"])
        if cur is not None and cur["version"] >= b["version"]:
            return self.conflict(e, "contract_version", f"contract {b['contract']} is already at version "
                                                        f"{cur['version']}; deploy a higher version")
        self.put("contracts", b["contract"], {"contract": b["contract"], "version": b["version"],
                                              "runtime": b["runtime"],
                                              "source_sha256": hashlib.sha256(b["source"].encode()).hexdigest(),
                                              "entry": e.hash, "deployed_ms": e.ts})

    def do_policy_set(self, e: E) -> None:
        b = e.body
        if b["policy"]:
            self.put("policies", b["action"], {"action": b["action"], "policy": b["policy"], "entry": e.hash})
        else:
            self.drop("policies", b["action"])

    def do_allocation_run(self, e: E) -> None:
        b = e.body
        c = self.get("contracts", b["contract"])
        if c is None or c["version"] != b["version"]:
            return self.ineffective(e, "not_deployed")
        self.put("allocation_runs", e.hash, {
            "run": e.hash, "contract": b["contract"], "version": b["version"], "deploy": c["entry"],
            "source_sha256": c["source_sha256"], "params": b["params"], "input_digest": b["input_digest"],
            "output_digest": b["output_digest"], "allocations": len(b["allocations"]),
            "units": sum(a["qty"] for a in b["allocations"]), "by": e.author, "at_ms": e.ts})

    # -- §9.1 approval workflow -------------------------------------------------------------------------
    # -- §9.5 exercise control -------------------------------------------------------------------------
    @staticmethod
    def scenario_time(row: dict, t: int) -> int:
        if row["status"] == "paused":
            return row["anchor_scenario_ms"]
        return row["anchor_scenario_ms"] + max(0, t - row["anchor_ms"]) * row["speed"]

    def do_exercise_clock(self, e: E) -> None:
        b, row = e.body, self.get("exercise_clock", "clock")
        if b["action"] == "start":
            if row is not None:
                return self.conflict(e, "exercise_clock", "the exercise clock was already started")
            return self.put("exercise_clock", "clock", {"status": "running", "speed": b["speed"], "anchor_ms": e.ts,
                                                        "anchor_scenario_ms": b["scenario_ms"], "started": e.hash,
                                                        "entry": e.hash})
        if row is None:
            return self.conflict(e, "exercise_clock", f"clock action {b['action']} before the exercise clock started")
        now, a = self.scenario_time(row, e.ts), max(e.ts, row["anchor_ms"])
        if b["action"] == "pause":
            if row["status"] == "paused":
                return self.conflict(e, "exercise_clock", "the exercise clock is already paused")
            new = {"status": "paused", "anchor_ms": a, "anchor_scenario_ms": now}
        elif b["action"] == "resume":
            if row["status"] == "running":
                return self.conflict(e, "exercise_clock", "the exercise clock is already running")
            new = {"status": "running", "anchor_ms": a}
        elif b["action"] == "jump":
            if b["scenario_ms"] < now:
                return self.conflict(e, "exercise_clock", f"a jump to {b['scenario_ms']} would run the exercise "
                                                          f"clock backwards from {now}")
            new = {"anchor_ms": a, "anchor_scenario_ms": b["scenario_ms"]}
        else:
            new = {"speed": b["speed"], "anchor_ms": a, "anchor_scenario_ms": now}
        self.put("exercise_clock", "clock", {**row, **new, "entry": e.hash})

    def do_exercise_inject(self, e: E) -> None:
        b, clock = e.body, self.get("exercise_clock", "clock")
        if self.get("injects", b["inject"]) is not None:
            return self.conflict(e, "duplicate_id", f"inject {b['inject']} was already released")
        if clock is None:
            return self.conflict(e, "exercise_clock", f"inject {b['inject']} released before the exercise clock "
                                                      "started")
        self.put("injects", b["inject"], {
            "inject": b["inject"], "kind": b["kind"], "content": b["content"], "cells": b["cells"],
            "sites": b.get("sites", []), "items": b.get("items", []), "due_ms": b["due_ms"], "released_ms": e.ts,
            "released_scenario_ms": self.scenario_time(clock, e.ts), "by": e.author, "entry": e.hash, "acks": {}})

    def do_exercise_ack(self, e: E) -> None:
        b, row = e.body, self.get("injects", e.body["inject"])
        if row is None or row["entry"] != b["release"]:
            return self.conflict(e, "unknown_reference", f"inject {b['inject']} was not released by the entry this "
                                                         "acknowledgement names")
        if b["cell"] not in row["cells"]:
            return self.conflict(e, "exercise_ack", f"inject {b['inject']} was not sent to cell {b['cell']}")
        if b["cell"] in row["acks"]:
            return None
        ack = {"by": e.author, "entry": e.hash, "ack_ms": e.ts,
               "ack_scenario_ms": self.scenario_time(self.get("exercise_clock", "clock"), e.ts)}
        self.put("injects", b["inject"], {**row, "acks": {**row["acks"], b["cell"]: ack}})

    def policy_for(self, action: str) -> dict:
        row = self.get("policies", action)
        spec = row["policy"] if row else None
        proposers = DEFAULT_PROPOSERS.get(action, ["admin", "commander"])
        if not spec:
            return {"quorum": 2, "roles": ["admin", "commander"], "distinct_orgs": False, "expiry_ms": DAY_MS,
                    "proposer_counts": False, "proposers": proposers, "default": True}
        return {"quorum": spec.get("quorum", 2), "roles": sorted(spec.get("roles", ["admin", "commander"])),
                "distinct_orgs": spec.get("distinct_orgs", False), "expiry_ms": spec.get("expiry_ms", DAY_MS),
                "proposer_counts": spec.get("proposer_counts", False),
                "proposers": sorted(spec.get("proposers", proposers)), "default": False}

    def workflow(self, e: E) -> None:
        org = self.get("members", e.author)["org"]
        clock = self.get("clock", org)
        if clock is None or e.ts > clock["ts"]:
            self.put("clock", org, {"org": org, "ts": e.ts})
        members = self.tables["members"]
        orgs = {m["org"] for m in members.values() if not m["revoked"]}
        clocks = sorted(((self.get("clock", o) or {}).get("ts", 0) for o in orgs), reverse=True)
        floor = (self.get("network", "network") or {}).get("founded_ms", 0)
        now = max(floor, clocks[min(2, len(clocks)) - 1]) if clocks else floor
        for key in sorted(self.tables["proposals"]):
            row = self.tables["proposals"][key]
            if row["status"] == "open" and now > row["deadline_ms"]:
                self.put("proposals", key, {**row, "status": "expired", "decided_by": e.hash, "decided_ms": e.ts,
                                            "outcome": "expired: not approved before the deadline"})
        b = e.body
        if e.type == "proposal.open":
            policy = self.policy_for(b["action"])
            if not set(self.get("members", e.author)["roles"]) & set(policy["proposers"]):
                return self.ineffective(e, "not_proposer")
            row = {"proposal": e.hash, "action": b["action"], "body": b["body"], "reason": b["reason"],
                   "subject": subject(b["action"], b["body"]), "proposer": e.author, "opened_ms": e.ts,
                   "deadline_ms": e.ts + policy["expiry_ms"], "policy": policy, "status": "open", "approvals": [],
                   "rejections": [], "withdrawn_by": None, "counted": [], "decided_by": None, "decided_ms": None,
                   "outcome": None, "before": None}
            return self.evaluate(e, row)
        row = self.get("proposals", b["proposal"])
        if row is None:
            return self.ineffective(e, "unknown_proposal")
        if row["status"] != "open":
            return self.ineffective(e, "proposal_closed")
        if e.type == "proposal.withdraw":
            if e.author != row["proposer"]:
                return self.ineffective(e, "not_proposer")
            comment = b.get("comment", "")
            self.put("proposals", row["proposal"], {**row, "status": "withdrawn", "withdrawn_by": e.hash,
                                                    "decided_by": e.hash, "decided_ms": e.ts,
                                                    "outcome": "withdrawn" + (f": {comment}" if comment else "")})
            return
        about = row["body"]["key"] if row["action"].startswith("member.") else None
        if e.author == about:
            return self.ineffective(e, "own_subject")
        if e.author == row["proposer"]:
            return self.ineffective(e, "own_proposal")
        if any(v["by"] == e.author for v in row["approvals"] + row["rejections"]):
            return self.ineffective(e, "already_voted")
        if not self.eligible(e.author, row["policy"]["roles"]):
            return self.ineffective(e, "not_eligible")
        vote = {"by": e.author, "entry": e.hash, "ts": e.ts, "comment": b.get("comment", "")}
        which = "approvals" if e.type == "proposal.approve" else "rejections"
        self.evaluate(e, {**row, which: row[which] + [vote]})

    def eligible(self, key: str, roles: list[str], about: str | None = None) -> bool:
        m = self.get("members", key)
        return key != about and m is not None and not m["revoked"] and bool(set(m["roles"]) & set(roles))

    def evaluate(self, e: E, row: dict) -> None:
        policy = row["policy"]
        about = row["body"]["key"] if row["action"].startswith("member.") else None
        members = self.tables["members"]
        n = sum(1 for k in members if self.eligible(k, policy["roles"], about))
        if policy["default"] and n < 3:
            quorum, proposer_counts = max(1, min(policy["quorum"], n)), True
        else:
            quorum, proposer_counts = policy["quorum"], policy["proposer_counts"]
        candidates = ([row["proposer"]] if proposer_counts else []) + [a["by"] for a in row["approvals"]
                                                                       if a["by"] != row["proposer"]]
        counted = [k for k in candidates if self.eligible(k, policy["roles"], about)]
        rejecters = {r["by"] for r in row["rejections"]}
        undecided = [k for k in sorted(members) if self.eligible(k, policy["roles"], about) and k not in counted
                     and k != row["proposer"] and k not in rejecters]
        if policy["distinct_orgs"]:
            have = len({members[k]["org"] for k in counted})
            possible = len({members[k]["org"] for k in counted + undecided})
        else:
            have, possible = len(counted), len(counted) + len(undecided)
        row = {**row, "counted": counted}
        if have < quorum:
            if row["rejections"] and possible < quorum:
                row = {**row, "status": "rejected", "decided_by": e.hash, "decided_ms": e.ts,
                       "outcome": f"rejected: {row['rejections'][-1]['comment']} (quorum out of reach: "
                                  f"{possible} of {quorum} still possible)"}
            self.put("proposals", row["proposal"], row)
            return
        action, body = row["action"], row["body"]
        before = self.before(action, body)
        effect = E(row["proposal"], row["proposer"], e.seq, e.lamport, e.ts, action, body)
        problem = self.all_or_nothing(lambda: self.effect(effect))
        conflict = self.get("conflicts", row["proposal"])
        if problem is not None:
            outcome = f"out_of_range: {problem}"
        elif conflict is None:
            outcome = "applied"
        else:
            outcome = f"conflict: {conflict['message']}"
        self.put("proposals", row["proposal"], {**row, "status": "approved", "decided_by": e.hash,
                                                "decided_ms": e.ts, "outcome": outcome, "before": before})

    def before(self, action: str, body: dict) -> dict | None:
        if action == "stock.adjust":
            row = self.get("stock", f"{body['site']}|{body['item']}|{body['lot']}")
            return {"qty": row["qty"] if row else 0}
        if action == "record.correct":
            rec = self.get("records", body["target"]) or {}
            return {name: rec.get(name) for name in body["set"]}
        if action.startswith("member."):
            m = self.get("members", body["key"])
            return None if m is None else {k: m[k] for k in ("org", "name", "roles", "revoked", "pin")}
        if action == "contract.deploy":
            c = self.get("contracts", body["contract"])
            return None if c is None else {"version": c["version"]}
        if action == "policy.set":
            p = self.get("policies", body["action"])
            return None if p is None else {"policy": p["policy"]}
        return None


def subject(action: str, body: dict) -> str:
    if action == "stock.adjust":
        return f"stock:{body['site']}|{body['item']}|{body['lot']}"
    if action == "record.correct":
        return f"entry:{body['target']}"
    if action.startswith("member."):
        return f"member:{body['key']}"
    if action == "contract.deploy":
        return f"contract:{body['contract']}"
    return f"policy:{body['action']}"


def settle_pins(ordered: list[E]) -> dict[str, int]:
    """§9.3 steps 1–3."""
    governance = [e for e in ordered if e.type == "genesis" or e.type in PROPOSAL_TYPES]
    applied: dict[str, int] = {}
    rounds: list[dict[str, int]] = []
    for _ in range(8):
        f = Fold(pins=dict(applied))
        for e in governance:
            f.apply(e)
        decided = {k: m["pin"]["seq"] for k, m in f.tables["members"].items() if m["pin"] is not None}
        if decided == applied:
            return applied
        rounds.append(decided)
        applied = decided
    lowest: dict[str, int] = {}
    for decided in rounds:
        for author, seq in decided.items():
            lowest[author] = min(lowest.get(author, seq), seq)
    return lowest


def fold(raws: list[bytes], evidence: list[bytes] = ()) -> Fold:
    """The state of a replica holding the entries `raws` and the equivocation evidence `evidence` (§6, §9)."""
    ordered = sorted((decode_entry(r) for r in raws), key=lambda e: (e.lamport, e.author, e.seq))
    flagged: dict[str, int] = {}
    for e in map(decode_entry, evidence):
        flagged[e.author] = min(flagged.get(e.author, e.seq), e.seq)
    f = Fold(pins=settle_pins(ordered), flagged=flagged)
    for author, seq in flagged.items():
        f.put("flags", author, {"kind": "equivocation", "author": author, "seq": seq,
                                "message": f"signed two different entries as seq {seq}"})
    for e in ordered:
        f.apply(e)
    return f


def canonical_text(value: Any) -> str:
    """§1 encoding without the nesting limit, which §9.1 lifts for the state document."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(f: Fold) -> str:
    document = {t: f.tables[t] for t in DIGEST_TABLES}
    document.update({t: f.tables[t] for t in DIGEST_WHEN_FILLED if f.tables[t]})
    return hashlib.sha256(canonical_text(document).encode("utf-8")).hexdigest()


def table_digest(f: Fold, table: str) -> str:
    """SHA-256 of one table's canonical text, first 16 hex digits: where two folds part (§10 vectors)."""
    return hashlib.sha256(canonical_text(f.tables[table]).encode("utf-8")).hexdigest()[:16]
