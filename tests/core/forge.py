"""Crafting entries by hand, correct except for the one rule a test wants to break."""

from __future__ import annotations

from typing import Any

from app.core import entry as entry_mod
from app.core.entry import Entry
from app.core.identity import Identity
from app.node import Node


def next_entry(node: Node, who: Identity, entry_type: str, body: dict, **override: Any) -> Entry:
    """The entry `who` would append next on `node`, with fields optionally overridden (then re-signed)."""
    heads = node.heads()
    own = heads.get(who.public_key_hex)
    others = [h for author, h in heads.items() if author != who.public_key_hex]
    fields: dict[str, Any] = {
        "net": node.network_id,
        "seq": own[0] + 1 if own else 1,
        "prev": own[1] if own else None,
        "deps": [h[1] for h in others],
        "lamport": 1 + max([own[2] if own else 0] + [h[2] for h in others]),
        "ts": 1_767_300_000_000,
        "type": entry_type,
        "body": body,
    }
    fields.update(override)
    return entry_mod.create(who, **fields)


def refused_codes(node: Node, *entries: Entry) -> list[str]:
    report = node.receive(list(entries))
    return [r.code for r in report.refused] + [r.code for r in report.deferred]


RECEIPT = {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 10, "source": "WFP"}
