"""What the commands leave on disk: keys only the operator can read, nothing half-made that blocks a
retry, no empty replica after a failed import, and not one byte written by a command that only reads."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.identity import Identity, KeyFileError, load_key_file, save_key_file
from app.paths import DB_NAME, KEY_NAME
from tests.cli.conftest import run

REPO = Path(__file__).resolve().parents[2]
INIT = ("--name", "Floods 2026", "--org", "NDMA", "--display-name", "National EOC", "--kind", "exercise")


@pytest.fixture
def open_umask():
    """An operator whose shell has umask 000: files are world-readable unless the program says otherwise."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- keys only the owner can read -------------------------------------------------------------------
def test_a_founded_nodes_key_file_is_private_whatever_the_umask(tmp_path, monkeypatch, capsys, open_umask):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    data = tmp_path / "hq"
    assert run(capsys, "init", "--data", str(data), *INIT)[0] == 0
    assert mode(data / KEY_NAME) == 0o600


def test_keygen_writes_a_private_key_file_whatever_the_umask(tmp_path, monkeypatch, capsys, open_umask):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    out = tmp_path / "keys" / "field-team.key"
    code, text, _err = run(capsys, "keygen", "--out", str(out), "--label", "Field team 3")
    assert code == 0 and "fingerprint" in text
    assert mode(out) == 0o600


