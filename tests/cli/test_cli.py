"""The command line as an operator uses it: clear results, clear refusals, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.paths import DB_NAME
from tests.cli.conftest import run
from tests.store.tamper import flip_byte_of


def test_recorded_receipt_shows_in_state_log_and_trace(founded, capsys, tmp_path):
    body = tmp_path / "receipt.json"
    body.write_text(json.dumps({"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 1200,
                                "source": "WFP"}))
    assert run(capsys, "record", "stock.receive", "--data", str(founded), "--json", f"@{body}")[0] == 0
    code, out, _ = run(capsys, "state", "--data", str(founded))
    assert code == 0 and "Central depot" in out and "1200" in out
    code, out, _ = run(capsys, "log", "--data", str(founded), "--type", "stock.receive")
    assert code == 0 and "stock.receive" in out and "WFP-001" in out
    code, out, _ = run(capsys, "trace", "WFP-001", "--data", str(founded))
    assert code == 0 and "receive" in out and "sources WFP" in out
    code, out, _ = run(capsys, "state", "--data", str(founded), "--digest")
    assert code == 0 and len(out.strip()) == 64


@pytest.mark.parametrize("json_body, reason", [
    ('{"site":"DEP-1","item":"water-5l","lot":"L","qty":1.5,"source":"WFP"}', "float"),
    ('{"site":"DEP-1","item":"water-5l","lot":"L","qty":5,"sorce":"WFP"}', "unknown field"),
    ('{"site":"DEP-1","item":"water-5l","lot":"L","qty":0,"source":"WFP"}', "at least 1"),
    ('{"site":"DEP-1"', "not valid JSON"),
])
def test_a_bad_record_is_refused_with_the_reason_and_writes_nothing(founded, capsys, json_body, reason):
    before = run(capsys, "state", "--data", str(founded), "--digest")[1]
    code, _out, err = run(capsys, "record", "stock.receive", "--data", str(founded), "--json", json_body)
    assert code == 2 and reason in err
    assert run(capsys, "state", "--data", str(founded), "--digest")[1] == before


def test_a_new_member_signs_with_its_own_key_and_only_within_its_roles(founded, capsys, tmp_path):
    key = tmp_path / "field.key"
    code, out, _ = run(capsys, "keygen", "--out", str(key), "--label", "Field team Dondo")
    assert code == 0
    public_key = out.split()[2]
    code, out, _ = run(capsys, "add-member", "--data", str(founded), "--public-key", public_key, "--org", "IFRC",
                       "--name", "Field team Dondo", "--roles", "field")
    assert code == 0 and "added" in out
    code, out, _ = run(capsys, "record", "request.open", "--data", str(founded), "--key", str(key), "--json",
                       '{"request":"R-1","site":"DEP-1","item":"water-5l","qty":40,"priority":"high",'
                       '"needed_by_ms":1800000000000}')
    assert code == 0 and "recorded request.open as seq 1" in out
    code, _out, err = run(capsys, "record", "site.define", "--data", str(founded), "--key", str(key), "--json",
                          '{"site":"X","name":"X","kind":"depot","lat_e6":0,"lon_e6":0,"org":"X"}')
    assert code == 2 and "role_not_allowed" in err


def test_unknown_roles_and_types_are_explained(founded, capsys):
    code, _out, err = run(capsys, "add-member", "--data", str(founded), "--public-key", "ab" * 32, "--org", "X",
                          "--name", "X", "--roles", "boss")
    assert code == 2 and "unknown role" in err
    code, _out, err = run(capsys, "record", "stock.steal", "--data", str(founded))
    assert code == 2 and "unknown entry type" in err


def test_wrong_passphrase_damaged_key_and_missing_replica_are_clear(founded, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "wrong")
    code, _out, err = run(capsys, "record", "request.cancel", "--data", str(founded), "--field", "request=R",
                          "--field", "reason=x")
    assert code == 2 and "wrong passphrase" in err
    (founded / "identity.key").write_text('{"version": 1, "public_key": "ab"')
    code, _out, err = run(capsys, "record", "request.cancel", "--data", str(founded), "--field", "request=R",
                          "--field", "reason=x")
    assert code == 2 and "damaged" in err
    code, _out, err = run(capsys, "verify", "--data", str(tmp_path / "nowhere"))
    assert code == 2 and "no replica" in err
    code, _out, err = run(capsys, "trace", "NO-SUCH-LOT", "--data", str(founded))
    assert code == 2 and "no lot" in err


def test_demo_verifies_and_a_flipped_byte_fails_verify_naming_the_entry(tmp_path, capsys):
    data = tmp_path / "demo"
    code, out, _ = run(capsys, "demo", "--data", str(data), "--no-gui", "--quiet")
    assert code == 0 and "passphrase" in out
    code, out, _ = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 0 and "OK" in out
    hashes = run(capsys, "log", "--data", str(data), "--type", "shipment.deliver", "--hashes", "--limit", "1")[1]
    target = hashes.split()[0]
    from app.node import Node

    node = Node.open(data)
    raw = node.entry(target).raw
    node.close()
    flip_byte_of(data / DB_NAME, raw, raw.index(b'"qty"') + 7)
    code, out, _ = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 1 and "FAILED: 1 defect" in out and target in out and "altered" in out


def test_version_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("relief-ledger ")
