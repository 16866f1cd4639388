"""A fresh Debian or Ubuntu without the X11 libraries Qt needs: a sentence and an apt line, not an abort."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import app.platform_check as platform_check
from app.cli import main
from app.platform_check import FRESH_DEBIAN_APT_LINE, apt_line, missing_libraries, xcb_problem, xcb_will_be_used

REPO = Path(__file__).resolve().parents[1]
PLUGIN = Path("/opt/relief-ledger/PySide6/Qt/plugins/platforms/libqxcb.so")
X11 = {"DISPLAY": ":0"}

# What `ldd libqxcb.so` says on a fresh Debian 12 (trimmed): the icccm and keysyms libraries are absent,
# and ldd repeats a missing one for each library that needs it.
FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd2b5f1000)
\tlibQt6XcbQpa.so.6 => /opt/relief-ledger/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f)
"""
ALL_PRESENT_LDD = "\n".join(line for line in FRESH_DEBIAN_LDD.splitlines() if "not found" not in line)


def fake_ldd(report: str | None):
    return lambda _path: report


def test_the_missing_libraries_are_read_from_ldd_once_each_in_its_order():
    assert missing_libraries(FRESH_DEBIAN_LDD) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_a_fresh_debian_gets_the_libraries_named_and_the_one_apt_line_that_installs_them():
    sentence = xcb_problem(X11, PLUGIN, fake_ldd(FRESH_DEBIAN_LDD))
    assert sentence is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in sentence
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in sentence + "\n"
    assert sentence.count("sudo apt install") == 1


def test_a_machine_with_every_library_starts_qt_as_before():
    assert xcb_problem(X11, PLUGIN, fake_ldd(ALL_PRESENT_LDD)) is None


def test_a_library_without_a_known_package_is_still_named():
    sentence = xcb_problem(X11, PLUGIN, fake_ldd("\tlibxcb-icccm.so.4 => not found\n\tlibfoo.so.9 => not found\n"))
    assert sentence is not None
    assert "sudo apt install libxcb-icccm4" in sentence and "provides libfoo.so.9" in sentence


def test_when_ldd_cannot_run_nothing_is_claimed():
    assert xcb_problem(X11, PLUGIN, fake_ldd(None)) is None


@pytest.mark.parametrize("environ, platform, checked", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", False),
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
], ids=["x11", "xcb asked", "xcb asked, no display", "offscreen", "wayland first", "wayland only",
        "wayland session with xwayland", "no display", "macos", "windows"])
def test_only_a_start_that_will_use_the_xcb_plugin_is_checked(environ, platform, checked):
    assert xcb_will_be_used(environ, platform) is checked


def test_an_offscreen_start_is_not_stopped_by_missing_x11_libraries():
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, PLUGIN, fake_ldd(FRESH_DEBIAN_LDD)) is None


def test_the_installed_pyside6_plugin_is_found_where_the_check_looks():
    plugin = platform_check.xcb_plugin_path()
    if sys.platform.startswith("linux"):
        assert plugin is not None and plugin.name == "libqxcb.so"


def test_the_client_exits_with_the_sentence_before_any_qt_object_exists(tmp_path, monkeypatch, capsys):
    """`relief-ledger gui` on a fresh Debian: status 1 and the apt line, and the window code is never reached."""
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(platform_check, "xcb_plugin_path", lambda: PLUGIN)
    monkeypatch.setattr(platform_check, "run_ldd", fake_ldd(FRESH_DEBIAN_LDD))
    monkeypatch.setattr(sys, "platform", "linux")
    import app.ui.app as ui_app

    def no_window(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("the window was started despite the missing libraries")
    monkeypatch.setattr(ui_app, "run_gui", no_window)
    code = main(["gui", "--data", str(tmp_path / "hq")])
    _out, err = capsys.readouterr()
    assert code == 1
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in err and "Traceback" not in err


def test_the_readme_quick_start_names_the_apt_line_for_a_fresh_debian_or_ubuntu():
    quick_start = (REPO / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert FRESH_DEBIAN_APT_LINE in quick_start
    assert FRESH_DEBIAN_APT_LINE == ("sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
                                     "libxcb-render-util0 libxkbcommon-x11-0")
    assert apt_line(["libxkbcommon-x11.so.0"]) == "sudo apt install libxkbcommon-x11-0"
