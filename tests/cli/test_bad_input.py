"""An attacker (or a bad disk) at the command line: every bad input ends in one sentence on stderr and a
non-zero exit, never a traceback, and the replica's files are exactly as they were."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.net import control
from app.net.bundle import MAGIC
from app.paths import DB_NAME
from tests.store.tamper import checkpoint

BOMB = "[" * 100_000 + "]" * 100_000
RECEIPT = ["stock.receive", "--field", "site=DEP-1", "--field", "item=water-5l", "--field", "lot=L-9",
           "--field", "source=WFP"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(data: Path) -> str:
    """Every byte of the replica's database and of any committed WAL frame: unchanged means nothing was written.

    The header's journal-mode bytes (18-19) and the change counters that switching it bumps (24-27, 92-95)
    are left out: any open switches the file to WAL mode (the tamper helpers leave it off). A WAL of just
    its 32-byte header holds no write.
    """
    database = bytearray((data / DB_NAME).read_bytes())
    for start, end in ((18, 20), (24, 28), (92, 96)):
        database[start:end] = bytes(end - start)
    wal = data / (DB_NAME + "-wal")
    frames = wal.read_bytes() if wal.exists() and wal.stat().st_size > 32 else b""
    return hashlib.sha256(bytes(database) + b"|" + frames).hexdigest()


def assert_one_sentence(code: int, err: str, *phrases: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.fixture
def stocked(founded: Path, capsys) -> Path:
    """The founded network with one receipt, closed, every committed byte in ledger.db."""
    assert run(capsys, "record", "stock.receive", "--data", str(founded), "--json",
               '{"site":"DEP-1","item":"water-5l","lot":"WFP-001","qty":1200,"source":"WFP"}')[0] == 0
    checkpoint(founded / DB_NAME)
    return founded


# -- what an operator types ------------------------------------------------------------------------------
@pytest.mark.parametrize("field, phrase", [
    ("qty=²", "digits 0-9"),
    ("qty=--5", "digits 0-9"),
    ("qty=٣", "digits 0-9"),          # Arabic-Indic three: int() reads it as 3, the ledger must not
    ("qty=1_200", "digits 0-9"),
    ("qty=" + "9" * 5000, "at most 16 digits"),
    ("tags=" + BOMB, "deeper than the ledger's 16 levels"),
])
def test_a_field_that_is_not_a_plain_number_is_refused_not_guessed(stocked, capsys, field, phrase):
    before = fingerprint(stocked)
    code, _out, err = run(capsys, "record", *RECEIPT, "--data", str(stocked), "--field", field)
    assert_one_sentence(code, err, phrase)
    assert fingerprint(stocked) == before


@pytest.mark.parametrize("json_arg, phrase", [
    ('{"site":' + BOMB + "}", "deeper than the ledger's 16 levels"),
    ("@/nonexistent/receipt.json", "cannot read /nonexistent/receipt.json"),
])
def test_a_json_body_bomb_or_missing_file_is_one_sentence(stocked, capsys, json_arg, phrase):
    before = fingerprint(stocked)
    code, _out, err = run(capsys, "record", "stock.receive", "--data", str(stocked), "--json", json_arg)
    assert_one_sentence(code, err, phrase)
    assert fingerprint(stocked) == before


def test_a_non_utf8_json_file_is_one_sentence(stocked, capsys, tmp_path):
    body = tmp_path / "latin1.json"
    body.write_bytes(b'{"source":"Caf\xe9"}')
    code, _out, err = run(capsys, "record", "stock.receive", "--data", str(stocked), "--json", f"@{body}")
    assert_one_sentence(code, err, "is not UTF-8 text")


def test_a_huge_log_limit_is_a_usage_error_not_an_overflow(stocked, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["log", "--data", str(stocked), "--limit", "1" + "0" * 20])
    err = capsys.readouterr().err
    assert usage.value.code == 2 and "not a whole number from 1 to 1,000,000" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["bundle", "export", "{missing}/out.rlb"],
                                  ["bundle", "frontier", "{missing}/f.json"]])
def test_writing_a_bundle_or_frontier_where_no_directory_is_one_sentence(stocked, capsys, tmp_path, argv):
    missing = tmp_path / "no such folder"
    code, _out, err = run(capsys, *[a.format(missing=missing) for a in argv], "--data", str(stocked))
    assert_one_sentence(code, err, f"cannot write {missing}")
    assert not missing.exists()


# -- what a stick carries --------------------------------------------------------------------------------
def bundle_of(capsys, data: Path, path: Path) -> list[bytes]:
    assert run(capsys, "bundle", "export", str(path), "--data", str(data))[0] == 0
    raw = path.read_bytes()
    frames, at = [], len(MAGIC)
    while at < len(raw):
        (length,) = struct.unpack(">I", raw[at:at + 4])
        frames.append(raw[at + 4:at + 4 + length])
        at += 4 + length
    return frames


def packed(frames: list[bytes]) -> bytes:
    return MAGIC + b"".join(struct.pack(">I", len(f)) + f for f in frames)


def with_header(frames: list[bytes], **changes: object) -> list[bytes]:
    return [json.dumps({**json.loads(frames[0]), **changes}).encode(), *frames[1:]]


def with_first_item(frames: list[bytes], item: dict) -> list[bytes]:
    first = json.loads(frames[1])
    first["entries"] = [item]
    return [frames[0], json.dumps(first).encode(), *frames[2:]]


BUNDLES: dict[str, tuple[Callable[[list[bytes]], list[bytes]], str, str]] = {
    # name: (how the file is altered, where the answer is, what it says)
    "a nesting bomb as the header": (lambda f: [BOMB.encode(), *f[1:]], "err", "header is unreadable"),
    "a nesting bomb inside the header": (lambda f: [b'{"t":"bundle","v":1,"net":' + BOMB.encode() + b"}", *f[1:]],
                                         "err", "header is unreadable"),
    "a nesting bomb as an entries frame": (lambda f: [f[0], BOMB.encode(), *f[1:]], "out",
                                           "unreadable frame (malformed_frame"),
    "non-hex bytes as the exporter key": (lambda f: with_header(f, exporter="zz" * 32), "out", "seal: NOT intact"),
    "a lone surrogate in an entry": (lambda f: with_first_item(f, {"raw": "\ud800", "sig": "00" * 64}), "out",
                                     "bad_string"),
    "an entry that is no canonical JSON": (lambda f: with_first_item(f, {"raw": '{"b":1,"a":2}', "sig": "00" * 64}),
                                           "out", "non_canonical"),
}


@pytest.mark.parametrize("case", sorted(BUNDLES))
def test_a_hostile_bundle_is_refused_or_reported_and_changes_nothing(stocked, capsys, tmp_path, case):
    alter, where, phrase = BUNDLES[case]
    frames = bundle_of(capsys, stocked, tmp_path / "good.rlb")
    hostile = tmp_path / "hostile.rlb"
    hostile.write_bytes(packed(alter(frames)))
    before = fingerprint(stocked)
    code, out, err = run(capsys, "bundle", "import", str(hostile), "--data", str(stocked))
    assert code != 0 and "Traceback" not in out + err
    if where == "err":
        assert_one_sentence(code, err, phrase)
    else:
        assert phrase in out and not err
    assert fingerprint(stocked) == before


# -- what the local socket hears -------------------------------------------------------------------------
def test_a_nesting_bomb_on_control_sock_gets_a_refusal_line_and_appends_nothing(tmp_path):
    appended: list = []

    async def scenario() -> dict:
        server = await control.serve(tmp_path / control.CONTROL_NAME, lambda items: appended.extend(items) or [])
        try:
            reader, writer = await asyncio.open_unix_connection(str(tmp_path / control.CONTROL_NAME))
            writer.write(b'{"op":"append","items":[["road.report",' + BOMB.encode() + b"]]}\n")
            await writer.drain()
            reply = json.loads(await reader.readline())
            writer.close()
            return reply
        finally:
            server.close()
            await server.wait_closed()

    reply = asyncio.run(scenario())
    assert reply["ok"] is False and "deeper than" in reply["error"] and not appended


# -- what a bad disk or a hand edit leaves behind --------------------------------------------------------
def flip_stored_qty(data: Path) -> None:
    """A flipped bit inside a stored entry's body: still valid JSON, but no longer the bytes that were signed."""
    db = data / DB_NAME
    raw = bytearray(db.read_bytes())
    at = raw.find(b'"qty":1200')
    raw[at + 7] ^= 0x01
    db.write_bytes(bytes(raw))


