"""Named types for what the code passes around: they must change no byte, order or comparison.

A feed head, an order key, an entry type and a network event kind each have one name
(app/core/types.py, app/net/events.py); these scenarios show the names behave exactly like the
plain values they replaced, and that application code keeps using the names.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from app.core import canonical
from app.core.schema import SCHEMAS
from app.core.state import LedgerState
from app.core.types import ENTRY_TYPES, EntryType, FeedHead, OrderKey
from app.net.events import EventKind, NetEvent
from app.node import Node

APP = Path(__file__).resolve().parents[1] / "app"


def test_every_entry_type_the_schemas_know_has_exactly_one_name():
    assert sorted(ENTRY_TYPES) == sorted(SCHEMAS)
    assert len(set(ENTRY_TYPES)) == len(ENTRY_TYPES)


def test_an_entry_type_name_signs_the_same_bytes_as_the_literal_it_replaced():
    # Plain str on purpose: the canonical encoder accepts exactly str, so a name is the literal.
    assert all(type(name) is str for name in ENTRY_TYPES)
    named = {"type": EntryType.STOCK_RECEIVE, "action": EntryType.RECORD_CORRECT}
    assert canonical.encode(named) == canonical.encode({"type": "stock.receive", "action": "record.correct"})


def test_the_ledger_order_of_two_entries_is_unchanged_by_naming_the_key(network: Node):
    entries = network.store.recent(limit=50)
    keys = [entry.key for entry in entries]
    assert all(isinstance(key, OrderKey) for key in keys)
    assert sorted(keys) == sorted((e.lamport, e.author, e.seq) for e in entries)
    newest = max(keys)
    assert newest == (newest.lamport, newest.author, newest.seq)
    assert OrderKey(3, "aa", 1) < OrderKey(3, "ab", 0) < (4, "", 0)


def test_a_replica_restarted_from_a_snapshot_resumes_at_the_same_named_position(network: Node):
    state = network.state.copy()
    restored = LedgerState.from_snapshot(state.snapshot())
    assert isinstance(restored.position, OrderKey)
    assert restored.position == state.position
    assert restored.digest() == state.digest()


def test_the_heads_of_a_replica_name_their_seq_hash_and_lamport(network: Node, cast):
    commander = cast.commander.public_key_hex
    head = network.heads()[commander]
    assert isinstance(head, FeedHead)
    newest = max((e for e in network.store.recent(limit=50) if e.author == commander), key=lambda e: e.seq)
    assert (head.seq, head.hash, head.lamport) == (newest.seq, newest.hash, newest.lamport)
    assert head == (newest.seq, newest.hash, newest.lamport)
    assert network.store.heads() == network.heads()


def test_a_cut_off_shows_and_compares_by_its_plain_name():
    event = NetEvent(EventKind.CUT_OFF, "Van 2 [ABCD]", "invalid_entry: bad signature")
    assert event.kind == "cut_off"
    assert event.line() == "cut_off       Van 2 [ABCD]  invalid_entry: bad signature"
    assert EventKind("synced") is EventKind.SYNCED


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """Every string literal in a module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_application_code_names_entry_types_instead_of_spelling_them():
    names = set(ENTRY_TYPES)
    offenders = [f"{path.relative_to(APP)}:{line} {value!r}"
                 for path in sorted(APP.rglob("*.py")) if path != APP / "core" / "types.py"
                 for line, value in _string_constants(path) if value in names]
    assert not offenders


def test_network_events_are_raised_with_a_named_kind():
    literal_kind = re.compile(r"NetEvent\(\s*[\"']")
    offenders = [str(path.relative_to(APP)) for path in sorted(APP.rglob("*.py"))
                 if literal_kind.search(path.read_text(encoding="utf-8"))]
    assert not offenders
