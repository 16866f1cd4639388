"""The client's language: which catalogue to load, Qt's own strings, and the layout direction.

The language follows the system (QLocale.system()) unless the operator chose one in
Settings ▸ Language…, stored in QSettings under `language`. A choice applies when the client next
starts: every window builds its texts once, and re-translating live widgets would need each of them to
rebuild itself, for a setting changed once per installation.

Catalogues are Qt Linguist files, extracted by `pyside6-lupdate` and compiled by `pyside6-lrelease`
(`python packaging/i18n.py`); the compiled .qm files ship in resources/translations/.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
CATALOGUE = "relief_ledger"   # relief_ledger_<language>.qm
SETTING = "language"          # QSettings key; "" (or absent) follows the system

# The languages with a catalogue, named in their own language so anyone can find theirs.
LANGUAGES: dict[str, str] = {"en": "English", "pt": "Português", "fr": "Français", "ar": "العربية"}

# Qt ships its own strings (standard buttons, file dialogs) per language; where it has no file for a
# language itself, the closest one it has.
QT_FALLBACK = {"pt": "pt_BR"}

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """A string catalogued under the empty context, for code outside a QObject or acting for another one.

    pyside6-lupdate files a bare `tr("text")` under the empty context, and looks it up there; calling
    `window.tr("text")` instead would catalogue it under the variable name "window" and never find it.
    """
    return QCoreApplication.translate("", text)


def translate(context: str, text: str) -> str:
    """A string for the catalogue under `context` (pyside6-lupdate reads `translate("Context", "text")`).

    For code outside a QObject, or calling on another object's behalf: `window.tr(...)` would be
    catalogued under the variable name "window" and never found at run time.
    """
    return QCoreApplication.translate(context, text)


def chosen_language() -> str:
    """The language code the operator chose in Settings, or "" to follow the system."""
    value = QSettings().value(SETTING, "", type=str)
    return value if isinstance(value, str) and value in LANGUAGES else ""


def choose_language(code: str) -> None:
    """Remember the operator's choice ("" follows the system); it applies at the next start."""
    QSettings().setValue(SETTING, code if code in LANGUAGES else "")


def locale_for(code: str) -> QLocale:
    return QLocale(code) if code else QLocale.system()


def remove_language(app: QCoreApplication) -> None:
    """Back to the source language (English, left to right): the catalogues installed here are removed."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def install_language(app: QCoreApplication, locale: QLocale) -> bool:
    """Load the client's catalogue and Qt's own strings for `locale`, replacing any loaded before.

    Sets the default locale (numbers and dates) and the layout direction (right-to-left for Arabic).
    Returns whether a catalogue of the client was found; English needs none.
    """
    remove_language(app)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    found = ours.load(locale, CATALOGUE, "_", str(TRANSLATIONS))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    fallback = QT_FALLBACK.get(QLocale.languageToCode(locale.language()))
    if qt.load(locale, "qtbase", "_", qt_dir) or (fallback and qt.load(f"qtbase_{fallback}", qt_dir)):
        app.installTranslator(qt)
        _installed.append(qt)
    if isinstance(app, QApplication):
        app.setLayoutDirection(locale.textDirection() if found else Qt.LayoutDirection.LeftToRight)
    return found


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the catalogue under `context`, translated later where it is shown.

    Qt's own QT_TRANSLATE_NOOP is typed as returning `object`; this one keeps tables of marked strings `str`.
    """
    return text
