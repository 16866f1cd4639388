"""Names for the values every layer passes around, so a signature says what a tuple means.

A feed head and an order key are both three fields of the same kinds, in a different order; written
as `tuple[int, str, int]` one was easily taken for the other. They are NamedTuples: they compare,
sort, hash and unpack exactly like the plain tuples they replace, so no order and no digest changes.
Pure: imports nothing from the project, so every layer may import it.
"""

from __future__ import annotations

from typing import Final, NamedTuple

Table = dict[str, dict]
"""One projected table: row key -> row."""

Tables = dict[str, Table]
"""The projected state: table name -> its rows (what the fold builds and the UI shows)."""


class OrderKey(NamedTuple):
    """Where an entry sits in the ledger's total order: (lamport, author public key hex, seq)."""

    lamport: int
    author: str
    seq: int


class FeedHead(NamedTuple):
    """The newest entry of one author's feed on this replica: its seq, hash and lamport."""

    seq: int
    hash: str
    lamport: int


class EntryType:
    """The name of every entry type (FORMAT.md §5), one constant each instead of literals in many modules.

    Plain `str` constants on purpose, not a StrEnum: canonical.check_value accepts exactly `str`
    (a subclass is refused as bad_type), and an entry's `type` read back from bytes is a plain
    string, so plain constants compare, hash and encode the same everywhere.
    """

    GENESIS: Final = "genesis"
    MEMBER_ADD: Final = "member.add"
    MEMBER_UPDATE: Final = "member.update"
    MEMBER_REVOKE: Final = "member.revoke"
    MEMBER_PIN: Final = "member.pin"
    ITEM_DEFINE: Final = "item.define"
    SITE_DEFINE: Final = "site.define"
    STOCK_RECEIVE: Final = "stock.receive"
    REQUEST_OPEN: Final = "request.open"
    REQUEST_CANCEL: Final = "request.cancel"
    SHIPMENT_DISPATCH: Final = "shipment.dispatch"
    SHIPMENT_POSITION: Final = "shipment.position"
    SHIPMENT_HANDOVER: Final = "shipment.handover"
    SHIPMENT_ACCEPT: Final = "shipment.accept"
    SHIPMENT_DELIVER: Final = "shipment.deliver"
    STOCK_DISTRIBUTE: Final = "stock.distribute"
    ROAD_STATUS: Final = "road.status"
    RECORD_CORRECT: Final = "record.correct"
    ALLOCATION_RUN: Final = "allocation.run"
    STOCK_ADJUST: Final = "stock.adjust"
    CONTRACT_DEPLOY: Final = "contract.deploy"
    POLICY_SET: Final = "policy.set"
    PROPOSAL_OPEN: Final = "proposal.open"
    PROPOSAL_APPROVE: Final = "proposal.approve"
    PROPOSAL_REJECT: Final = "proposal.reject"
    PROPOSAL_WITHDRAW: Final = "proposal.withdraw"
    EXERCISE_CLOCK: Final = "exercise.clock"
    EXERCISE_INJECT: Final = "exercise.inject"
    EXERCISE_ACK: Final = "exercise.ack"


ENTRY_TYPES: Final = tuple(value for name, value in vars(EntryType).items() if name.isupper())
"""Every entry type name, in declaration order (a test holds it equal to the schemas' keys)."""


__all__ = ["ENTRY_TYPES", "EntryType", "FeedHead", "OrderKey", "Table", "Tables"]
