"""Body schemas of every entry type, declared as data so docs and checks agree.

A schema maps field name -> Field. Checking is strict: unknown fields are
refused, so two replicas can never read different meanings into one body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.entry import EntryError, is_hex64
from app.core.runs import check_run_body
from app.core.types import EntryType

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$")

ROLES = ("admin", "commander", "logistics", "field", "device", "observer", "trainer")
NETWORK_KINDS = ("live", "exercise")
ITEM_CATEGORIES = ("water", "food", "shelter", "medical", "wash", "nfi", "fuel", "equipment", "other")
SITE_KINDS = ("depot", "staging", "shelter", "hospital", "distribution_point", "vehicle", "command_center")
PRIORITIES = ("critical", "high", "normal", "low")
ROAD_STATUSES = ("open", "restricted", "closed")
MAX_TEXT = 500
MAX_SOURCE = 48_000
MICRO = 1_000_000
MAX_SEQ = 2**53 - 1
# Bounds of a policy's expiry_ms (docs/FORMAT.md §7.3); the policy object is part of the genesis and
# policy.set bodies, so its schema lives here with theirs (app/core/policy.py holds the quorum rule).
MIN_EXPIRY_MS = 60_000
MAX_EXPIRY_MS = 366 * 24 * 3_600_000   # 366 days
# Exercise entries (docs/FORMAT.md §7.2, §9.5): the clock's actions, its speeds, the longest scenario and the
# inject kinds of the MSEL (docs/SCENARIOS.md; a test holds them equal to app/exercise/msel.py's KINDS).
CLOCK_ACTIONS = ("start", "pause", "resume", "jump", "speed")
MIN_SPEED = 1
MAX_SPEED = 60
MAX_SCENARIO_MS = 366 * 24 * 3_600_000
INJECT_KINDS = ("message", "request_opened", "road_closed", "road_reopened", "stock_lost", "stock_damaged",
                "site_damaged", "resources_arriving", "proposal")
MAX_CELLS = 20


@dataclass(frozen=True)
class Field:
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    items: Field | dict[str, Field] | None = None
    max_items: int = 100
    min_items: int = 0

    def describe(self) -> str:
        """One line for docs and error messages."""
        text = self.kind
        if self.choices:
            text += " one of " + ", ".join(self.choices)
        if self.minimum is not None or self.maximum is not None:
            low = self.minimum if self.minimum is not None else "-"
            high = self.maximum if self.maximum is not None else "-"
            text += f" in [{low}, {high}]"
        return text + ("" if self.required else " (optional)")


def _opt(field: Field) -> Field:
    return Field(field.kind, False, field.choices, field.minimum, field.maximum, field.items, field.max_items,
                 field.min_items)


ID = Field("id")
TEXT = Field("text")
KEY = Field("key")
QTY = Field("int", minimum=1, maximum=10**12)
QTY0 = Field("int", minimum=0, maximum=10**12)
MS = Field("int", minimum=0)
LAT = Field("int", minimum=-90 * MICRO, maximum=90 * MICRO)
LON = Field("int", minimum=-180 * MICRO, maximum=180 * MICRO)
NOTE = _opt(TEXT)
ROLE_LIST = Field("list", items=Field("text", choices=ROLES), min_items=1, max_items=len(ROLES))
MEMBER = {"key": KEY, "org": TEXT, "name": TEXT, "roles": ROLE_LIST}
LINE = {"item": ID, "lot": ID, "qty": QTY}
DELIVERED_LINE = {"item": ID, "lot": ID, "qty": QTY0, "reason": NOTE}
ALLOCATION = {"from_site": ID, "request": ID, "item": ID, "lot": _opt(ID), "qty": QTY}
MAX_RUN_ALLOCATIONS = 500

SCHEMAS: dict[str, dict[str, Field]] = {
    EntryType.GENESIS: {
        "name": TEXT,
        "kind": Field("text", choices=NETWORK_KINDS),
        "members": Field("list", items=MEMBER, min_items=1, max_items=200),
        "policies": Field("object"),
    },
    EntryType.MEMBER_ADD: MEMBER,
    EntryType.MEMBER_UPDATE: {"key": KEY, "org": _opt(TEXT), "name": _opt(TEXT), "roles": _opt(ROLE_LIST)},
    # `seq`/`head`: the pin, the last entry of the revoked feed that keeps its effect (0/absent: none)
    EntryType.MEMBER_REVOKE: {"key": KEY, "reason": TEXT, "seq": Field("int", minimum=0, maximum=MAX_SEQ),
                              "head": _opt(KEY)},
    EntryType.MEMBER_PIN: {"key": KEY, "reason": TEXT, "seq": Field("int", minimum=0, maximum=MAX_SEQ),
                           "head": _opt(KEY)},
    EntryType.ITEM_DEFINE: {
        "item": ID, "name": TEXT, "unit": TEXT,
        "category": Field("text", choices=ITEM_CATEGORIES),
        "cold_chain": Field("bool"),
        "temp_min_dc": _opt(Field("int", minimum=-1000, maximum=1000)),
        "temp_max_dc": _opt(Field("int", minimum=-1000, maximum=1000)),
    },
    EntryType.SITE_DEFINE: {
        "site": ID, "name": TEXT, "kind": Field("text", choices=SITE_KINDS),
        "lat_e6": LAT, "lon_e6": LON, "org": TEXT,
    },
    EntryType.STOCK_RECEIVE: {
        "site": ID, "item": ID, "lot": ID, "qty": QTY, "source": TEXT,
        "expiry_ms": _opt(MS), "note": NOTE,
    },
    EntryType.REQUEST_OPEN: {
        "request": ID, "site": ID, "item": ID, "qty": QTY,
        "priority": Field("text", choices=PRIORITIES), "needed_by_ms": MS, "note": NOTE,
    },
    EntryType.REQUEST_CANCEL: {"request": ID, "reason": TEXT},
    EntryType.SHIPMENT_DISPATCH: {
        "shipment": ID, "from_site": ID, "to_site": ID, "carrier": TEXT,
        "lines": Field("list", items=LINE, min_items=1, max_items=100),
        "requests": _opt(Field("list", items=ID, max_items=100)),
        "note": NOTE,
    },
    EntryType.SHIPMENT_POSITION: {"shipment": ID, "lat_e6": LAT, "lon_e6": LON, "at_ms": MS},
    EntryType.SHIPMENT_HANDOVER: {
        "shipment": ID, "to": KEY, "index": Field("int", minimum=0, maximum=10_000),
        "receiver_sig": _opt(Field("sig")), "receiver_code": _opt(Field("code")), "note": NOTE,
    },
    # the receiver's own record of its acceptance, for a hand-over the giver recorded with the spoken code
    EntryType.SHIPMENT_ACCEPT: {
        "shipment": ID, "from": KEY, "index": Field("int", minimum=0, maximum=10_000), "receiver_sig": Field("sig"),
    },
    EntryType.SHIPMENT_DELIVER: {
        "shipment": ID, "lines": Field("list", items=DELIVERED_LINE, min_items=1, max_items=100), "note": NOTE,
    },
    EntryType.STOCK_DISTRIBUTE: {
        "site": ID, "item": ID, "lot": ID, "qty": QTY, "beneficiaries": QTY0,
        "request": _opt(ID), "note": NOTE,
    },
    EntryType.ROAD_STATUS: {
        "road": ID, "name": TEXT, "status": Field("text", choices=ROAD_STATUSES),
        "path": Field("list", items=Field("point"), min_items=2, max_items=50), "note": NOTE,
    },
    EntryType.RECORD_CORRECT: {"target": KEY, "reason": TEXT, "set": Field("object")},
    EntryType.ALLOCATION_RUN: {
        "contract": ID, "version": Field("int", minimum=1, maximum=10**6), "params": Field("object"),
        "input_digest": KEY, "allocations": Field("list", items=ALLOCATION, max_items=MAX_RUN_ALLOCATIONS),
        "output_digest": KEY, "note": NOTE,
    },
    # permissioned actions: only ever the `body` of an approved proposal (see PERMISSIONED)
    EntryType.STOCK_ADJUST: {
        "site": ID, "item": ID, "lot": ID, "delta": Field("int", minimum=-10**12, maximum=10**12), "reason": TEXT,
    },
    EntryType.CONTRACT_DEPLOY: {
        "contract": ID, "version": Field("int", minimum=1, maximum=10**6), "runtime": TEXT,
        "source": Field("source"), "note": NOTE,
    },
    EntryType.POLICY_SET: {"action": Field("text", choices=()), "policy": Field("object")},
    # the approval workflow itself
    EntryType.PROPOSAL_OPEN: {"action": Field("text", choices=()), "body": Field("object"), "reason": TEXT},
    EntryType.PROPOSAL_APPROVE: {"proposal": KEY, "comment": NOTE},
    EntryType.PROPOSAL_REJECT: {"proposal": KEY, "comment": TEXT},
    EntryType.PROPOSAL_WITHDRAW: {"proposal": KEY, "comment": NOTE},
    # exercise control (only in a network of kind exercise; docs/FORMAT.md §9.5)
    EntryType.EXERCISE_CLOCK: {
        "action": Field("text", choices=CLOCK_ACTIONS),
        "scenario_ms": _opt(Field("int", minimum=0, maximum=MAX_SCENARIO_MS)),
        "speed": _opt(Field("int", minimum=MIN_SPEED, maximum=MAX_SPEED)),
    },
    EntryType.EXERCISE_INJECT: {
        "inject": ID, "cells": Field("list", items=ID, min_items=1, max_items=MAX_CELLS),
        "kind": Field("text", choices=INJECT_KINDS), "content": TEXT,
        "due_ms": Field("int", minimum=0, maximum=MAX_SCENARIO_MS),
        "sites": _opt(Field("list", items=ID, max_items=100)), "items": _opt(Field("list", items=ID, max_items=100)),
    },
    EntryType.EXERCISE_ACK: {"inject": ID, "release": KEY, "cell": ID},
}
# Types that exist only in a network of kind exercise: elsewhere refused with `exercise_only`.
EXERCISE_TYPES = frozenset({EntryType.EXERCISE_CLOCK, EntryType.EXERCISE_INJECT, EntryType.EXERCISE_ACK})
# Which clock actions carry which optional fields: (scenario_ms, speed).
CLOCK_FIELDS: dict[str, tuple[bool, bool]] = {
    "start": (True, True), "pause": (False, False), "resume": (False, False), "jump": (True, False),
    "speed": (False, True),
}

# Edits that take effect only through an approved proposal (app/core/approvals.py): authoring one of
# these types directly is refused with `needs_approval`.
PERMISSIONED = (EntryType.STOCK_ADJUST, EntryType.RECORD_CORRECT, EntryType.MEMBER_ADD, EntryType.MEMBER_UPDATE,
                EntryType.MEMBER_REVOKE, EntryType.MEMBER_PIN, EntryType.CONTRACT_DEPLOY, EntryType.POLICY_SET)
# Permissioned actions that pin a revoked key's feed (`seq`, `head`; docs/FORMAT.md §9.3).
PIN_ACTIONS = (EntryType.MEMBER_REVOKE, EntryType.MEMBER_PIN)
for _name in (EntryType.POLICY_SET, EntryType.PROPOSAL_OPEN):
    SCHEMAS[_name]["action"] = Field("text", choices=PERMISSIONED)
PROPOSAL_TYPES = (EntryType.PROPOSAL_OPEN, EntryType.PROPOSAL_APPROVE, EntryType.PROPOSAL_REJECT,
                  EntryType.PROPOSAL_WITHDRAW)

CORRECTABLE: dict[str, dict[str, Field]] = {
    EntryType.STOCK_RECEIVE: {"qty": QTY0},
    EntryType.STOCK_DISTRIBUTE: {"qty": QTY0, "beneficiaries": QTY0},
    EntryType.REQUEST_OPEN: {"qty": QTY, "priority": Field("text", choices=PRIORITIES), "needed_by_ms": MS},
}

_DOMAIN = (EntryType.ITEM_DEFINE, EntryType.SITE_DEFINE, EntryType.STOCK_RECEIVE, EntryType.REQUEST_OPEN,
           EntryType.REQUEST_CANCEL, EntryType.SHIPMENT_DISPATCH, EntryType.SHIPMENT_POSITION,
           EntryType.SHIPMENT_HANDOVER, EntryType.SHIPMENT_ACCEPT, EntryType.SHIPMENT_DELIVER,
           EntryType.STOCK_DISTRIBUTE, EntryType.ROAD_STATUS)

AUTHORS: dict[str, frozenset[str]] = {
    EntryType.ITEM_DEFINE: frozenset({"admin", "commander", "logistics"}),
    EntryType.SITE_DEFINE: frozenset({"admin", "commander", "logistics"}),
    EntryType.STOCK_RECEIVE: frozenset({"commander", "logistics", "field"}),
    EntryType.REQUEST_OPEN: frozenset({"commander", "logistics", "field"}),
    EntryType.REQUEST_CANCEL: frozenset({"commander", "logistics", "field"}),
    EntryType.SHIPMENT_DISPATCH: frozenset({"commander", "logistics"}),
    EntryType.SHIPMENT_POSITION: frozenset({"logistics", "field", "device"}),
    EntryType.SHIPMENT_HANDOVER: frozenset({"commander", "logistics", "field"}),
    EntryType.SHIPMENT_ACCEPT: frozenset({"commander", "logistics", "field"}),
    EntryType.SHIPMENT_DELIVER: frozenset({"commander", "logistics", "field"}),
    EntryType.STOCK_DISTRIBUTE: frozenset({"commander", "logistics", "field"}),
    EntryType.ROAD_STATUS: frozenset({"commander", "logistics", "field", "device"}),
    EntryType.ALLOCATION_RUN: frozenset({"commander", "logistics"}),
    EntryType.PROPOSAL_OPEN: frozenset({"admin", "commander", "logistics", "field"}),
    EntryType.PROPOSAL_APPROVE: frozenset({"admin", "commander", "logistics", "field"}),
    EntryType.PROPOSAL_REJECT: frozenset({"admin", "commander", "logistics", "field"}),
    EntryType.PROPOSAL_WITHDRAW: frozenset({"admin", "commander", "logistics", "field"}),
    EntryType.EXERCISE_CLOCK: frozenset({"trainer"}),
    EntryType.EXERCISE_INJECT: frozenset({"trainer"}),
    EntryType.EXERCISE_ACK: frozenset({"admin", "commander", "logistics", "field"}),
}
EXERCISE_TRAINER_TYPES = frozenset(_DOMAIN)


def allowed(entry_type: str, roles: frozenset[str], network_kind: str) -> bool:
    """May a member holding `roles` author `entry_type`? Trainers inject domain events in exercises only."""
    if roles & AUTHORS.get(entry_type, frozenset()):
        return True
    return network_kind == "exercise" and "trainer" in roles and entry_type in EXERCISE_TRAINER_TYPES


def _check(path: str, value: Any, spec: Field | dict[str, Field]) -> None:
    if isinstance(spec, dict):
        check_object(path, value, spec)
        return
    checker = _CHECKERS[spec.kind]
    checker(path, value, spec)
    if spec.choices and value not in spec.choices:
        raise EntryError("bad_body", f"{path} must be one of {', '.join(spec.choices)} (got {value!r})")


def _int(path: str, value: Any, spec: Field) -> None:
    if type(value) is not int:
        raise EntryError("bad_body", f"{path} must be a whole number")
    if spec.minimum is not None and value < spec.minimum:
        raise EntryError("bad_body", f"{path} must be at least {spec.minimum} (got {value})")
    if spec.maximum is not None and value > spec.maximum:
        raise EntryError("bad_body", f"{path} must be at most {spec.maximum} (got {value})")


def _text(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise EntryError("bad_body", f"{path} must be non-empty text of at most {MAX_TEXT} characters")


def _id(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise EntryError("bad_body",
                         f"{path} must be an identifier: letters, digits and . _ : / - (1-64 chars), got {value!r}")


def _key(path: str, value: Any, spec: Field) -> None:
    if not is_hex64(value):
        raise EntryError("bad_body", f"{path} must be 64 lowercase hex characters")


_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def _code(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, str) or not _CODE.match(value):
        raise EntryError("bad_body", f"{path} must be a check code as shown on the receiver's screen: four and four "
                                     "characters of 0-9 and A-Z without I, L, O and U, joined by a hyphen (K7Q4-M2XD)")


def _sig(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, str) or len(value) != 128 or any(c not in "0123456789abcdef" for c in value):
        raise EntryError("bad_body", f"{path} must be a 64-byte signature in lowercase hex")


# Characters that make program text read differently from how it runs ("Trojan Source", CVE-2021-42574):
# direction embeddings, overrides and isolates, and controls other than tab, line feed and carriage return.
_HIDDEN_IN_SOURCE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _source(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_SOURCE:
        raise EntryError("bad_body", f"{path} must be non-empty text of at most {MAX_SOURCE} characters")
    hidden = _HIDDEN_IN_SOURCE.search(value)
    if hidden:
        line = value.count("\n", 0, hidden.start()) + 1
        column = hidden.start() - (value.rfind("\n", 0, hidden.start()) + 1) + 1
        raise EntryError("bad_body", f"{path} holds the invisible character U+{ord(hidden.group()):04X} at line "
                                     f"{line}, column {column}: a direction override or control character makes "
                                     f"program text read differently from how it runs")


def _bool(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, bool):
        raise EntryError("bad_body", f"{path} must be true or false")


def _object(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, dict):
        raise EntryError("bad_body", f"{path} must be an object")


def _point(path: str, value: Any, spec: Field) -> None:
    if not (isinstance(value, list) and len(value) == 2):
        raise EntryError("bad_body", f"{path} must be [lat_e6, lon_e6]")
    _int(path + "[0]", value[0], LAT)
    _int(path + "[1]", value[1], LON)


def _list(path: str, value: Any, spec: Field) -> None:
    if not isinstance(value, list):
        raise EntryError("bad_body", f"{path} must be a list")
    if not spec.min_items <= len(value) <= spec.max_items:
        raise EntryError("bad_body", f"{path} must have {spec.min_items} to {spec.max_items} items (has {len(value)})")
    for index, item in enumerate(value):
        _check(f"{path}[{index}]", item, spec.items)  # type: ignore[arg-type]  # every list field declares `items`


_CHECKERS: dict[str, Callable[[str, Any, Field], None]] = {
    "int": _int, "text": _text, "id": _id, "key": _key, "sig": _sig, "code": _code, "bool": _bool, "source": _source,
    "object": _object, "point": _point, "list": _list,
}


def check_object(path: str, value: Any, schema: dict[str, Field]) -> None:
    if not isinstance(value, dict):
        raise EntryError("bad_body", f"{path} must be an object")
    unknown = sorted(set(value) - set(schema))
    if unknown:
        raise EntryError("bad_body", f"{path} has unknown field(s): {', '.join(unknown)}")
    for name, spec in schema.items():
        if name not in value:
            if spec.required:
                raise EntryError("bad_body", f"{path}.{name} is required")
            continue
        _check(f"{path}.{name}", value[name], spec)


POLICY_SCHEMA: dict[str, Field] = {
    "quorum": Field("int", False, minimum=1, maximum=50),
    "roles": Field("list", False, items=Field("text", choices=ROLES), min_items=1, max_items=len(ROLES)),
    "distinct_orgs": Field("bool", False),
    "expiry_ms": Field("int", False, minimum=MIN_EXPIRY_MS, maximum=MAX_EXPIRY_MS),
    "proposer_counts": Field("bool", False),
    "proposers": Field("list", False, items=Field("text", choices=ROLES), min_items=1, max_items=len(ROLES)),
}


def check_policy(path: str, value: Any) -> None:
    check_object(path, value, POLICY_SCHEMA)
    for name in ("roles", "proposers"):
        if name in value and len(set(value[name])) != len(value[name]):
            raise EntryError("bad_body", f"{path}.{name} lists a role twice")


def check_policies(path: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise EntryError("bad_body", f"{path} must be an object")
    for action, policy in value.items():
        if action not in PERMISSIONED:
            raise EntryError("bad_body", f"{path} names {action!r}, which is not a permissioned action "
                                         f"({', '.join(PERMISSIONED)})")
        check_policy(f"{path}.{action}", policy)


def check_body(entry_type: str, body: Any, path: str = "body") -> None:
    """Refuse a body that does not match its type's schema, naming the field."""
    schema = SCHEMAS.get(entry_type)
    if schema is None:
        raise EntryError("unknown_type", f"entry type {entry_type!r} is not known to this version")
    check_object(path, body, schema)
    if entry_type == EntryType.STOCK_ADJUST and body["delta"] == 0:
        raise EntryError("bad_body", f"{path}.delta must not be 0: an adjustment changes the balance")
    if entry_type == EntryType.GENESIS:
        check_policies("body.policies", body["policies"])
    if entry_type == EntryType.POLICY_SET:
        if body["policy"]:
            check_policy("body.policy", body["policy"])
    if entry_type == EntryType.PROPOSAL_OPEN:
        check_body(body["action"], body["body"], path + ".body")
    if entry_type == EntryType.ALLOCATION_RUN:
        check_run_body(body, path)
    if entry_type == EntryType.RECORD_CORRECT:
        if not body["set"]:
            raise EntryError("bad_body", f"{path}.set must name at least one field to correct")
    if entry_type == EntryType.SHIPMENT_HANDOVER and ("receiver_sig" in body) == ("receiver_code" in body):
        raise EntryError("bad_body", f"{path} must carry exactly one of receiver_sig (the receiver's signature) and "
                                     "receiver_code (the code the receiver read aloud)")
    if entry_type == EntryType.SHIPMENT_DISPATCH and body["from_site"] == body["to_site"]:
        raise EntryError("bad_body", "a shipment must go to a different site than it leaves from")
    if entry_type == EntryType.GENESIS:
        keys = [m["key"] for m in body["members"]]
        if len(set(keys)) != len(keys):
            raise EntryError("bad_body", "a key is listed twice among the founding members")
    if entry_type in PIN_ACTIONS and (body["seq"] == 0) != ("head" not in body):
        raise EntryError("bad_body", f"{path}.head names the pinned entry exactly when {path}.seq is above 0")
    if entry_type == EntryType.EXERCISE_CLOCK:
        _check_clock(body, path)
    if entry_type == EntryType.EXERCISE_INJECT and len(set(body["cells"])) != len(body["cells"]):
        raise EntryError("bad_body", f"{path}.cells lists a cell twice")
    if entry_type == EntryType.ITEM_DEFINE and "temp_min_dc" in body and "temp_max_dc" in body:
        if body["temp_min_dc"] > body["temp_max_dc"]:
            raise EntryError("bad_body", "temp_min_dc must not exceed temp_max_dc")


def _check_clock(body: dict, path: str) -> None:
    """Each clock action carries exactly the fields it needs, so no replica guesses a default."""
    wants_scenario, wants_speed = CLOCK_FIELDS[body["action"]]
    for name, wanted in (("scenario_ms", wants_scenario), ("speed", wants_speed)):
        if wanted and name not in body:
            raise EntryError("bad_body", f"{path}.{name} is required for the clock action {body['action']}")
        if not wanted and name in body:
            raise EntryError("bad_body", f"{path}.{name} is not allowed for the clock action {body['action']}")


def check_correction(target_type: str, fields: dict) -> None:
    allowed_fields = CORRECTABLE.get(target_type)
    if allowed_fields is None:
        raise EntryError("bad_correction",
                         f"entries of type {target_type} cannot be corrected; record a new entry instead")
    if not set(fields) <= set(allowed_fields):   # FORMAT.md §5 step 8: a field not correctable is bad_correction
        raise EntryError("bad_correction", f"{target_type} allows corrections of {', '.join(sorted(allowed_fields))} "
                                           "only")
    check_object("body.set", fields, {name: _opt(spec) for name, spec in allowed_fields.items()})
