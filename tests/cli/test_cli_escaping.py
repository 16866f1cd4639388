"""What members type (names, sources, reasons, notes, comments) reaches the terminal escaped.

A name holding a newline must not print a second line that looks like the node's own output; ESC must
not clear or recolour the operator's screen; a right-to-left override must not reverse what is read.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from tests.cli.conftest import run

FORGED = "Field post 7\n2026-11-28 09:14:02 join_request admitted by EOC Beira"
CLEAR = "\x1b[2J\x1b[H"
REVERSED = "WFP\u202egnp.ylppus"
C1 = "\x9b31mred\x85"


def raw_controls(text: str) -> list[str]:
    """What a terminal would act on instead of showing: controls other than the line ends, bidi, separators."""
    return [c for c in text if c != "\n" and unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs"}]


def assert_shown_escaped(out: str) -> None:
    assert raw_controls(out) == []
    assert not any(line.startswith("2026-11-28") for line in out.splitlines()), "a forged line was printed"


def keygen(capsys, tmp_path, label: str) -> tuple[str, str]:
    key = tmp_path / "member.key"
    code, out, _ = run(capsys, "keygen", "--out", str(key), "--label", "field team")
    assert code == 0
    return str(key), out.split()[2]


@pytest.fixture
def hostile(founded, capsys, tmp_path):
    """A field member whose name forges a line, who receives a lot from a source with ESC and U+202E."""
    data = str(founded)
    key, public = keygen(capsys, tmp_path, "field")
    code, out, _ = run(capsys, "add-member", "--data", data, "--public-key", public, "--org", f"IFRC{C1}",
                       "--name", FORGED + REVERSED, "--roles", "field")
    assert code == 0
    founded.joinpath("add-member.out").write_text(out, encoding="utf-8")
    body = {"site": "DEP-1", "item": "water-5l", "lot": "LOT-7", "qty": 40, "source": CLEAR + REVERSED,
            "note": "pallet\u2028two" + C1}
    code, out, _ = run(capsys, "record", "stock.receive", "--data", data, "--key", key, "--json", json.dumps(body))
    assert code == 0
    return founded


def test_admitting_a_member_echoes_its_forged_name_on_one_line(hostile):
    out = hostile.joinpath("add-member.out").read_text(encoding="utf-8")
    assert_shown_escaped(out)
    assert "member Field post 7\\n2026-11-28 09:14:02 join_request admitted by EOC BeiraWFP\\u202egnp.ylppus" in out


def test_log_shows_a_forged_name_a_screen_clearing_source_and_an_override_escaped(hostile, capsys):
    code, out, _ = run(capsys, "log", "--data", str(hostile))
    assert code == 0
    assert_shown_escaped(out)
    assert "Field post 7\\n2026-11-28" in out
    assert "\\u2028" in out and "\\x9b31mred\\x85" in out


def test_trace_shows_the_lot_source_escaped(hostile, capsys):
    code, out, _ = run(capsys, "trace", "LOT-7", "--data", str(hostile))
    assert code == 0
    assert_shown_escaped(out)
    assert "sources \\x1b[2J\\x1b[HWFP\\u202egnp.ylppus" in out


def test_state_lists_sites_and_items_with_names_escaped(hostile, capsys):
    site = {"site": "DEP-2", "name": "Depot\u202e2", "kind": "depot", "lat_e6": 0, "lon_e6": 0, "org": "WFP\x1b[31m"}
    assert run(capsys, "record", "site.define", "--data", str(hostile), "--json", json.dumps(site))[0] == 0
    receipt = {"site": "DEP-2", "item": "water-5l", "lot": "LOT-8", "qty": 5, "source": "WFP"}
    assert run(capsys, "record", "stock.receive", "--data", str(hostile), "--json", json.dumps(receipt))[0] == 0
    code, out, _ = run(capsys, "state", "--data", str(hostile))
    assert code == 0
    assert_shown_escaped(out)
    assert "Depot\\u202e2" in out


def test_proposals_detail_shows_reasons_comments_and_voters_escaped(hostile, capsys, tmp_path):
    data = str(hostile)
    assert run(capsys, "record", "stock.receive", "--data", data, "--field", "site=DEP-1", "--field",
               "item=water-5l", "--field", "lot=LOT-9", "--field", "qty=50", "--field", "source=WFP")[0] == 0
    adjust = {"site": "DEP-1", "item": "water-5l", "lot": "LOT-9", "delta": -5, "reason": "crushed" + CLEAR}
    code, out, _ = run(capsys, "propose", "stock.adjust", "--data", data, "--json", json.dumps(adjust),
                       "--reason", "forklift\n2026-11-28 09:15:00 approved by every commander" + REVERSED)
    assert code == 0
    assert_shown_escaped(out)
    for args in (["proposals", "--all"], ["proposals", "--all", "--detail"]):
        code, out, _ = run(capsys, *args, "--data", data)
        assert code == 0
        assert_shown_escaped(out)
        assert "forklift\\n2026-11-28 09:15:00 approved" in out
    assert "crushed\\x1b[2J" in out or "crushed\\u001b[2J" in out


def test_a_refusal_quoting_what_was_typed_is_one_escaped_sentence(founded, capsys):
    code, out, err = run(capsys, "record", "request.cancel", "--data", str(founded), "--field", "request=R-1",
                         "--field", "reason=x", "--field", "why\n2026-11-28 admitted\x1b[2J=1")
    assert code == 2
    assert_shown_escaped(err)
    assert len(err.strip().splitlines()) == 1


def test_the_headless_node_log_keeps_every_record_on_one_line(capsys):
    """`node` and `join` log through OneLineFormatter: a peer's newline cannot start a line of its own."""
    import logging

    from app.cli.common import OneLineFormatter

    record = logging.LogRecord("app.net", logging.WARNING, __file__, 1, "%s: %d entries cannot be placed yet (%s)",
                               ("Vehicle 9\n09:14 admitted", 3, "prev\x1b[2J missing\u202e"), None)
    line = OneLineFormatter("%(message)s").format(record)
    assert line == "Vehicle 9\\n09:14 admitted: 3 entries cannot be placed yet (prev\\x1b[2J missing\\u202e)"


