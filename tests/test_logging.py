"""What the log holds: enough to reconstruct what an operator did, never a passphrase or a key.

An operator runs the usual commands with `--log-level DEBUG --log-file PATH`, a second command center
syncs from the first, and someone unlocks the desktop client with a wrong then the right passphrase;
afterwards neither the passphrase, the private key (hex or raw bytes), the key file's sealed contents
nor the scrypt-derived key appear in any log record or in the log file.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import pytest

from app.cli import main
from app.core.identity import _kdf, load_key_file
from app.node import Node
from app.paths import KEY_NAME
from app.ui.app import PassphraseDialog

PASSPHRASE = "correct horse battery staple 7713"
WRONG = "wrong horse battery staple 9921"


def secrets_of(key_file: Path, passphrase: str) -> list[str]:
    """Every form in which this key's secrets could leak into text."""
    identity = load_key_file(key_file, passphrase)
    document = json.loads(key_file.read_text(encoding="utf-8"))
    kdf = document["kdf"]
    derived = _kdf(passphrase, bytes.fromhex(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])
    forms = [passphrase, document["cipher"]["ciphertext"], key_file.read_text(encoding="utf-8")]
    for secret in (identity.seed(), derived):
        forms += [secret.hex(), secret.hex().upper(), repr(secret), base64.b64encode(secret).decode()]
    return forms


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """The messages, their arguments and any traceback text of every record caught."""
    parts = []
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args), record.exc_text or ""]
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(repr(record.exc_info[1]))
    return "\n".join(parts)


def assert_no_secret(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"a secret reached the log: {secret[:8]}…"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    code = main(list(argv))
    capsys.readouterr()
    return code


@pytest.fixture
def founded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", PASSPHRASE)
    data = tmp_path / "hq"
    assert cli(capsys, "init", "--data", str(data), "--name", "Floods 2026", "--org", "NDMA",
               "--display-name", "National EOC", "--kind", "exercise") == 0
    return data


def test_a_day_of_commands_at_debug_logs_what_happened_and_no_secret(founded: Path, tmp_path: Path, caplog,
                                                                    capsys, monkeypatch) -> None:
    log_file = tmp_path / "relief.log"
    debug = ("--log-level", "debug", "--log-file", str(log_file))
    caplog.set_level(logging.DEBUG)
    assert cli(capsys, "record", "site.define", "--data", str(founded), *debug, "--field", "site=DEP-1",
               "--field", "name=Central depot", "--field", "kind=depot", "--field", "lat_e6=-19843000",
               "--field", "lon_e6=34838000", "--field", "org=WFP") == 0
    assert cli(capsys, "record", "site.define", "--data", str(founded), *debug, "--field", "site=DEP-2") == 2
    for command in ("state", "log", "verify"):
        assert cli(capsys, command, "--data", str(founded), *debug) == 0
    assert cli(capsys, "keygen", "--out", str(tmp_path / "field.key"), "--label", "field", *debug) == 0
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", WRONG)
    assert cli(capsys, "record", "site.define", "--data", str(founded), *debug, "--field", "site=DEP-3") == 2

    written = log_file.read_text(encoding="utf-8")
    assert "DEBUG app." in written and "INFO app.node: opened the replica" in written
    assert "INFO app.node_signing: own site.define refused (bad_body)" in written   # the refused record is on file
    secrets = secrets_of(founded / KEY_NAME, PASSPHRASE) + secrets_of(tmp_path / "field.key", PASSPHRASE)
    assert_no_secret(written, secrets + [WRONG])
    assert_no_secret(everything_logged(caplog), secrets + [WRONG])


def test_log_level_filters_what_reaches_the_file(founded: Path, tmp_path: Path, capsys) -> None:
    quiet, info = tmp_path / "quiet.log", tmp_path / "info.log"
    assert cli(capsys, "state", "--data", str(founded), "--log-file", str(quiet)) == 0   # WARNING by default
    assert cli(capsys, "state", "--data", str(founded), "--log-level", "INFO", "--log-file", str(info)) == 0
    assert "opened the replica" not in quiet.read_text(encoding="utf-8")
    written = info.read_text(encoding="utf-8")
    assert "INFO app.node: opened the replica" in written and " DEBUG " not in written


def test_an_unknown_log_level_is_refused_before_anything_runs(founded: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["state", "--data", str(founded), "--log-level", "chatty"])
    assert stopped.value.code == 2 and "--log-level" in capsys.readouterr().err


def test_an_unwritable_log_file_is_one_clear_sentence(founded: Path, tmp_path: Path, capsys) -> None:
    code = main(["state", "--data", str(founded), "--log-file", str(tmp_path / "no" / "such" / "dir.log")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write the log file" in err and "Traceback" not in err


def test_a_sync_between_two_centers_logs_no_secret(tmp_path: Path, cast, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    Node.create_network(tmp_path / "hq", cast.commander, name="N", kind="exercise", org="O", display_name="HQ",
                        passphrase=PASSPHRASE).close()
    hq = Node.open(tmp_path / "hq", PASSPHRASE)
    try:
        hq.append("site.define", {"site": "DEP-1", "name": "Depot", "kind": "depot", "lat_e6": 0, "lon_e6": 0,
                                  "org": "O"})
        copy = Node.create_joining(tmp_path / "field", cast.field, display_name="Field", passphrase=PASSPHRASE)
        try:
            report = copy.receive(hq.iter_missing(copy.frontier()))
            assert len(report.accepted) == hq.entry_count()
        finally:
            copy.close()
    finally:
        hq.close()
    assert any(r.name == "app.node" and "opened the replica" in r.getMessage() for r in caplog.records)
    secrets = secrets_of(tmp_path / "hq" / KEY_NAME, PASSPHRASE) + secrets_of(tmp_path / "field" / KEY_NAME,
                                                                              PASSPHRASE)
    assert_no_secret(everything_logged(caplog), secrets)


def test_unlocking_the_client_logs_neither_the_passphrase_nor_the_key(qtbot, tmp_path: Path, cast, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    Node.create_network(tmp_path / "hq", cast.commander, name="N", kind="live", org="O", display_name="HQ",
                        passphrase=PASSPHRASE).close()
    dialog = PassphraseDialog(tmp_path / "hq")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(WRONG)
    assert not dialog.try_unlock()
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.try_unlock()
    assert_no_secret(everything_logged(caplog), secrets_of(tmp_path / "hq" / KEY_NAME, PASSPHRASE) + [WRONG])


@pytest.mark.parametrize("command, expected", [(["state"], "WARNING"), (["node"], "INFO"),
                                               (["node", "--log-level", "error"], "ERROR"), (["gui"], "WARNING")])
def test_a_running_node_logs_at_info_and_one_shot_commands_at_warning(founded: Path, monkeypatch, capsys,
                                                                      command: list[str], expected: str) -> None:
    import app.cli as cli_package
    from app.cli.common import CliError

    chosen: list[str] = []

    def record_level(level: str, log_file: str | None) -> None:
        chosen.append(level)
        raise CliError("stopped before running: only the level was wanted")

    monkeypatch.setattr(cli_package, "configure_logging", record_level)
    assert main([command[0], "--data", str(founded), *command[1:]]) == 2
    assert chosen == [expected]
