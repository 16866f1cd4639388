"""Render the application icon from its one SVG source into what each platform's package needs.

    python packaging/icons.py OUT_DIR

Writes into OUT_DIR:
- relief-ledger-<N>.png for N in 16, 24, 32, 48, 64, 128, 256, 512 (Linux: .desktop file, AppImage, hicolor theme);
- relief-ledger.ico, PNG-compressed entries 16 to 256 px (Windows: the executable and the installer);
- relief-ledger.icns, PNG entries icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 px (macOS .app).

Why our own writers: both containers are a small table of sizes and offsets in front of PNG files, and
Qt's own ICO/ICNS plugins are optional parts of a Qt install; this needs only QtSvg and QtGui. Only the
SVG is kept in the repository, so every size is redrawn from the vector instead of scaled from a bitmap.

ICO (little-endian): ICONDIR = reserved u16 0, type u16 1 (icon), count u16; then one 16-byte ICONDIRENTRY per
image = width u8, height u8 (0 means 256), colour count u8 0, reserved u8 0, planes u16 1, bits per pixel u16 32,
size u32, offset u32 from the start of the file; then the PNG files.
ICNS (big-endian): b"icns", total file length u32; then per image its 4-byte type, length u32 including these
8 bytes, and the PNG file.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "relief-ledger.svg"
NAME = "relief-ledger"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)   # 256 is the largest an ICO entry can state
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def _application() -> QGuiApplication:
    """QPainter needs a GUI application; a build machine may have no display, so offscreen unless told otherwise."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]  # instance() is typed QCoreApplication
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at size x size pixels on a transparent background, as a PNG file."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding each PNG as it is (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry is 1 to 256 px, not {size}")
        png = pngs[size]
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family holding each PNG under the type code for its size."""
    body = b""
    for size in sorted(pngs):
        if size not in ICNS_TYPES:
            raise ValueError(f"no ICNS PNG type for {size} px (known: {sorted(ICNS_TYPES)})")
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_icons(svg: Path, out_dir: Path) -> dict[str, Path]:
    """Every icon file a build needs, drawn from `svg` into `out_dir`.

    Returns the files by kind: "svg", "png-<N>" for each PNG size, "ico" and "icns".
    """
    _application()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG file Qt can draw")
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES})}
    written: dict[str, Path] = {"svg": out_dir / f"{NAME}.svg"}
    if svg.resolve() != written["svg"].resolve():
        shutil.copyfile(svg, written["svg"])
    for size in PNG_SIZES:
        written[f"png-{size}"] = out_dir / f"{NAME}-{size}.png"
        written[f"png-{size}"].write_bytes(pngs[size])
    written["ico"] = out_dir / f"{NAME}.ico"
    written["ico"].write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    written["icns"] = out_dir / f"{NAME}.icns"
    written["icns"].write_bytes(icns_bytes({size: pngs[size] for size in ICNS_TYPES}))
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/icons.py OUT_DIR", file=sys.stderr)
        return 2
    for kind, path in render_icons(SVG, Path(argv[0])).items():
        print(f"{kind:8} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
