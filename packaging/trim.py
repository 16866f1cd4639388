"""What the frozen build leaves out: Qt's QML world and the languages the client does not speak.

PyInstaller's PySide6 hooks collect every QML module once QtQml is imported (QtWebEngine imports it), and
with them libraries for 3D, charts, PDF and controls the client never loads: a third of the folder. The
client has no QML, so the QML folder goes, and of Qt's own libraries only those some kept binary needs
(followed through the dynamic linker's needed-lists, so nothing QtWebEngine links is cut) stay.
Translations: Qt's and Chromium's, for the languages the client ships (packaging/i18n.py) and English.
Plugins for what the client never does (QML debugging, PDF images, embedded-device displays, positioning,
the virtual keyboard), Chromium's developer tools, and the parts of the XStatic packages the map page does
not load (app/map/assets.py serves only CSS, scripts and fonts) go too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]   # PyInstaller's TOC entry: (destination name, source path, type code)

QML_DIR = "PySide6/Qt/qml/"
QT_LIB_DIR = "PySide6/Qt/lib/"
QT_TRANSLATIONS = "PySide6/Qt/translations/"
CHROMIUM_LOCALES = QT_TRANSLATIONS + "qtwebengine_locales/"
UNUSED = (
    QML_DIR,
    "PySide6/Qt/plugins/qmltooling/",
    "PySide6/Qt/plugins/position/",
    "PySide6/Qt/plugins/egldeviceintegrations/",
    "PySide6/Qt/plugins/imageformats/libqpdf",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    "PySide6/Qt/plugins/platforms/libqeglfs",
    "PySide6/Qt/plugins/platforms/libqminimalegl",
    "PySide6/Qt/plugins/platforms/libqlinuxfb",
    "PySide6/Qt/plugins/platforms/libqvnc",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay",
    "PySide6/Qt/resources/qtwebengine_devtools_resources",
    "xstatic/pkg/font_awesome/data/js/",
    "xstatic/pkg/font_awesome/data/svgs/",
    "xstatic/pkg/font_awesome/data/sprites/",
    "xstatic/pkg/font_awesome/data/metadata/",
    "xstatic/pkg/font_awesome/data/less/",
    "xstatic/pkg/font_awesome/data/scss/",
)


def _dest(entry: Entry) -> str:
    return entry[0].replace("\\", "/")


def keeps_language(dest: str, languages: Iterable[str]) -> bool:
    """Qt's `qtbase_fr.qm` and Chromium's `pt-BR.pak` are kept for a shipped language (and English)."""
    wanted = {"en", *languages}
    name = PurePosixPath(dest).name
    if dest.startswith(CHROMIUM_LOCALES):
        return name.split(".")[0].split("-")[0] in wanted
    if dest.startswith(QT_TRANSLATIONS) and name.endswith(".qm"):
        match = re.search(r"_([a-z]{2,3})(?:_[A-Za-z]+)?\.qm$", name)
        return match is None or match.group(1) in wanted
    return True


def needed_qt_libraries(binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Names of the Qt libraries reached from every binary that is not itself a Qt library."""
    qt_libs = {PurePosixPath(_dest(e)).name: e[1] for e in binaries if _dest(e).startswith(QT_LIB_DIR)}
    needed: set[str] = set()
    todo = [e[1] for e in binaries if not _dest(e).startswith(QT_LIB_DIR)]
    while todo:
        for name in imports_of(todo.pop()):
            base = PurePosixPath(name).name
            if base in qt_libs and base not in needed:
                needed.add(base)
                todo.append(qt_libs[base])
    return needed


def trim(binaries: list[Entry], datas: list[Entry], languages: Iterable[str],
         imports_of: Callable[[str], Iterable[str]]) -> tuple[list[Entry], list[Entry]]:
    """The binaries and data files to ship, without QML, unreached Qt libraries and other languages."""
    languages = tuple(languages)
    binaries = [e for e in binaries if not _dest(e).startswith(UNUSED)]
    datas = [e for e in datas if not _dest(e).startswith(UNUSED) and keeps_language(_dest(e), languages)]
    needed = needed_qt_libraries([e for e in binaries if e[2] != "SYMLINK"], imports_of)
    binaries = [e for e in binaries
                if not _dest(e).startswith(QT_LIB_DIR) or PurePosixPath(_dest(e)).name in needed]
    return drop_dangling_links(binaries, datas)


def _link_target(entry: Entry) -> str:
    """Where a SYMLINK entry points, as a destination name (its source is relative to the link's folder)."""
    parts: list[str] = []
    for part in (PurePosixPath(_dest(entry)).parent / entry[1].replace("\\", "/")).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def drop_dangling_links(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """PyInstaller links each library collected into a subfolder from the top folder too (SYMLINK entries):
    a link to a library left out would dangle, so it goes with it."""
    files = {_dest(e) for e in (*binaries, *datas) if e[2] != "SYMLINK"}

    def keep(entry: Entry) -> bool:
        return entry[2] != "SYMLINK" or _link_target(entry) in files

    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]