def test_a_key_file_is_never_world_readable_even_for_an_instant(tmp_path, open_umask, monkeypatch):
    """The temporary file the key is first written to is private too (it holds the same secret)."""
    seen: list[int] = []
    real_replace = os.replace

    def watch(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append(stat.S_IMODE(os.stat(src).st_mode))
        return real_replace(src, dst)
    monkeypatch.setattr(os, "replace", watch)
    save_key_file(tmp_path / "node.key", Identity.generate(), "pw")
    assert seen == [0o600]


def test_verify_warns_about_a_key_file_others_can_read_without_failing_the_ledger(founded, capsys):
    """Someone copied the replica with `cp` under umask 022: the key is encrypted, but it should be 0600."""
    os.chmod(founded / KEY_NAME, 0o644)
    code, out, _err = run(capsys, "verify", "--data", str(founded))
    assert code == 0 and "OK: every entry verifies" in out
    assert f"key file {founded / KEY_NAME}" in out
    assert "key_file_exposed: mode 0644" in out and f"chmod 600 {founded / KEY_NAME}" in out
    assert out.index("key_file_exposed") < out.index("OK:")   # read before the verdict


def test_verify_says_nothing_about_a_private_key_file(founded, capsys):
    assert mode(founded / KEY_NAME) == 0o600
    code, out, _err = run(capsys, "verify", "--data", str(founded))
    assert code == 0 and "key_file_exposed" not in out and "warning" not in out


def test_verify_warns_about_a_group_writable_demo_key_too(founded, capsys):
    """A trainer's demo folder: each member's key in demo-keys/ is checked like the node's own."""
    keys = founded / "demo-keys"
    save_key_file(keys / "observer.key", Identity.generate(), "pw")
    save_key_file(keys / "trainer.key", Identity.generate(), "pw")
    os.chmod(keys / "observer.key", 0o620)
    code, out, _err = run(capsys, "verify", "--data", str(founded))
    assert code == 0
    assert out.count("key_file_exposed") == 1 and "observer.key" in out and "mode 0620" in out


def test_verify_still_warns_when_the_ledger_is_defective(founded, capsys):
    """The warning is independent of the verdict: a damaged database does not hide an exposed key."""
    os.chmod(founded / KEY_NAME, 0o640)
    (founded / DB_NAME).write_bytes(b"not a database at all" * 100)
    code, out, _err = run(capsys, "verify", "--data", str(founded))
    assert code == 1 and "key_file_exposed: mode 0640" in out


def test_keygen_does_not_overwrite_an_existing_key(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    out = tmp_path / "mine.key"
    out.write_text("precious")
    code, _out, err = run(capsys, "keygen", "--out", str(out))
    assert code == 2 and "refusing to overwrite" in err
    assert out.read_text() == "precious"


# -- the scrypt floor -----------------------------------------------------------------------------------
@pytest.mark.parametrize("weaken, named", [
    ({"n": 2**10}, "n"),
    ({"n": 2**14}, "n"),
    ({"r": 1}, "r"),
    ({"p": 0}, "p"),
    ({"salt": "00" * 8}, "salt"),
])
def test_a_key_file_with_scrypt_parameters_below_the_floor_is_refused(tmp_path, weaken, named):
    """Someone swapped in a copy whose passphrase is cheap to guess: the node says so and does not use it."""
    path = tmp_path / "node.key"
    save_key_file(path, Identity.generate(), "pw")
    document = json.loads(path.read_text())
    document["kdf"].update(weaken)
    path.write_text(json.dumps(document))
    with pytest.raises(KeyFileError) as caught:
        load_key_file(path, "pw")
    assert caught.value.code == "weak_kdf"
    assert "below the floor" in str(caught.value) and f"{named}" in str(caught.value)


def test_a_weak_key_file_gives_one_sentence_at_the_terminal(founded, capsys):
    key = founded / KEY_NAME
    document = json.loads(key.read_text())
    document["kdf"]["n"] = 2**12
    key.write_text(json.dumps(document))
    code, _out, err = run(capsys, "record", "site.define", "--data", str(founded), "--field", "site=S2")
    assert code == 2 and "weak_kdf" in err and err.count("\n") == 1


# -- a killed init --------------------------------------------------------------------------------------
KILL_AT = {
    # after the key file is written, before the database exists (the case seen by the outside check)
    "key_written": ("app.node", None, "save_key_file"),
    # after the database exists, before the genesis is stored
    "database_made": ("app.node", None, "ReplicaStore"),
    # after the genesis is committed, before init has reported anything
    "genesis_stored": ("app.node", "Node", "receive"),
}


def _init_killed_at(step: str, data: Path) -> None:
    """Run `init` in a child process that SIGKILLs itself right after `step` (no clean-up can run)."""
    module, owner, name = KILL_AT[step]
    script = textwrap.dedent(f"""
        import importlib, os, signal
        holder = importlib.import_module({module!r})
        holder = getattr(holder, {owner!r}) if {owner!r} else holder
        real = getattr(holder, {name!r})
        def then_die(*args, **kwargs):
            result = real(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
            return result
        setattr(holder, {name!r}, then_die)
        from app.cli import main
        main(["init", "--data", {str(data)!r}, *{list(INIT)!r}])
    """)
    env = {**os.environ, "RELIEF_LEDGER_PASSPHRASE": "first try", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()


@pytest.mark.parametrize("step", list(KILL_AT))
def test_an_init_killed_at_any_step_can_simply_be_run_again(step, tmp_path, monkeypatch, capsys):
    data = tmp_path / "hq"
    _init_killed_at(step, data)
    code, _out, err = run(capsys, "state", "--data", str(data))
    assert code == 2 and "init" in err and "again" in err, err   # says what happened and what to do
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "second try")
    code, out, err = run(capsys, "init", "--data", str(data), *INIT)
    assert code == 0 and "founded" in out, err
    assert run(capsys, "state", "--data", str(data))[0] == 0
    code, out, _err = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 0 and "OK" in out
    load_key_file(data / KEY_NAME, "second try")   # the key the operator was told about is the one kept
    assert [p.name for p in data.iterdir() if "init" in p.name] == []


def test_a_key_left_by_an_older_interrupted_init_is_reused_with_its_passphrase(tmp_path, monkeypatch, capsys):
    """identity.key alone (no database, no marker) has signed nothing: init finishes with that key."""
    data = tmp_path / "hq"
    data.mkdir()
    left = Identity.generate()
    save_key_file(data / KEY_NAME, left, "correct horse")
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "wrong horse")
    code, _out, err = run(capsys, "init", "--data", str(data), *INIT)
    assert code == 2 and "passphrase" in err and not (data / DB_NAME).exists()
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    code, out, err = run(capsys, "init", "--data", str(data), *INIT)
    assert code == 0 and left.fingerprint in out, err
    assert run(capsys, "verify", "--data", str(data), "--quiet")[0] == 0


def test_init_still_refuses_a_real_replica(founded, monkeypatch, capsys):
    before = tree_fingerprint(founded)
    code, _out, err = run(capsys, "init", "--data", str(founded), *INIT)
    assert code == 2 and "already holds a replica" in err
    assert tree_fingerprint(founded) == before


def test_init_does_not_take_over_a_node_that_waits_to_join(tmp_path, monkeypatch, capsys):
    """A joining node's key may already be on an admin's screen: init must not replace it."""
    from app.node import Node

    data = tmp_path / "van"
    Node.create_joining(data, Identity.generate(), display_name="Van 2", passphrase="correct horse").close()
    before = tree_fingerprint(data)
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    code, _out, err = run(capsys, "init", "--data", str(data), *INIT)
    assert code == 2 and "join" in err
    assert tree_fingerprint(data) == before


# -- a failed import ------------------------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"RLBNDL1\n", b"RLBNDL1\n\x00\x00\x00\x05junk!"],
                         ids=["marker only", "junk header"])
