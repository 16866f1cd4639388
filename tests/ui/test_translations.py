"""The client in Portuguese, French and Arabic: catalogues current, complete, and what the operator sees."""

from __future__ import annotations

import importlib.util
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.ui.bridge import NodeBridge
from app.ui.i18n import TRANSLATIONS, choose_language, chosen_language, install_language, locale_for, remove_language
from app.ui.language_dialog import LanguageDialog, open_language_dialog
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("i18n_script", ROOT / "packaging" / "i18n.py")
assert SPEC is not None and SPEC.loader is not None
i18n_script = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(i18n_script)
UPDATE = f"run `{i18n_script.COMMAND}`, translate what it marks unfinished (pyside6-linguist), then run it again"
SHOTS = os.environ.get("RELIEF_LEDGER_SHOTS")   # a folder to save 1280x720 screenshots in, when set


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> of every message in a catalogue."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_the_catalogues_hold_exactly_the_strings_of_the_code(tmp_path):
    """A string added to the client without re-extracting fails here (so does one left behind)."""
    for language in i18n_script.LANGUAGES:
        shutil.copy(i18n_script.ts_path(language), tmp_path)
    i18n_script.update(tmp_path)
    for language in i18n_script.LANGUAGES:
        fresh = set(messages(i18n_script.ts_path(language, tmp_path)))
        committed = set(messages(i18n_script.ts_path(language)))
        new, gone = sorted(fresh - committed), sorted(committed - fresh)
        assert not new and not gone, (f"relief_ledger_{language}.ts is out of date: {len(new)} new string(s) "
                                      f"{new[:5]}, {len(gone)} no longer in the code {gone[:5]}; {UPDATE}")


def untranslated(language: str, contexts: set[str] | None = None) -> list[str]:
    return [source for (context, source), translation in messages(i18n_script.ts_path(language)).items()
            if (contexts is None or context in contexts)
            and (translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
                 or not (translation.text or "").strip())]


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_portuguese_and_french_translate_every_string(language):
    missing = untranslated(language)
    assert not missing, f"{len(missing)} string(s) untranslated in {language}, e.g. {missing[:5]}; {UPDATE}"


def test_arabic_translates_the_whole_main_window():
    """Arabic proves the right-to-left layout: the window's menus, docks, tables, status bar and forms."""
    window = {"", "MainWindow", "StateTableModel", "RecordForms", "RecordDialog", "LinesEditor", "TablePanel",
              "WindowStatus", "WindowNetwork", "PeersModel", "PeersView", "EntriesModel", "LedgerExplorer",
              "ApprovalsView", "MapView", "ReplayBar", "ExerciseBanner", "LanguageDialog", "GuideWindow"}
    missing = untranslated("ar", window)
    assert not missing, f"{len(missing)} string(s) of the main window untranslated in ar, e.g. {missing[:5]}; {UPDATE}"


def test_the_compiled_catalogues_are_those_of_the_sources(tmp_path):
    """The client loads the .qm files: each must be what pyside6-lrelease makes of its .ts today."""
    i18n_script.release(target=tmp_path)
    for language in i18n_script.LANGUAGES:
        name = f"{i18n_script.CATALOGUE}_{language}.qm"
        assert (tmp_path / name).read_bytes() == (TRANSLATIONS / name).read_bytes(), f"{name} is stale; {UPDATE}"


