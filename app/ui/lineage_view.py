"""A record and where its material came from, as an operator reads it: a timeline per lot, each step clickable.

A step says when (local time), what happened in words, how much of that lot, where (site names) and who
(member name and organisation). Clicking a step shows its entry in the ledger explorer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.entry import Entry
from app.core.types import EntryType, Tables
from app.ui.formatting import local_time, quantity, shown, shown_html
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, translate
from app.ui.table_models import name_of
from app.ui.widgets import mark_exercise

EVENT_WORDS = {"receive": QT_TRANSLATE_NOOP("Lineage", "Received"),
               "dispatch": QT_TRANSLATE_NOOP("Lineage", "Dispatched"),
               "deliver": QT_TRANSLATE_NOOP("Lineage", "Delivered"),
               "distribute": QT_TRANSLATE_NOOP("Lineage", "Distributed"),
               "correct": QT_TRANSLATE_NOOP("Lineage", "Corrected"),
               "adjust": QT_TRANSLATE_NOOP("Lineage", "Adjusted")}
HEADERS = (QT_TRANSLATE_NOOP("Lineage", "When"), QT_TRANSLATE_NOOP("Lineage", "What"),
           QT_TRANSLATE_NOOP("Lineage", "Quantity"), QT_TRANSLATE_NOOP("Lineage", "Where"),
           QT_TRANSLATE_NOOP("Lineage", "Who"))


@dataclass(frozen=True)
class TimelineStep:
    """One movement of a lot, in the operator's words."""

    entry: str          # the entry's hash: what a click shows in the explorer
    when: str           # local time
    what: str
    qty: int | None     # of this lot (a signed change for an adjustment)
    where: str
    who: str


def _acted_body(entry: Entry) -> dict:
    """The body that moved the material: an approved proposal's step carries the proposed action's body."""
    inner = entry.body.get("body")
    return inner if isinstance(inner, dict) else entry.body


def _quantity(body: dict, event: str, lot: str) -> int | None:
    if event == "adjust":
        return body.get("delta")
    if event == "correct":
        return body.get("set", {}).get("qty")
    lines = body.get("lines")
    if isinstance(lines, list):
        return sum(line.get("qty", 0) for line in lines if line.get("lot") == lot)
    qty = body.get("qty")
    return qty if isinstance(qty, int) else None


def _where(tables: Tables, body: dict, event: str) -> str:
    def site(code: str) -> str:
        return name_of(tables, "sites", code)

    if event == "dispatch" and "from_site" in body:
        return f"{site(body['from_site'])} → {site(body.get('to_site', ''))}"
    if event == "deliver":
        shipment = tables.get("shipments", {}).get(body.get("shipment", ""))
        return site(shipment["to_site"]) if shipment else ""
    if event == "correct":
        record = tables.get("records", {}).get(body.get("target", ""))
        return site(record["site"]) if record and "site" in record else ""
    return site(body["site"]) if "site" in body else ""


def timeline(tables: Tables, lot: str, events: list[tuple[str, str]], entries: dict[str, Entry],
             member_name: Callable[[str], str]) -> list[TimelineStep]:
    """The steps of `lot` in ledger order; `events` are (event, entry hash) as the lot row lists them."""
    steps = []
    for event, entry_hash in events:
        entry = entries.get(entry_hash)
        if entry is None:
            continue
        body = _acted_body(entry)
        what = translate("Lineage", EVENT_WORDS[event]) if event in EVENT_WORDS else event
        if entry.type in (EntryType.SHIPMENT_DISPATCH, EntryType.SHIPMENT_DELIVER):
            what = f"{what} ({body.get('shipment', '')})"
        steps.append(TimelineStep(entry_hash, local_time(entry.ts), what, _quantity(body, event, lot),
                                  _where(tables, body, event), member_name(entry.author)))
    return steps


def summary(tables: Tables, row: dict, member_name: Callable[[str], str]) -> list[tuple[str, str]]:
    """A record's fields with names for codes and keys and local times for milliseconds (not raw JSON)."""
    facts = []
    for key, value in row.items():
        label = tr(key.removesuffix("_ms").replace("_", " ").capitalize())
        if key == "lines" and isinstance(value, list):
            text = "; ".join(f"{quantity(line.get('qty'))} {name_of(tables, 'items', line.get('item', ''))}, "
                             f"lot {line.get('lot', '')}" for line in value)
        elif isinstance(value, (list, dict)) or value is None or value == "":
            continue
        elif key in ("site", "from_site", "to_site"):
            text = name_of(tables, "sites", str(value))
        elif key == "item":
            text = name_of(tables, "items", str(value))
        elif key.endswith("_ms") and isinstance(value, int):
            text = local_time(value)
        elif key in ("custodian", "proposer", "author", "by", "key"):
            text = member_name(str(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            text = quantity(value)
        else:
            text = str(value)
        facts.append((label, text))
    return facts


class LineageTimeline(QTableWidget):
    """One lot's steps as rows; a click (or Enter) on a step asks to show its entry."""

    step_chosen = Signal(str)   # entry hash

    def __init__(self, lot: str, steps: list[TimelineStep], parent: QWidget | None = None) -> None:
        super().__init__(len(steps), len(HEADERS), parent)
        self.steps = steps
        self.setAccessibleName(tr("Lineage of lot {0}").format(lot))
        self.setHorizontalHeaderLabels([translate("Lineage", h) for h in HEADERS])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        for row, step in enumerate(steps):
            cells = (step.when, step.what, quantity(step.qty), step.where, step.who)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(shown(text))   # names and sites are typed by members
                item.setToolTip(tr("Show this entry in the ledger explorer"))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.cellClicked.connect(lambda row, _column: self.step_chosen.emit(self.steps[row].entry))
        self.cellActivated.connect(lambda row, _column: self.step_chosen.emit(self.steps[row].entry))
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + \
            sum(self.rowHeight(r) for r in range(len(steps)))
        self.setMinimumHeight(min(height, self.fontMetrics().height() * 14))


class RecordView(QDialog):
    """A record with its decisions and, per lot, the timeline of where its material came from and went."""

    def __init__(self, title: str, summary: list[tuple[str, str]], trails: dict[str, list[TimelineStep]],
                 as_text: str, reveal: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        facts = QLabel("<br>".join(f"<b>{shown_html(label)}</b>: {shown_html(value)}" for label, value in summary))
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(facts)
        self.timelines: dict[str, LineageTimeline] = {}
        for lot, steps in trails.items():
            layout.addWidget(QLabel(tr("<b>Lot {0}</b>: where it came from and where it went "
                                       "(click a step to see its entry)").format(shown_html(lot))))
            view = LineageTimeline(lot, steps)
            view.step_chosen.connect(reveal)
            layout.addWidget(view, 1)
            self.timelines[lot] = view
        if not trails:
            layout.addWidget(QLabel(tr("This record moved no lot of material.")))
        self.text = QPlainTextEdit(as_text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Record as text"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.hide()
        toggle = QPushButton(tr("Record as &text"))
        toggle.setCheckable(True)
        toggle.toggled.connect(self.text.setVisible)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        mark_exercise(self)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 28)