def break_stored_json(data: Path) -> None:
    db = data / DB_NAME
    raw = bytearray(db.read_bytes())
    at = raw.find(b'"qty":1200')
    raw[at + 5] = ord("#")
    db.write_bytes(bytes(raw))


def zero_page(number: int) -> Callable[[Path], None]:
    def damage(data: Path) -> None:
        db = data / DB_NAME
        raw = bytearray(db.read_bytes())
        size = int.from_bytes(raw[16:18], "big")
        raw[size * (number - 1):size * number] = bytes(size)
        db.write_bytes(bytes(raw))
    return damage


def sql(statement: str) -> Callable[[Path], None]:
    def damage(data: Path) -> None:
        connection = sqlite3.connect(data / DB_NAME)
        connection.execute(statement)
        connection.commit()
        connection.close()
    return damage


DAMAGE: dict[str, Callable[[Path], None]] = {
    "flipped body byte": flip_stored_qty,
    "stored entry no longer JSON": break_stored_json,
    "zeroed page": zero_page(2),
    "state row edited into non-JSON": sql("UPDATE state_rows SET value = '{\"qty\":' WHERE tbl = 'stock'"),
    "state row edited into a list": sql("UPDATE state_rows SET value = '[1]' WHERE tbl = 'stock'"),
    "state row missing a field": sql("UPDATE state_rows SET value = '{}' WHERE tbl = 'sites'"),
    "state table dropped": sql("DROP TABLE state_rows"),
    "state position edited": sql("UPDATE meta SET value = '{\"position\":5}' WHERE key = 'state_position'"),
    "last entry dropped": sql("DELETE FROM entries WHERE type = 'stock.receive'"),
}