def test_a_bundle_import_report_quoting_the_file_prints_each_problem_on_its_own_line():
    from app.net.bundle import ImportReport

    report = ImportReport(exporter="ab" * 32, announced=2, read=2, refused=[
        "item 1: bad_body: body has unknown field(s): why\n2026-11-28 seal: intact\x1b[2J"], sealed=False)
    lines = report.summary().splitlines()
    assert lines[1] == "seal: NOT intact"
    assert lines[2] == "refused: item 1: bad_body: body has unknown field(s): why\\n2026-11-28 seal: intact\\x1b[2J"
    assert len(lines) == 3


def test_a_rejection_comment_and_a_voter_name_show_escaped_in_proposal_details(founded, capsys, tmp_path):
    data = str(founded)
    keys = {}
    for name in ("chimoio", "quelimane"):
        path = tmp_path / f"{name}.key"
        code, out, _ = run(capsys, "keygen", "--out", str(path), "--label", name)
        keys[name] = (str(path), out.split()[2])
    code, out, _ = run(capsys, "add-member", "--data", data, "--public-key", keys["chimoio"][1], "--org", "INGD",
                       "--name", "EOC Chimoio\u202e", "--roles", "commander")
    assert code == 0 and "added" in out
    code, out, _ = run(capsys, "add-member", "--data", data, "--public-key", keys["quelimane"][1], "--org", "INGD",
                       "--name", "EOC Quelimane", "--roles", "commander")
    assert code == 0 and "proposed" in out
    admit = out.strip().splitlines()[-1].split()[-1]
    code, out, _ = run(capsys, "reject", admit[:12], "--data", data, "--key", keys["chimoio"][0],
                       "--comment", "unknown caller\n2026-11-28 09:20 approved by EOC Beira" + CLEAR)
    assert code == 0
    assert_shown_escaped(out)
    code, out, _ = run(capsys, "proposals", "--all", "--detail", "--data", data)
    assert code == 0
    assert_shown_escaped(out)
    assert "rejected by EOC Chimoio\\u202e (INGD): unknown caller\\n2026-11-28 09:20 approved by EOC Beira" \
           "\\x1b[2J\\x1b[H" in out
