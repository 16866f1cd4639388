"""Before the window: can Qt's X11 (xcb) platform plugin load on this machine?

On a fresh Debian or Ubuntu the plugin's system libraries (libxcb-cursor0 and its siblings) are not
installed, and Qt then prints "Could not load the Qt platform plugin xcb" and aborts the process, with
nothing saying which package is missing. This module finds the missing libraries first, without Qt (it
only locates the plugin file), so the client can say which ones and the one apt line that installs them.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The shared libraries libqxcb.so needs that a desktop install may lack, and the Debian/Ubuntu package
# of each. The first six are the ones a fresh Debian or Ubuntu lacks; the rest come with any X11 desktop.
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# The line the README's quick start names: everything a fresh Debian or Ubuntu lacks, in one command.
FRESH_DEBIAN_APT_LINE = "sudo apt install " + " ".join(list(XCB_PACKAGES.values())[:6])

LddRunner = Callable[[Path], str | None]


def xcb_will_be_used(environ: Mapping[str, str], platform: str | None = None) -> bool:
    """True when Qt will pick the xcb plugin: Linux, an X display, and no other platform asked for.

    A Wayland session (WAYLAND_DISPLAY set, QT_QPA_PLATFORM unset) is left alone: Qt tries its Wayland
    plugin first there, and a missing xcb library must not stop a client that would have opened."""
    if not (platform or sys.platform).startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip()   # "xcb:option", "wayland;xcb": the first one
        return first == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def xcb_plugin_path() -> Path | None:
    """libqxcb.so of the installed PySide6, found without importing it (importing is fine, but the point
    is to need nothing from Qt); None when PySide6 or the plugin is not where a wheel puts it."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.origin:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def run_ldd(path: Path) -> str | None:
    """ldd's report on `path`, or None when ldd is absent or fails (then nothing can be said in advance)."""
    try:
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ldd reports as `not found`, once each, in the order it lists them."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def apt_line(missing: list[str]) -> str | None:
    """`sudo apt install …` for the missing libraries whose Debian/Ubuntu package is known, or None."""
    packages = [XCB_PACKAGES[name] for name in missing if name in XCB_PACKAGES]
    return "sudo apt install " + " ".join(packages) if packages else None


def missing_sentence(missing: list[str]) -> str:
    """What the operator reads instead of Qt's abort: which libraries, and how to install them."""
    names = ", ".join(missing)
    sentence = (f"Relief Ledger cannot open its window: Qt's X11 (xcb) platform plugin needs system libraries "
                f"that are not installed ({names}).")
    line = apt_line(missing)
    unknown = [name for name in missing if name not in XCB_PACKAGES]
    if line:
        sentence += f"\nOn Debian or Ubuntu, install them with:\n    {line}"
    if unknown:
        sentence += f"\nInstall the package of your system that provides {', '.join(unknown)}."
    sentence += ("\nThe commands without a window work meanwhile (for example `relief-ledger demo --no-gui`, "
                 "`relief-ledger node`).")
    return sentence


def xcb_problem(environ: Mapping[str, str] | None = None, plugin: Path | None = None,
                ldd: LddRunner | None = None) -> str | None:
    """The sentence to print instead of starting Qt, or None when the window can be tried.

    None also whenever nothing certain can be said (no xcb session, no plugin file, no ldd): Qt then
    starts as before, so this check can only ever replace an abort by a sentence."""
    if not xcb_will_be_used(os.environ if environ is None else environ):
        return None
    plugin = plugin or xcb_plugin_path()
    if plugin is None:
        return None
    report = (ldd or run_ldd)(plugin)
    if report is None:
        return None
    missing = missing_libraries(report)
    return missing_sentence(missing) if missing else None


__all__ = ["FRESH_DEBIAN_APT_LINE", "XCB_PACKAGES", "apt_line", "missing_libraries", "xcb_problem",
           "xcb_will_be_used"]