# (damage, command) pairs where the command reads what was damaged; `verify` is in every row
CASES = [
    ("flipped body byte", ("log",)), ("flipped body byte", ("trace", "WFP-001")),
    ("stored entry no longer JSON", ("log",)), ("stored entry no longer JSON", ("trace", "WFP-001")),
    *[("zeroed page", command) for command in (("state",), ("log",), ("proposals",), ("record", *RECEIPT[0:1]))],
    *[(damage, command) for damage in ("state row edited into non-JSON", "state row edited into a list",
                                       "state table dropped", "state position edited")
      for command in (("state",), ("log",), ("proposals",), ("record", *RECEIPT))],
    ("state row missing a field", ("state",)),
    ("last entry dropped", ("trace", "WFP-001")),
]


@pytest.mark.parametrize("damage, command", CASES, ids=[f"{d}-{c[0]}" for d, c in CASES])
def test_a_damaged_replica_is_named_damaged_in_one_sentence_and_left_as_it_is(stocked, capsys, damage, command):
    DAMAGE[damage](stocked)
    before = fingerprint(stocked)
    name, *rest = command
    code, _out, err = run(capsys, name, *rest, "--data", str(stocked))
    assert_one_sentence(code, err, "is damaged", "relief-ledger verify")
    assert fingerprint(stocked) == before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_verify_names_the_damage_without_a_traceback(stocked, capsys, damage):
    DAMAGE[damage](stocked)
    code, out, err = run(capsys, "verify", "--quiet", "--data", str(stocked))
    assert code == 1 and "FAILED" in out and "Traceback" not in out + err


def test_an_unexpected_failure_is_one_sentence_with_a_crash_report(stocked, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def broken(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("a bug, not damage")

    monkeypatch.setattr("app.cli.cmd_log", broken)   # the parser is built per call, from the module's names
    code, _out, err = run(capsys, "log", "--data", str(stocked))
    assert_one_sentence(code, err, "internal error (ZeroDivisionError", "please report this")
    reports = list(tmp_path.glob("relief-ledger-crash-*.txt"))
    assert len(reports) == 1 and "Traceback" in reports[0].read_text() and str(reports[0]) in err
