"""docs/FORMAT.md is enough to rebuild state: an independent fold written from it agrees with the node.

The fold in tests/core/spec_fold.py imports nothing of the node's fold. If the document leaves out
a row field, a status, a message template or an ordering rule, these scenarios disagree.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core import spec_fold
from tests.core.test_format_vectors import documented_vectors


def _documented_entries(documented: dict[str, dict[str, str]], names: str) -> list[bytes]:
    return [documented[n]["canonical"].encode("utf-8") for n in names.split(", ") if n]


def _state_vectors() -> dict[str, dict[str, str]]:
    return {name: v for name, v in documented_vectors().items() if name.startswith("state-digest")}


def test_the_document_has_state_digest_vectors_for_every_table():
    documented = documented_vectors()
    covered: set[str] = set()
    for vector in _state_vectors().values():
        folded = spec_fold.fold(_documented_entries(documented, vector["entries"]),
                                _documented_entries(documented, vector.get("evidence", "")))
        covered |= {t for t in spec_fold.DIGEST_TABLES if folded.tables[t]}
    assert covered == set(spec_fold.DIGEST_TABLES)


@pytest.mark.parametrize("name", sorted(_state_vectors()))
def test_an_outside_verifier_reproduces_each_documented_state_digest_from_the_document(name):
    documented = documented_vectors()
    vector = documented[name]
    folded = spec_fold.fold(_documented_entries(documented, vector["entries"]),
                            _documented_entries(documented, vector.get("evidence", "")))
    for line in filter(None, vector.get("ineffective", "").split("; ")):
        entry_name, code = line.split(" ")
        entry_hash = documented[entry_name]["hash"]
        assert folded.tables["ineffective"][entry_hash]["code"] == code, line
    tables = dict(pair.split("=") for pair in vector.get("tables", "").split(", ") if pair)
    for table, table_digest in tables.items():
        assert spec_fold.table_digest(folded, table) == table_digest, table
    assert spec_fold.digest(folded) == vector["digest"]


def _held(db: Path) -> tuple[list[bytes], list[bytes]]:
    """Entries and evidence as the informative storage layout (FORMAT.md §11) describes them."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        entries = [row[0] for row in connection.execute("SELECT raw FROM entries")]
        evidence = [row[0] for row in connection.execute("SELECT raw FROM evidence")]
    return entries, evidence


def test_an_outside_verifier_reproduces_the_demo_exercise_state_table_by_table(tmp_path):
    from app.exercise.demo import build_demo
    from app.node import DB_NAME, Node

    build_demo(tmp_path, progress=False, seed=11)
    node = Node.open(tmp_path, "demo")
    try:
        tables, expected = node.state.tables, node.state.digest()
    finally:
        node.close()
    folded = spec_fold.fold(*_held(tmp_path / DB_NAME))
    for table in spec_fold.DIGEST_TABLES:
        assert spec_fold.canonical_text(folded.tables[table]) == spec_fold.canonical_text(tables[table]), table
    assert spec_fold.digest(folded) == expected