def test_a_failed_import_into_an_empty_directory_leaves_no_replica(tmp_path, capsys, content):
    bundle = tmp_path / "stick.rlb"
    bundle.write_bytes(content)
    data = tmp_path / "fresh"
    code, _out, err = run(capsys, "bundle", "import", str(bundle), "--data", str(data))
    assert code != 0 and err
    assert not data.exists()
    data.mkdir()   # an empty directory the operator made stays, and stays empty
    code, _out, _err = run(capsys, "bundle", "import", str(bundle), "--data", str(data))
    assert code != 0 and list(data.iterdir()) == []


def test_an_import_of_which_nothing_can_be_placed_leaves_no_replica(founded, tmp_path, capsys):
    """A bundle made for a replica that already holds the genesis: a fresh directory can place none of it."""
    frontier = tmp_path / "frontier.json"
    assert run(capsys, "bundle", "frontier", str(frontier), "--data", str(founded))[0] == 0
    document = json.loads(frontier.read_text())
    document["heads"] = {author: 1 for author in document["heads"]}
    frontier.write_text(json.dumps(document))
    bundle = tmp_path / "stick.rlb"
    assert run(capsys, "bundle", "export", str(bundle), "--frontier", str(frontier), "--data", str(founded))[0] == 0
    data = tmp_path / "fresh"
    data.mkdir()
    code, out, _err = run(capsys, "bundle", "import", str(bundle), "--data", str(data))
    assert code == 1 and "waiting" in out
    assert list(data.iterdir()) == []


# -- commands that only read write nothing ---------------------------------------------------------------
READ_ONLY = [
    ("state",), ("state", "--digest"), ("log",), ("trace", "LOT-1"), ("proposals",), ("verify", "--quiet"),
    ("bundle", "frontier"), ("runs",),
]


def tree_fingerprint(data: Path) -> dict[str, tuple[str, int]]:
    """Every file in the data directory: its bytes' hash and its modification time."""
    return {str(p.relative_to(data)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(data.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c))
def test_a_reading_command_on_an_empty_database_file_writes_nothing(command, tmp_path, capsys):
    data = tmp_path / "hq"
    data.mkdir()
    (data / DB_NAME).touch()
    before = tree_fingerprint(data)
    code, _out, err = run(capsys, *command, "--data", str(data))
    assert code != 0 and err.count("\n") <= 3 and ("no replica" in err or "damaged" in err or "FAILED" in _out)
    assert tree_fingerprint(data) == before
    assert (data / DB_NAME).stat().st_size == 0


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c))
def test_a_reading_command_on_a_healthy_replica_writes_nothing(command, founded, capsys):
    before = tree_fingerprint(founded)
    code, _out, err = run(capsys, *command, "--data", str(founded))
    assert code in (0, 2), err   # trace names an unknown lot with status 2
    assert tree_fingerprint(founded) == before


