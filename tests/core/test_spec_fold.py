"""docs/FORMAT.md is enough to rebuild state: an independent fold written from it agrees with the node.

The fold in tests/core/spec_fold.py imports nothing of the node's fold. If the document leaves out
a row field, a status, a message template or an ordering rule, these scenarios disagree.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import entry as entry_mod
from app.core.custody import acceptance_code
from app.core.entry import Entry
from app.core.identity import Identity
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
        covered |= {t for t in spec_fold.DIGEST_TABLES + spec_fold.DIGEST_WHEN_FILLED if folded.tables[t]}
    assert covered == set(spec_fold.DIGEST_TABLES + spec_fold.DIGEST_WHEN_FILLED)


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
    from app.node import Node
    from app.paths import DB_NAME

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


# -- random ledgers: every branch of the fold, judged by both folds ------------------------------------

PEOPLE = [Identity.from_seed(f"spec-fold person {i}".encode()) for i in range(5)]
IDS = {"site": ("S1", "S2"), "item": ("I1", "I2"), "lot": ("L1", "L2"), "shipment": ("SH1", "SH2"),
       "request": ("R1", "R2")}


def _random_body(rng: random.Random, kind: str, made: list[Entry]) -> dict:
    """A body of `kind` that passes its schema, naming a small set of ids so that entries collide."""
    pick = {name: rng.choice(values) for name, values in IDS.items()}
    qty = rng.choice([1, 5, 40, 300, 10**12])
    key = rng.choice(PEOPLE).public_key_hex
    hashes = [e.hash for e in made] or ["ab" * 32]
    proposals = [e.hash for e in made if e.type == "proposal.open"] or hashes
    records = [e.hash for e in made if e.type in ("stock.receive", "stock.distribute", "request.open")] or hashes
    lines = [{"item": rng.choice(IDS["item"]), "lot": rng.choice(IDS["lot"]), "qty": rng.choice([1, 7, 10**12])}
             for _ in range(rng.randint(1, 3))]
    bodies = {
        "item.define": {"item": pick["item"], "name": "n", "unit": "u", "category": "water", "cold_chain": False},
        "site.define": {"site": pick["site"], "name": "n", "kind": "depot", "lat_e6": 1, "lon_e6": 2, "org": "O"},
        "stock.receive": {"site": pick["site"], "item": pick["item"], "lot": pick["lot"], "qty": qty,
                          "source": rng.choice(["donor b", "donor a"])},
        "request.open": {"request": pick["request"], "site": pick["site"], "item": pick["item"], "qty": qty,
                         "priority": "high", "needed_by_ms": 5},
        "request.cancel": {"request": pick["request"], "reason": "r"},
        "shipment.dispatch": {"shipment": pick["shipment"], "from_site": "S1", "to_site": "S2", "carrier": "c",
                              "lines": lines, "requests": rng.sample(IDS["request"] * 2, rng.randint(0, 3))},
        "shipment.position": {"shipment": pick["shipment"], "lat_e6": 3, "lon_e6": 4,
                              "at_ms": rng.choice([10, 20, 20, 30])},
        "shipment.handover": {"shipment": pick["shipment"], "to": key, "index": rng.randint(0, 2),
                              "receiver_sig": "cd" * 64},
        # FORMAT.md §8.5: a code hand-over (its code is set once the author is known) and an acceptance
        "shipment.handover.code": {"shipment": pick["shipment"], "to": key, "index": rng.randint(0, 2),
                                   "receiver_code": "AAAA-BBBB"},
        "shipment.accept": {"shipment": pick["shipment"], "from": rng.choice(PEOPLE).public_key_hex,
                            "index": rng.randint(0, 2), "receiver_sig": "cd" * 64},
        "shipment.deliver": {"shipment": pick["shipment"], "lines": [
            {**line, "qty": rng.choice([0, line["qty"], 3])} | ({"reason": "wet"} if rng.random() < .5 else {})
            for line in lines]},
        "stock.distribute": {"site": pick["site"], "item": pick["item"], "lot": pick["lot"], "qty": qty,
                             "beneficiaries": 3} | ({"request": pick["request"]} if rng.random() < .5 else {}),
        "road.status": {"road": "RD", "name": "n", "status": "open", "path": [[1, 2], [3, 4]]},
        "allocation.run": {"contract": "C1", "version": rng.randint(1, 2), "params": {"a": [1, {"b": 2}]},
                           "input_digest": "ef" * 32, "allocations": [
                               {"from_site": "S1", "request": "R1", "item": "I1", "qty": 4}],
                           "output_digest": "01" * 32},
        "shipment.dispatch.big": {"shipment": f"BIG-{len(made)}", "from_site": "S1", "to_site": "S2",
                                  "carrier": "c", "lines": [{"item": "I1", "lot": "L1", "qty": 10**12}] * 100},
        "proposal.approve": {"proposal": rng.choice(proposals)} | ({"comment": "ok"} if rng.random() < .5 else {}),
        "proposal.reject": {"proposal": rng.choice(proposals), "comment": "no"},
        "proposal.withdraw": {"proposal": rng.choice(proposals)} | ({"comment": "oops"} if rng.random() < .5 else {}),
    }
    if kind != "proposal.open":
        return bodies[kind]
    action = rng.choice(["stock.adjust", "record.correct", "member.add", "member.update", "member.revoke",
                         "member.pin", "contract.deploy", "policy.set"])
    seq = rng.randint(0, 3)
    target = next((e for e in made if e.author == key and e.seq == seq), None)
    pin = {"seq": seq, "head": target.hash} if target else {"seq": 0}
    inner = {
        "stock.adjust": {"site": pick["site"], "item": pick["item"], "lot": pick["lot"],
                         "delta": rng.choice([-50, 9, 10**12]), "reason": "count"},
        "record.correct": {"target": rng.choice(records), "reason": "fix",
                           "set": rng.choice([{"qty": 2}, {"beneficiaries": 1}, {"priority": "low", "qty": 9}])},
        "member.add": {"key": key, "org": rng.choice(["O1", "O9"]), "name": "n", "roles": ["logistics", "field"]},
        "member.update": {"key": key, "roles": ["commander"]},
        "member.revoke": {"key": key, "reason": "stolen", **pin},
        "member.pin": {"key": key, "reason": "moved", **pin},
        "contract.deploy": {"contract": "C1", "version": rng.randint(1, 2), "runtime": "r", "source": "x = 1"},
        "policy.set": {"action": rng.choice(["stock.adjust", "member.add"]),
                       "policy": rng.choice([{}, {"quorum": 1, "roles": ["logistics", "admin"]},
                                             {"distinct_orgs": True, "proposer_counts": True}])},
    }[action]
    return {"action": action, "body": inner, "reason": "because"}


def random_ledger(rng: random.Random) -> tuple[list[Entry], list[Entry]]:
    """A genesis and up to 60 entries by members and strangers, with clashing ids, big quantities,
    governance (some of it expiring) and now and then a second entry at a seq kept as evidence."""
    founder = PEOPLE[0]
    genesis = entry_mod.create(founder, net=None, seq=1, prev=None, deps=[], lamport=1, ts=1_000_000,
                               type="genesis", body={
        "name": "Random", "kind": rng.choice(["live", "exercise"]),
        "policies": rng.choice([{}, {"record.correct": {}}, {"stock.adjust": {"quorum": 1, "proposer_counts": True},
                                                          "contract.deploy": {"quorum": 1, "proposer_counts": True}}]),
        "members": [{"key": founder.public_key_hex, "org": "O0", "name": "F", "roles": ["admin", "commander"]},
                    {"key": PEOPLE[1].public_key_hex, "org": "O1", "name": "C", "roles": ["commander"]},
                    {"key": PEOPLE[2].public_key_hex, "org": "O2", "name": "L", "roles": ["logistics"]},
                    {"key": PEOPLE[3].public_key_hex, "org": "O1", "name": "T", "roles": ["field", "trainer"]}]})
    made, evidence = [genesis], []
    heads: dict[str, Entry] = {founder.public_key_hex: genesis}
    ts = 1_000_000
    kinds = ["stock.distribute", "proposal.open", "item.define", "site.define", "stock.receive", "stock.receive",
             "request.open", "request.cancel",
             "shipment.dispatch", "shipment.dispatch", "shipment.position", "shipment.handover",
             "shipment.handover.code", "shipment.handover.code", "shipment.accept", "shipment.accept",
             "shipment.deliver", "stock.distribute", "road.status", "allocation.run", "allocation.run",
             "shipment.dispatch.big", "proposal.open",
             "proposal.open", "proposal.open", "proposal.approve", "proposal.approve", "proposal.reject",
             "proposal.withdraw"]
    authors = {"proposal": PEOPLE[:2], "shipment.dispatch": PEOPLE[1:3], "shipment.position": PEOPLE[2:4],
               "allocation.run": PEOPLE[1:3]}
    forked = False
    at_the_bound = rng.random() < 0.4   # ten dispatches of 10^14 each: S1|I1|L1 stands at -10^15
    plan = ["shipment.dispatch.big"] * (10 if at_the_bound else 0) + [
        rng.choice(kinds) for _ in range(rng.randint(5, 60))]
    for step, kind in enumerate(plan):
        usual = next((v for k, v in authors.items() if kind.startswith(k)), PEOPLE[1:4])
        who = PEOPLE[2] if kind.endswith(".big") else rng.choice(usual if rng.random() < 0.85 else PEOPLE)
        ts += rng.choice([1_000, 60_000, 60_000, 3_600_000, 3_600_000, 90_000_000])
        body = _random_body(rng, kind, made)
        spoken = [e for e in made if e.type == "shipment.handover" and "receiver_code" in e.body]
        if kind == "shipment.accept" and spoken and rng.random() < 0.7:   # the receiver of a code hand-over accepts
            code_handover = rng.choice(spoken)
            who = next((p for p in PEOPLE if p.public_key_hex == code_handover.body["to"]), who)
            body = {"shipment": code_handover.body["shipment"], "from": code_handover.author,
                    "index": code_handover.body["index"], "receiver_sig": "cd" * 64}
        prev = heads.get(who.public_key_hex)
        if kind == "shipment.handover.code" and rng.random() < 0.8:   # the code the receiver's acceptance gives
            body["receiver_code"] = acceptance_code(genesis.hash, body["shipment"], who.public_key_hex, body["to"],
                                                    body["index"], "cd" * 64)
        made_entry = entry_mod.create(who, net=genesis.hash, seq=prev.seq + 1 if prev else 1,
                                      prev=prev.hash if prev else None, deps=[] if prev else [genesis.hash],
                                      lamport=max(2, step + rng.randint(-5, 2)), ts=ts,
                                      type=kind.removesuffix(".big").removesuffix(".code"), body=body)
        if prev is not None and prev is not genesis and not forked and rng.random() < 0.02:
            forked = True
            evidence.append(made_entry)   # a clone of the key signed another entry at this seq
            continue
        made.append(made_entry)
        heads[who.public_key_hex] = made_entry
    return made, evidence


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_an_outside_verifier_agrees_with_the_node_on_random_ledgers_table_by_table(rng):
    from app.core.state import fold

    held, evidence = random_ledger(rng)
    flagged: dict[str, int] = {}
    for e in evidence:
        flagged[e.author] = min(flagged.get(e.author, e.seq), e.seq)
    node = fold(sorted(held, key=lambda e: e.key), equivocators=flagged)
    outside = spec_fold.fold([e.raw for e in held], [e.raw for e in evidence])
    for table in spec_fold.DIGEST_TABLES:
        assert spec_fold.canonical_text(outside.tables[table]) == spec_fold.canonical_text(node.tables[table]), table
    assert {h: r["code"] for h, r in outside.tables["ineffective"].items()} == \
        {h: r["code"] for h, r in node.tables["ineffective"].items()}
    assert spec_fold.digest(outside) == node.digest()


def test_an_outside_fold_finds_the_trainers_allocation_run_not_allowed_as_the_document_says():
    """§5 step 9 is the fold's step 3: a fold written from the document records the refusal code."""
    documented = documented_vectors()
    vector = documented["reject-trainer-run"]
    folded = spec_fold.fold(_documented_entries(documented, vector["entries"]) + [vector["canonical"].encode()])
    assert folded.tables["ineffective"][vector["hash"]]["code"] == vector["code"] == "role_not_allowed"
