"""What the client does before its first window so that a fresh machine never ends it without a sentence.

Two conditions that used to end the client on its first start, each met here before the QApplication
or the first web view exists (Qt reads both settings once, when it starts the engine):

- Run as root (containers, many vehicle boxes), Chromium's zygote refuses to start without its sandbox
  and exits the whole process with status 1. As root the web engine runs without the sandbox
  (`--no-sandbox` added to QTWEBENGINE_CHROMIUM_FLAGS, the operator's own flags kept) and one warning
  line says why.
- With no usable OpenGL (no GPU driver, a remote desktop, a VM), Qt Quick, which draws the web view,
  has no context to render with. When no OpenGL context can be created (or RELIEF_LEDGER_SOFTWARE_GL=1
  asks for it), Qt Quick renders in software and Chromium is told not to use the GPU.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, MutableMapping

log = logging.getLogger(__name__)

CHROMIUM_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"
NO_SANDBOX = "--no-sandbox"
DISABLE_GPU = "--disable-gpu"
SOFTWARE_GL = "RELIEF_LEDGER_SOFTWARE_GL"   # "1": render in software even where OpenGL seems to work


def add_chromium_flag(flag: str, environ: MutableMapping[str, str]) -> bool:
    """Append `flag` to the web engine's flags, keeping those the operator set; False when already there."""
    flags = environ.get(CHROMIUM_FLAGS, "").split()
    if flag in flags:
        return False
    environ[CHROMIUM_FLAGS] = " ".join([*flags, flag])
    return True


def running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)   # absent on Windows, where the sandbox has no root rule
    return geteuid is not None and geteuid() == 0


def web_engine_sandbox(environ: MutableMapping[str, str] | None = None) -> bool:
    """As root, run the web engine without its sandbox (Chromium refuses root with one); True when it is off.

    Call before the QApplication exists. Qt documents both QTWEBENGINE_DISABLE_SANDBOX=1 and
    `--no-sandbox` in QTWEBENGINE_CHROMIUM_FLAGS; the flag is used because it is visible next to the
    operator's other flags.
    """
    environ = os.environ if environ is None else environ
    if not running_as_root():
        return False
    add_chromium_flag(NO_SANDBOX, environ)
    log.warning("Relief Ledger runs as root: the map's web engine runs without its sandbox (Chromium refuses "
                "root with one); run the client as an ordinary user to keep it.")
    return True


def opengl_works() -> bool:
    """Whether an OpenGL context can be created and made current (needs the QGuiApplication)."""
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    context = QOpenGLContext()
    if not context.create():
        return False
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        return surface.isValid() and context.makeCurrent(surface)
    finally:
        context.doneCurrent()
        surface.destroy()


def use_software_rendering() -> None:
    """Qt Quick (which draws the web view) renders in software from now on."""
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


def software_rendering(environ: MutableMapping[str, str] | None = None,
                       probe: Callable[[], bool] = opengl_works,
                       apply: Callable[[], None] = use_software_rendering) -> bool:
    """Fall back to software rendering when OpenGL is unusable (or asked for); True when it did.

    Call after the QApplication exists and before the first window: the probe needs the platform
    plugin, and Qt Quick picks its graphics API once, for its first window.
    """
    environ = os.environ if environ is None else environ
    forced = environ.get(SOFTWARE_GL, "") == "1"
    try:
        usable = not forced and probe()
    except Exception:  # noqa: BLE001 - any failure of the probe means: no usable OpenGL here
        usable = False
    if usable:
        return False
    apply()
    add_chromium_flag(DISABLE_GPU, environ)
    log.warning("%s: Relief Ledger draws in software (slower map, same content).",
                f"{SOFTWARE_GL}=1" if forced else "No usable OpenGL")
    return True