def test_a_reading_command_on_a_missing_directory_creates_nothing(tmp_path, capsys):
    data = tmp_path / "nowhere"
    for command in READ_ONLY:
        code, _out, err = run(capsys, *command, "--data", str(data))
        assert code != 0 and "no replica" in err, (command, err)
    assert not data.exists()


def test_a_join_cut_off_before_its_database_existed_resumes_with_the_same_key(tmp_path, monkeypatch, capsys):
    """The fingerprint may already be on the admin's screen: the second `join` keeps the key and goes on."""
    data = tmp_path / "van"
    data.mkdir()
    key = Identity.generate()
    save_key_file(data / KEY_NAME, key, "correct horse", label="Van 2")
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    code, out, err = run(capsys, "join", "--data", str(data), "--name", "Van 2", "--org", "MSF", "--listen",
                         "127.0.0.1", "--port", "0", "--no-discovery", "--timeout", "0.2")
    assert code == 3 and key.fingerprint in out, err   # waiting to be admitted, as any join that is not yet
    assert (data / DB_NAME).exists()
    assert load_key_file(data / KEY_NAME, "correct horse").public_key == key.public_key


def _leave_committed_wal(db: Path) -> None:
    """A writer that committed and then died: its transaction lives only in ledger.db-wal."""
    script = ("import sqlite3, os, sys\n"
              "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint=0')\n"
              "c.execute(\"INSERT INTO meta (key, value) VALUES ('left-by-a-crash', 'x')\"); c.commit()\n"
              "os._exit(9)\n")
    subprocess.run([sys.executable, "-c", script, str(db)], check=False, timeout=60)
    assert (db.parent / (db.name + "-wal")).stat().st_size > 0


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c))
def test_a_reading_command_leaves_a_crashed_writers_log_as_it_found_it(command, founded, capsys):
    """Folding the write-ahead log into the database is a write (and would erase what verify examines)."""
    _leave_committed_wal(founded / DB_NAME)
    before = {k: v for k, v in tree_fingerprint(founded).items() if not k.endswith("-shm")}
    code, _out, err = run(capsys, *command, "--data", str(founded))
    assert code in (0, 2), err
    after = {k: v for k, v in tree_fingerprint(founded).items() if not k.endswith("-shm")}
    assert after == before   # the -shm index is SQLite's shared memory, rebuilt by every reader


def test_a_reused_key_survives_an_init_killed_while_founding_with_it(tmp_path, monkeypatch, capsys):
    """Starting over removes only what the killed init made, never a key that was there before it."""
    data = tmp_path / "hq"
    data.mkdir()
    left = Identity.generate()
    save_key_file(data / KEY_NAME, left, "first try")
    _init_killed_at("database_made", data)
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "first try")
    code, out, err = run(capsys, "init", "--data", str(data), *INIT)
    assert code == 0 and left.fingerprint in out, err


def test_a_new_key_never_replaces_a_key_file_that_appears_at_the_last_moment(tmp_path):
    """keygen checks first, but another program may write the same path meanwhile: that file is kept."""
    path = tmp_path / "field-team.key"
    path.write_text("someone else's key")
    with pytest.raises(KeyFileError, match="refusing to overwrite"):
        save_key_file(path, Identity.generate(), "pw", overwrite=False)
    assert path.read_text() == "someone else's key"
    assert [p.name for p in tmp_path.iterdir()] == ["field-team.key"]
