"""docs/FORMAT.md stays true: its worked examples are recomputed and its tables cover every type and reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.schema import AUTHORS, SCHEMAS
from app.core.validation import REASONS
from tests.core.format_vectors import vectors

FORMAT = Path(__file__).resolve().parents[2] / "docs" / "FORMAT.md"
BLOCK = re.compile(r"```vector name=(?P<name>[\w-]+)\n(?P<body>.*?)\n```", re.S)


def documented_vectors() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for match in BLOCK.finditer(FORMAT.read_text(encoding="utf-8")):
        fields = {}
        for line in match.group("body").splitlines():
            key, _, value = line.partition(": ")
            fields[key] = value
        found[match.group("name")] = fields
    return found


def test_every_worked_example_in_the_document_matches_the_implementation():
    assert documented_vectors() == vectors()


def test_every_entry_type_and_its_roles_are_specified():
    text = FORMAT.read_text(encoding="utf-8")
    for entry_type in SCHEMAS:
        assert f"**`{entry_type}`**" in text, entry_type
    for entry_type, roles in AUTHORS.items():
        assert f"| `{entry_type}` | {', '.join(sorted(roles))} |" in text, entry_type
    for entry_type, schema in SCHEMAS.items():
        for name in schema:
            assert f"| `{name}` |" in text, (entry_type, name)


def test_every_reason_code_is_explained():
    text = FORMAT.read_text(encoding="utf-8")
    for code in REASONS:
        assert f"`{code}`" in text, code


@pytest.mark.parametrize("name", ["state-digest-approved", "state-digest-every-table", "state-digest-edge",
                                  "state-digest-spoken-accept-first", "state-digest-spoken-code-first",
                                  "state-digest-spoken-wrong-code", "state-digest-spoken-recorded-again",
                                  "state-digest-spoken-other-step", "state-digest-spoken-accept-then-qr",
                                  "state-digest-spoken-qr-then-accept"])
def test_the_worked_example_entries_are_accepted_by_a_replica_and_reach_the_documented_digest(tmp_path, name):
    from app.core.entry import parse
    from app.node import Node
    from app.paths import database_url
    from app.store.replica_store import ReplicaStore

    documented = documented_vectors()

    def entries(names: str) -> list:
        return [parse(documented[n]["canonical"].encode("utf-8"), bytes.fromhex(documented[n]["signature"]))
                for n in names.split(", ") if n]

    held, evidence = entries(documented[name]["entries"]), entries(documented[name].get("evidence", ""))
    node = Node(ReplicaStore(database_url(tmp_path)))
    try:
        report = node.receive(held)
        assert len(report.accepted) == len(held), report.refused + report.deferred
        assert len(node.receive(evidence).evidence) == len(evidence)
        assert node.state.digest() == documented[name]["digest"]
    finally:
        node.close()


@pytest.mark.parametrize("name", ["reject-ts-ahead", "reject-trainer-run"])
def test_a_replica_holding_the_listed_entries_refuses_the_rejected_entry_with_the_documented_code(tmp_path, name):
    """A reject vector with an `entries` line names the ledger it continues; a replica holding it refuses it."""
    from app.core.entry import parse
    from app.node import Node
    from app.paths import database_url
    from app.store.replica_store import ReplicaStore

    documented = documented_vectors()
    vector = documented[name]
    held = [parse(documented[n]["canonical"].encode("utf-8"), bytes.fromhex(documented[n]["signature"]))
            for n in vector["entries"].split(", ")]
    node = Node(ReplicaStore(database_url(tmp_path)))
    try:
        assert len(node.receive(held).accepted) == len(held)
        before = node.state.digest()
        report = node.receive([parse(vector["canonical"].encode("utf-8"), bytes.fromhex(vector["signature"]))])
        assert [refusal.code for refusal in report.refused] == [vector["code"]]
        assert node.state.digest() == before
    finally:
        node.close()


def test_the_quantity_bound_and_its_reason_code_are_specified():
    from app.core.state import MAX_STATE_QTY
    text = FORMAT.read_text(encoding="utf-8")
    assert MAX_STATE_QTY == 10**15 and "MAX = 10^15 (1,000,000,000,000,000)" in text
    assert "`out_of_range`" in text and "`out_of_range: <message>`" in text
