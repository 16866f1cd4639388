"""What the frozen build leaves out (packaging/trim.py): QML and unreached Qt libraries, other languages."""

from __future__ import annotations

from trim import keeps_language, trim  # packaging/ is a folder of scripts: tests/packaging/conftest.py finds them

LIB = "PySide6/Qt/lib/"


def test_qt_libraries_reached_from_a_kept_binary_stay_and_the_rest_go_with_qml():
    binaries = [
        ("PySide6/QtWebEngineCore.abi3.so", "/src/QtWebEngineCore.abi3.so", "EXTENSION"),
        (LIB + "libQt6WebEngineCore.so.6", "/src/libQt6WebEngineCore.so.6", "BINARY"),
        (LIB + "libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        (LIB + "libQt63DRender.so.6", "/src/libQt63DRender.so.6", "BINARY"),
        ("PySide6/Qt/qml/Qt3D/Render/libquick3drenderplugin.so", "/src/libquick3drenderplugin.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/src/libqpdf.so", "BINARY"),
        (LIB + "libQt6Pdf.so.6", "/src/libQt6Pdf.so.6", "BINARY"),
    ]
    needs = {"/src/QtWebEngineCore.abi3.so": ["libQt6WebEngineCore.so.6"],
             "/src/libQt6WebEngineCore.so.6": ["libQt6Quick.so.6", "libc.so.6"],
             "/src/libquick3drenderplugin.so": ["libQt63DRender.so.6"],
             "/src/libqpdf.so": ["libQt6Pdf.so.6"]}
    kept, _ = trim(binaries, [], ("pt",), lambda path: needs.get(path, []))
    names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in kept}
    assert names == {"QtWebEngineCore.abi3.so", "libQt6WebEngineCore.so.6", "libQt6Quick.so.6"}


def test_translations_are_kept_for_the_languages_the_client_ships_and_english():
    languages = ("pt", "fr", "ar")
    assert keeps_language("PySide6/Qt/translations/qtbase_pt_BR.qm", languages)
    assert keeps_language("PySide6/Qt/translations/qtbase_fr.qm", languages)
    assert keeps_language("PySide6/Qt/translations/qt_en.qm", languages)
    assert not keeps_language("PySide6/Qt/translations/qtbase_de.qm", languages)
    assert keeps_language("PySide6/Qt/translations/qtwebengine_locales/pt-BR.pak", languages)
    assert keeps_language("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", languages)
    assert not keeps_language("PySide6/Qt/translations/qtwebengine_locales/ja.pak", languages)
    assert keeps_language("resources/translations/relief_ledger_ar.qm", languages)   # not Qt's: untouched


def test_data_the_map_never_loads_is_left_out_and_what_it_loads_stays():
    datas = [("xstatic/pkg/font_awesome/data/css/solid.min.css", "/s/a", "DATA"),
             ("xstatic/pkg/font_awesome/data/webfonts/fa-solid-900.woff2", "/s/b", "DATA"),
             ("xstatic/pkg/font_awesome/data/svgs/solid/truck.svg", "/s/c", "DATA"),
             ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", "/s/d", "DATA"),
             ("PySide6/Qt/resources/qtwebengine_resources.pak", "/s/e", "DATA")]
    _, kept = trim([], datas, (), lambda path: [])
    assert [dest for dest, _src, _kind in kept] == ["xstatic/pkg/font_awesome/data/css/solid.min.css",
                                                    "xstatic/pkg/font_awesome/data/webfonts/fa-solid-900.woff2",
                                                    "PySide6/Qt/resources/qtwebengine_resources.pak"]


def test_a_top_level_link_to_a_library_left_out_goes_with_it_and_links_to_kept_ones_stay():
    binaries = [
        ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
        (LIB + "libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        (LIB + "libQt63DRender.so.6", "/src/libQt63DRender.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt63DRender.so.6", "PySide6/Qt/lib/libQt63DRender.so.6", "SYMLINK"),
    ]
    kept, _ = trim(binaries, [], (), lambda path: ["libQt6Core.so.6"] if path == "/src/QtCore.abi3.so" else [])
    assert [dest for dest, _src, _kind in kept] == ["PySide6/QtCore.abi3.so", LIB + "libQt6Core.so.6",
                                                    "libQt6Core.so.6"]
