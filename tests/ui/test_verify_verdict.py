"""The window's integrity check tells history (notes) from damage (defects), as `relief-ledger verify` does."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.core.finding import Finding
from app.store.verification import VerifyReport


def test_a_replica_with_only_notes_is_verified_and_the_notes_are_one_hover_away(qtbot, window):
    report = VerifyReport(checked=12, notes=[Finding("ab" * 32, "cd" * 32, 3, "not_member",
                                                    "written while a concurrent withdrawal was decided")],
                          ineffective={"beyond_pin": 2, "out_of_range": 1})
    window.on_verified(report)
    assert "verified OK, 1 note(s)" in window.status_integrity.text()
    tip = window.status_integrity.toolTip()
    assert "not_member: written while a concurrent withdrawal" in tip
    assert "3 entries have no effect in the fold (beyond_pin 2, out_of_range 1)" in tip


def test_a_defective_replica_says_so_and_still_lists_its_notes_apart(qtbot, window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    report = VerifyReport(checked=12, defects=[Finding("ef" * 32, "cd" * 32, 4, "bad_signature", "forged")],
                          notes=[Finding("ab" * 32, "cd" * 32, 3, "revoked", "concurrent revocation")])
    window.on_verified(report)
    assert "1 DEFECT(S)" in window.status_integrity.text()
    assert "bad_signature: forged" in shown[0] and "Also 1 note(s)" in shown[0] and "revoked" in shown[0]
