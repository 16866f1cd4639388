"""The ledger's own words (priorities, statuses, site kinds, item categories) in the operator's language.

The ledger records them in English, as signed; the tables and the review show them translated. One
catalogue for both, so a word reads the same in a table and in the sentence that records it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "LedgerWords"

WORDS = (
    QT_TRANSLATE_NOOP("LedgerWords", "critical"), QT_TRANSLATE_NOOP("LedgerWords", "high"),
    QT_TRANSLATE_NOOP("LedgerWords", "normal"), QT_TRANSLATE_NOOP("LedgerWords", "low"),
    QT_TRANSLATE_NOOP("LedgerWords", "open"), QT_TRANSLATE_NOOP("LedgerWords", "partial"),
    QT_TRANSLATE_NOOP("LedgerWords", "filled"), QT_TRANSLATE_NOOP("LedgerWords", "cancelled"),
    QT_TRANSLATE_NOOP("LedgerWords", "in transit"), QT_TRANSLATE_NOOP("LedgerWords", "delivered"),
    QT_TRANSLATE_NOOP("LedgerWords", "resolved"), QT_TRANSLATE_NOOP("LedgerWords", "restricted"),
    QT_TRANSLATE_NOOP("LedgerWords", "closed"), QT_TRANSLATE_NOOP("LedgerWords", "depot"),
    QT_TRANSLATE_NOOP("LedgerWords", "staging"), QT_TRANSLATE_NOOP("LedgerWords", "shelter"),
    QT_TRANSLATE_NOOP("LedgerWords", "hospital"), QT_TRANSLATE_NOOP("LedgerWords", "distribution point"),
    QT_TRANSLATE_NOOP("LedgerWords", "vehicle"), QT_TRANSLATE_NOOP("LedgerWords", "command center"),
    QT_TRANSLATE_NOOP("LedgerWords", "water"), QT_TRANSLATE_NOOP("LedgerWords", "food"),
    QT_TRANSLATE_NOOP("LedgerWords", "medical"), QT_TRANSLATE_NOOP("LedgerWords", "wash"),
    QT_TRANSLATE_NOOP("LedgerWords", "nfi"), QT_TRANSLATE_NOOP("LedgerWords", "fuel"),
    QT_TRANSLATE_NOOP("LedgerWords", "equipment"), QT_TRANSLATE_NOOP("LedgerWords", "other"),
)


def word(value: str) -> str:
    """A recorded word ("in_transit") as the operator reads it ("in transit", or its translation)."""
    return QCoreApplication.translate(CONTEXT, value.replace("_", " "))
