"""The approval workflow from the command line: propose, approve, reject, withdraw, proposals."""

from __future__ import annotations

import json

from tests.cli.conftest import run

ADJUST = '{"site":"DEP-1","item":"water-5l","lot":"WFP-001","delta":-50,"reason":"pallet crushed by forklift"}'


def keygen(capsys, tmp_path, name: str) -> tuple[str, str]:
    key = tmp_path / f"{name}.key"
    code, out, _ = run(capsys, "keygen", "--out", str(key), "--label", name)
    assert code == 0
    return str(key), out.split()[2]


def proposal_hash(out: str) -> str:
    return next(line.split()[-1] for line in out.splitlines() if line.startswith("proposed"))


def test_commanders_admit_each_other_and_decide_an_adjustment(founded, capsys, tmp_path):
    data = str(founded)
    b_key, b_pub = keygen(capsys, tmp_path, "EOC Chimoio")
    c_key, c_pub = keygen(capsys, tmp_path, "EOC Quelimane")
    # a lone founder admits the first commander at once (default rule, fewer than 3 eligible)
    code, out, _ = run(capsys, "add-member", "--data", data, "--public-key", b_pub, "--org", "INGD Manica",
                       "--name", "EOC Chimoio", "--roles", "commander")
    assert code == 0 and "added" in out
    # with two commanders, the second must agree to the third
    code, out, _ = run(capsys, "add-member", "--data", data, "--public-key", c_pub, "--org", "INGD Zambezia",
                       "--name", "EOC Quelimane", "--roles", "commander")
    assert code == 0 and "proposed" in out and "takes effect once approved" in out
    admit = out.strip().splitlines()[-1].split()[-1]
    code, out, _ = run(capsys, "proposals", "--data", data)
    assert code == 0 and admit[:16] in out and "1 of 2" in out and "EOC Chimoio" in out
    code, out, _ = run(capsys, "approve", admit[:10], "--data", data, "--key", b_key)
    assert code == 0 and "took effect" in out

    assert run(capsys, "record", "stock.receive", "--data", data, "--field", "site=DEP-1", "--field",
               "item=water-5l", "--field", "lot=WFP-001", "--field", "qty=500", "--field", "source=WFP")[0] == 0
    code, _out, err = run(capsys, "record", "stock.adjust", "--data", data, "--json", ADJUST)
    assert code == 2 and "needs_approval" in err

    code, out, _ = run(capsys, "propose", "stock.adjust", "--data", data, "--json", ADJUST,
                       "--reason", "Forklift accident at the central depot")
    assert code == 0 and "0 of 2" in out
    proposal = proposal_hash(out)
    code, out, _ = run(capsys, "approve", proposal, "--data", data, "--key", b_key, "--comment", "seen it")
    assert code == 0 and "1 of 2" in out
    code, _out, err = run(capsys, "approve", proposal, "--data", data, "--key", b_key)
    assert code == 2 and "already approved" in err
    code, out, _ = run(capsys, "approve", proposal, "--data", data, "--key", c_key)
    assert code == 0 and "took effect (applied)" in out
    state = json.loads(run(capsys, "state", "--data", data, "--json")[1])
    assert state["stock"]["DEP-1|water-5l|WFP-001"]["qty"] == 450
    code, out, _ = run(capsys, "proposals", "--data", data, "--all", "--detail", "--subject", "WFP-001")
    assert code == 0 and "approved" in out and "approved by EOC Quelimane" in out and '"delta": -50' in out


def test_reject_needs_a_comment_and_withdraw_is_for_the_proposer(founded, capsys, tmp_path):
    data = str(founded)
    b_key, b_pub = keygen(capsys, tmp_path, "EOC Chimoio")
    assert run(capsys, "add-member", "--data", data, "--public-key", b_pub, "--org", "INGD Manica",
               "--name", "EOC Chimoio", "--roles", "commander")[0] == 0
    code, out, _ = run(capsys, "propose", "stock.adjust", "--data", data, "--json", ADJUST, "--reason", "count")
    first = proposal_hash(out)
    try:
        run(capsys, "reject", first, "--data", data, "--key", b_key)
        raise AssertionError("reject without --comment must not parse")
    except SystemExit as exc:
        assert exc.code == 2
    capsys.readouterr()
    code, out, _ = run(capsys, "reject", first, "--data", data, "--key", b_key, "--comment", "count again")
    assert code == 0 and "rejected: count again" in out
    code, out, _ = run(capsys, "propose", "stock.adjust", "--data", data, "--json", ADJUST, "--reason", "recount")
    second = proposal_hash(out)
    code, _out, err = run(capsys, "withdraw", second, "--data", data, "--key", b_key)
    assert code == 2 and "only the proposer" in err
    code, out, _ = run(capsys, "withdraw", second, "--data", data, "--comment", "found it")
    assert code == 0 and "withdrawn: found it" in out
    code, _out, err = run(capsys, "approve", "zzzzzz", "--data", data, "--key", b_key)
    assert code == 2 and "no proposal matches" in err
    code, _out, err = run(capsys, "propose", "site.define", "--data", data, "--json", "{}", "--reason", "x")
    assert code == 2 and "not a permissioned action" in err


def test_init_takes_policies_and_refuses_a_bad_one_before_writing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    base = ("init", "--name", "N", "--org", "O", "--display-name", "D")
    code, _out, err = run(capsys, *base, "--data", str(tmp_path / "bad"), "--policies", '{"stock.adjust":{"quorum":0}}')
    assert code == 2 and "quorum" in err and not (tmp_path / "bad").exists()
    code, _out, err = run(capsys, *base, "--data", str(tmp_path / "bad"), "--policies", '{"site.define":{}}')
    assert code == 2 and "not a permissioned action" in err
    policies = '{"stock.adjust":{"quorum":1,"roles":["commander"],"proposer_counts":true}}'
    code, _out, _err = run(capsys, *base, "--data", str(tmp_path / "ok"), "--policies", policies)
    assert code == 0
    code, out, _ = run(capsys, "proposals", "--data", str(tmp_path / "ok"), "--detail")
    assert code == 0 and '"quorum": 1' in out
