"""What a record form offers for a field that names something the ledger knows.

An operator picks a site, an item, a lot, a request, a shipment or a member by its name and sees
what matters for the choice (a lot's quantity at the source site and its expiry, what a request
still needs, a shipment's route); the form signs the code. New ids are proposed from the ids
already in use. Pure: reads projected tables only, so the same state offers the same choices.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from app.core.types import Tables

PRIORITY_ORDER = {"critical": 0, "high": 1, "normal": 2, "low": 3}
OPEN_STATUSES = ("open", "partial")
STORE_KINDS = ("depot", "staging")   # sites that hold stock to send on (a shelter holds it for its own people)
# The prefix of a new id when its table has none to follow (an operator may type another).
ID_KINDS = {"shipments": "SHP", "requests": "REQ", "roads": "RD"}
ID_WIDTH = 3
_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_NO_EXPIRY = 2**63


@dataclass(frozen=True)
class Choice:
    """One thing a field may name: `code` is what is signed, `name` what the operator reads first.

    The optional facts are shown next to the name; which are set depends on what is offered.
    """

    code: str
    name: str
    kind: str = ""                   # site, item, member, lot, source, request, shipment
    org: str = ""                    # a member's or site's organisation
    item: str = ""                   # the item a lot or request is of (code)
    item_name: str = ""
    qty: int | None = None           # a lot's quantity at the site in question
    unit: str = ""
    expiry_ms: int | None = None     # a lot's earliest stated expiry
    need: int | None = None          # a request's quantity not yet delivered
    on_the_way: int = 0              # of that need, what shipments in transit carry
    priority: str = ""
    needed_by_ms: int | None = None
    from_site: str = ""              # a shipment's route, as site names
    to_site: str = ""
    holder: str = ""                 # a shipment's custodian, by name
    record_type: str = ""            # the entry type of a correctable record
    at_ms: int | None = None         # when a record was made, where state keeps it
    suggested: bool = False          # the one to take unless the operator knows better (first expiry first out)
    search: tuple[str, ...] = field(default=(), compare=False)  # extra words a search may match

    @property
    def to_send(self) -> int:
        """What a request still needs beyond what is already on the way (0 when covered)."""
        return max((self.need or 0) - self.on_the_way, 0)


def name_of(tables: Tables, table: str, key: str) -> str:
    row = tables.get(table, {}).get(key)
    return str(row["name"]) if row and row.get("name") else key


def sites(tables: Tables) -> list[Choice]:
    """Every defined site, by name."""
    rows = tables.get("sites", {})
    return sorted((Choice(code, str(r.get("name") or code), "site", org=str(r.get("org", "")),
                          search=(str(r.get("kind", "")),))
                   for code, r in rows.items()), key=lambda c: (c.name.casefold(), c.code))


def items(tables: Tables) -> list[Choice]:
    """Every catalogue item, by name, with its unit."""
    rows = tables.get("items", {})
    return sorted((Choice(code, str(r.get("name") or code), "item", unit=str(r.get("unit", "")),
                          search=(str(r.get("category", "")),))
                   for code, r in rows.items()), key=lambda c: (c.name.casefold(), c.code))


def members(tables: Tables, roles: Iterable[str] | None = None) -> list[Choice]:
    """Current members by display name and organisation (the key is the code, never the label); with
    `roles`, only members holding one of them (a hand-over goes to someone who can carry it on)."""
    rows = tables.get("members", {})
    wanted = set(roles) if roles is not None else None
    return sorted((Choice(key, str(r.get("name") or key[:12]), "member", org=str(r.get("org", "")))
                   for key, r in rows.items()
                   if not r.get("revoked") and (wanted is None or wanted & set(r.get("roles", [])))),
                  key=lambda c: (c.name.casefold(), c.code))


def lots_at(tables: Tables, site: str | None, item: str | None = None, expiry: Mapping[str, int] | None = None,
            include_empty: bool = False) -> list[Choice]:
    """Lots held at `site` (of `item` when given), first expiry first out.

    Order: earliest expiry first (lots with no stated expiry after those with one), then the larger
    quantity, then the lot code. The first lot with stock is marked suggested. With `include_empty`
    (an adjustment corrects a count) lots whose balance is zero or below are offered too, after the rest,
    and none is suggested: which lot a count corrects is the operator's to say.
    """
    if not site:
        return []
    expiry = expiry or {}
    found: list[Choice] = []
    for row in tables.get("stock", {}).values():
        if row["site"] != site or (item and row["item"] != item):
            continue
        if row["qty"] <= 0 and not include_empty:
            continue
        item_row = tables.get("items", {}).get(row["item"], {})
        found.append(Choice(row["lot"], row["lot"], "lot", item=row["item"], item_name=str(item_row.get("name", "")),
                            qty=row["qty"], unit=str(item_row.get("unit", "")),
                            expiry_ms=expiry.get(row["lot"]),
                            search=(str(item_row.get("name", row["item"])),)))
    found.sort(key=lambda c: (c.qty is None or c.qty <= 0,
                              c.expiry_ms if c.expiry_ms is not None else _NO_EXPIRY, -(c.qty or 0), c.code))
    if found and (found[0].qty or 0) > 0 and not include_empty:
        found[0] = replace(found[0], suggested=True)
    return found


def fefo_lines(tables: Tables, site: str | None, item: str, qty: int,
               expiry: Mapping[str, int] | None = None) -> list[dict]:
    """Dispatch lines taking `qty` of `item` at `site` first expiry first out: from each lot in the order
    `lots_at` gives, as much as it holds, until `qty` is covered. What the site cannot cover is left out
    (an over-draw is the operator's explicit choice); when it holds none, one line with no lot."""
    lines: list[dict] = []
    left = qty
    for lot in lots_at(tables, site, item, expiry):
        if left <= 0:
            break
        take = min(lot.qty or 0, left)
        lines.append({"item": item, "lot": lot.code, "qty": take})
        left -= take
    return lines or [{"item": item, "lot": "", "qty": qty or ""}]


def sources(tables: Tables, item: str, to_site: str = "", enough: int = 0) -> list[Choice]:
    """Sites other than `to_site` holding `item`: where a dispatch of it could come from.

    Those holding at least `enough` come first; among them depots and staging areas (which hold stock to
    send on) before sites that hold it for their own people; then the nearest to `to_site` (squared
    difference of micro-degrees, a ranking only), then the larger holding, then the site code.
    """
    held: Counter[str] = Counter()
    for row in tables.get("stock", {}).values():
        if row["item"] == item and row["qty"] > 0 and row["site"] != to_site:
            held[row["site"]] += row["qty"]
    sites_table = tables.get("sites", {})
    target = sites_table.get(to_site)

    def distance(site: str) -> int:
        here = sites_table.get(site)
        if target is None or here is None:
            return 0
        return (here["lat_e6"] - target["lat_e6"]) ** 2 + (here["lon_e6"] - target["lon_e6"]) ** 2

    def stores(site: str) -> bool:
        return sites_table.get(site, {}).get("kind") in STORE_KINDS

    order = sorted(held.items(), key=lambda kv: (kv[1] < enough, not stores(kv[0]), distance(kv[0]), -kv[1], kv[0]))
    return [Choice(site, name_of(tables, "sites", site), "source", item=item, qty=qty) for site, qty in order]


def on_the_way(tables: Tables) -> dict[str, int]:
    """request id -> quantity that shipments still in transit carry for it.

    Shares a shipment's lines among the requests it names in their listed order, up to what each still
    needs, as delivery will (docs/FORMAT.md §9, shipment.deliver).
    """
    requests = tables.get("requests", {})
    carried: dict[str, int] = {}
    for shipment in tables.get("shipments", {}).values():
        if shipment.get("status") != "in_transit":
            continue
        by_item: Counter[str] = Counter()
        for line in shipment.get("lines", []):
            by_item[line["item"]] += line["qty"]
        for request_id in shipment.get("requests", []):
            request = requests.get(request_id)
            if request is None or request["status"] == "cancelled" or by_item[request["item"]] <= 0:
                continue
            open_need = max(request["qty"] - request["delivered"] - carried.get(request_id, 0), 0)
            share = min(by_item[request["item"]], open_need)
            by_item[request["item"]] -= share
            carried[request_id] = carried.get(request_id, 0) + share
    return carried


def open_requests(tables: Tables, site: str | None = None) -> list[Choice]:
    """Requests still open (at `site` when given) with what they still need, most urgent first.

    Order: priority (critical first), then the earliest needed-by time, then the request id.
    """
    carried = on_the_way(tables)
    found = []
    for code, row in tables.get("requests", {}).items():
        if row["status"] not in OPEN_STATUSES or (site and row["site"] != site):
            continue
        item_row = tables.get("items", {}).get(row["item"], {})
        found.append(Choice(code, code, "request", item=row["item"], item_name=str(item_row.get("name", row["item"])),
                            need=max(row["qty"] - row["delivered"], 0),
                            on_the_way=carried.get(code, 0), unit=str(item_row.get("unit", "")),
                            priority=row["priority"], needed_by_ms=row["needed_by_ms"],
                            to_site=name_of(tables, "sites", row["site"]),
                            search=(str(item_row.get("name", row["item"])), name_of(tables, "sites", row["site"]))))
    found.sort(key=lambda c: (PRIORITY_ORDER.get(c.priority, 9), c.needed_by_ms or 0, c.code))
    return found


def shipments_in_transit(tables: Tables, holder: str | None = None) -> list[Choice]:
    """Shipments on the road, with their route and who holds them; those `holder` holds come first."""
    found = []
    for code, row in tables.get("shipments", {}).items():
        if row.get("status") != "in_transit":
            continue
        custodian = row.get("custodian", "")
        found.append(Choice(code, code, "shipment", from_site=name_of(tables, "sites", row["from_site"]),
                            to_site=name_of(tables, "sites", row["to_site"]),
                            holder=name_of(tables, "members", custodian),
                            search=(str(row.get("carrier", "")),)))
    held = {code for code, row in tables.get("shipments", {}).items() if holder and row.get("custodian") == holder}
    found.sort(key=lambda c: (c.code not in held, c.code))
    return found


def records(tables: Tables) -> list[Choice]:
    """Records a correction may target (receipts, distributions, requests) with what they said: ordered by
    type, then site name, item name, lot or request id, then entry hash."""
    found = []
    for code, row in tables.get("records", {}).items():
        request = tables.get("requests", {}).get(row.get("request", ""), {})
        item = row.get("item") or request.get("item", "")
        site = row.get("site") or request.get("site", "")
        found.append(Choice(code, str(row.get("request") or row.get("lot") or code[:12]), "record", item=item,
                            item_name=name_of(tables, "items", item) if item else "",
                            qty=row.get("qty", request.get("qty")),
                            to_site=name_of(tables, "sites", site) if site else "",
                            record_type=str(row["type"]), search=(str(row.get("lot", "")), site),
                            at_ms=tables.get("distributions", {}).get(code, {}).get("at_ms",
                                                                                     request.get("opened_ms"))))
    found.sort(key=lambda c: (c.record_type, c.to_site, c.item_name, c.name, c.code))
    return found


def dispatch_preset(tables: Tables, request_id: str, expiry: Mapping[str, int] | None = None) -> dict:
    """A dispatch that would fill `request_id`: its site as destination, the request named, one line of
    its item for what it still needs beyond what is on the way, from the site `sources` ranks first, in
    lines first expiry first out (`fefo_lines`). Empty when the request is not open."""
    request = tables.get("requests", {}).get(request_id)
    if request is None or request["status"] not in OPEN_STATUSES:
        return {}
    to_send = next((c.to_send for c in open_requests(tables, request["site"]) if c.code == request_id), 0)
    preset: dict = {"to_site": request["site"], "requests": [request_id]}
    origin = sources(tables, request["item"], request["site"], to_send)
    if origin:
        preset["from_site"] = origin[0].code
    preset["lines"] = fefo_lines(tables, preset.get("from_site"), request["item"], to_send, expiry)
    return preset


def site_tag(site: str) -> str:
    """The short tag of a site code an id carries: the first three characters of its first part after
    the kind that contains a letter (SHL-DONDO-1 -> DON, WH-BEIRA -> BEI), else of its first part."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", site) if p]
    if not parts:
        return ""
    named = [p for p in parts[1:] if any(ch.isalpha() for ch in p)]
    return (named[0] if named else parts[0])[:3].upper()


def next_id(tables: Tables, table: str, site: str | None = None, taken: Iterable[str] = ()) -> str:
    """A free id for a new row of `table`, following the ids already there.

    The kind is the most common first part of the table's ids (else ID_KINDS); with a site the stem is
    KIND-TAG- (TAG from site_tag), else KIND-. The number is one more than the highest number already
    ending an id with that stem, written with at least ID_WIDTH digits (REQ-DON-004 after REQ-DON-003).
    """
    rows = tables.get(table, {})
    used = set(rows) | set(taken)
    kinds = Counter(code.split("-", 1)[0] for code in rows if "-" in code)
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else ID_KINDS.get(table, table[:3].upper())
    tag = site_tag(site) if site else ""
    stem = f"{kind}-{tag}-" if tag else f"{kind}-"
    highest, width = 0, ID_WIDTH
    for code in used:
        match = _NUMBERED.match(code)
        if match and match.group(1) == stem:
            highest = max(highest, int(match.group(2)))
            width = max(width, len(match.group(2)))
    number = highest + 1
    while f"{stem}{number:0{width}d}" in used:
        number += 1
    return f"{stem}{number:0{width}d}"