class Recorder(QTranslator):
    """Notes every (context, text) the client asks for, to check the catalogue files it under that context."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        self.asked.add((context or "", source))
        return ""   # not found here: the next translator answers


@pytest.fixture
def in_language(qtbot, stocked, tmp_path, monkeypatch):
    """The command-center window built in a language, as the client starts in it."""
    app = QApplication.instance()
    before = QLocale()
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    built: list[MainWindow] = []

    def build(language: str, recorder: QTranslator | None = None) -> MainWindow:
        assert install_language(app, QLocale(language))
        if recorder is not None:
            app.installTranslator(recorder)   # asked first: the last translator installed answers first
        window = MainWindow(NodeBridge(stocked))
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitUntil(window.isVisible)
        built.append(window)
        return window

    yield build
    remove_language(app)
    QLocale.setDefault(before)
    for window in built:
        window.bridge.node.remove_listener(window.bridge._on_stored)
        window.bridge.wait_idle()


def is_qt_class(name: str) -> bool:
    return any(hasattr(module, name) for module in (QtCore, QtGui, QtWidgets)) and name.startswith("Q")


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def screenshot(qtbot, window: MainWindow, name: str) -> None:
    if SHOTS:
        qtbot.wait(300)   # let the docks settle into the default layout
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / name))


def test_in_portuguese_the_record_menu_and_the_stock_columns_read_portuguese(qtbot, in_language):
    window = in_language("pt")
    assert "&Registar" in menu_titles(window) and "Aj&uda" in menu_titles(window)
    record = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Registar")
    assert "Receber stock…" in [action.text() for action in record.actions()]
    stock = window.models["stock"]
    headers = [stock.headerData(c, Qt.Orientation.Horizontal) for c in range(stock.columnCount())]
    assert headers == ["Local", "Artigo", "Lote", "Quantidade", "Unidade"]
    assert window.docks["requests"].windowTitle() == "Pedidos"
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    screenshot(qtbot, window, "main-window-pt-1280x720.png")


def test_in_arabic_the_window_reads_right_to_left_with_arabic_menus(qtbot, in_language):
    window = in_language("ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = menu_titles(window)
    assert {"&ملف", "&تسجيل", "م&ساعدة"} <= set(titles)
    assert window.models["stock"].headerData(3, Qt.Orientation.Horizontal) == "الكمية"
    screenshot(qtbot, window, "main-window-ar-1280x720.png")


def test_every_string_the_window_asks_for_is_catalogued_under_the_context_it_asks_with(qtbot, in_language):
    """`window.tr("x")` outside the window's class is catalogued under "window" and never found: caught here."""
    recorder = Recorder()
    try:
        window = in_language("fr", recorder)
        for action in window.menuBar().actions():
            for item in action.menu().actions():
                item.text()
        catalogued = messages(i18n_script.ts_path("fr"))
        sources = {source for _context, source in catalogued}
        # PySide's tr() also asks under each Qt base class (QMainWindow, …) before giving up: not ours to file
        lost = sorted((context, source) for context, source in recorder.asked
                      if source in sources and (context, source) not in catalogued and not is_qt_class(context))
    finally:
        QApplication.instance().removeTranslator(recorder)
    assert not lost, f"asked for under a context the catalogue does not have (use self.tr or tr()): {lost[:5]}"
    assert ("StateTableModel", "Quantity") in recorder.asked and ("RecordForms", "Receive stock…") in recorder.asked
    headers = {("EntriesModel", "Author"), ("StateTableModel", "Custodian"), ("PeersModel", "Last sync")}
    assert headers <= recorder.asked and headers <= set(catalogued), "every column header is catalogued"


def test_qts_own_buttons_follow_the_language(qtbot, in_language):
    in_language("pt")
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancelar"


@pytest.fixture
def no_language_chosen(window):
    """Qt keeps one settings file per process whatever the test's config folder: start and end with no choice."""
    QSettings().remove("language")
    yield window
    QSettings().remove("language")


def test_the_language_follows_the_system_until_the_operator_chooses_one_in_settings(qtbot, no_language_chosen):
    window = no_language_chosen
    assert chosen_language() == "" and locale_for(chosen_language()) == QLocale.system()
    settings = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Settings")
    next(a for a in settings.actions() if a.text() == "Language…").trigger()
    dialog = window.findChild(LanguageDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.language.currentData() == ""   # "Follow the system" until chosen
    dialog.language.setCurrentIndex(dialog.language.findText("Português"))
    qtbot.keyClick(dialog.language, Qt.Key.Key_Return)   # Enter accepts: OK is the default button
    assert not dialog.isVisible()
    assert QSettings().value("language") == "pt" and chosen_language() == "pt"
    assert locale_for(chosen_language()).language() == QLocale.Language.Portuguese   # what the next start loads


def test_cancel_keeps_the_language_the_operator_had(qtbot, no_language_chosen):
    window = no_language_chosen
    choose_language("fr")
    dialog = open_language_dialog(window)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.language.currentText() == "Français"
    dialog.language.setCurrentIndex(dialog.language.findText("العربية"))
    qtbot.keyClick(dialog.language, Qt.Key.Key_Escape)
    assert chosen_language() == "fr"
