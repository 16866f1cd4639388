"""The icon a build ships: every size drawn from the one SVG, in containers Windows and macOS can read.

The ICO and ICNS files are read back here with their own small parsers (not the writer's code), so a
wrong offset, size or type code fails even though the writer is ours.
"""

from __future__ import annotations

import struct
from pathlib import Path

import icons
import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from app.paths import ICON

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAVY, AMBER, WHITE = QColor("#1d4e89"), QColor("#f5a524"), QColor("#ffffff")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def read_ico(data: bytes) -> list[tuple[int, int, int, int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    images = []
    for index in range(count):
        width, height, colours, zero, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert (colours, zero) == (0, 0)
        images.append((width or 256, height or 256, planes, bits, data[offset:offset + size]))
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack(">I", data[at + 4:at + 8])[0]
        found[kind] = data[at + 8:at + length]
        at += length
    assert at == len(data)
    return found


def close(colour: QColor, expected: QColor, tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    return icons.render_icons(ICON, tmp_path_factory.mktemp("icons"))


def test_the_build_gets_a_png_of_every_size_a_desktop_asks_for(rendered):
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = rendered[f"png-{size}"]
        assert path.name == f"relief-ledger-{size}.png"
        assert png_size(path.read_bytes()) == (size, size)
    assert rendered["svg"].read_bytes() == ICON.read_bytes()


@pytest.mark.parametrize("size", [16, 256])
def test_the_icon_reads_as_the_parcel_even_at_sixteen_pixels(rendered, size):
    """Navy tile, amber parcel, white check badge; transparent outside the rounded corner."""
    image = QImage(str(rendered[f"png-{size}"]))
    at = lambda x, y: image.pixelColor(int(x * size / 256), int(y * size / 256))  # noqa: E731 - a local shorthand
    assert at(0, 0).alpha() == 0
    assert close(at(24, 128), NAVY)
    assert close(at(70, 84), AMBER) and close(at(70, 150), AMBER)
    assert close(at(160, 215), WHITE, tolerance=40)


def test_the_windows_icon_holds_each_size_as_a_png_and_windows_readers_agree(rendered):
    data = rendered["ico"].read_bytes()
    entries = read_ico(data)
    assert [(width, height) for width, height, *_ in entries] == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    for width, _height, planes, bits, png in entries:
        assert (planes, bits) == (1, 32)
        assert png_size(png) == (width, width)
    reader = QImageReader(str(rendered["ico"]))
    assert reader.imageCount() == 7 and not reader.read().isNull()


def test_the_macos_icon_family_uses_the_png_type_code_of_each_size(rendered):
    found = read_icns(rendered["icns"].read_bytes())
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
    assert sorted(found) == sorted(expected)
    for kind, size in expected.items():
        assert png_size(found[kind]) == (size, size), kind


def test_the_command_line_writes_everything_into_the_folder_it_is_given(tmp_path, capsys):
    assert icons.main([str(tmp_path / "out")]) == 0
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == sorted(["relief-ledger.svg", "relief-ledger.ico", "relief-ledger.icns",
                            *(f"relief-ledger-{size}.png" for size in icons.PNG_SIZES)])
    assert "relief-ledger.ico" in capsys.readouterr().out
    assert icons.main([]) == 2


def test_a_file_that_is_not_an_svg_is_refused_with_its_name(tmp_path):
    broken = tmp_path / "icon.svg"
    broken.write_text("<svg")
    with pytest.raises(ValueError, match="icon.svg is not an SVG"):
        icons.render_icons(broken, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_an_ico_cannot_state_a_size_above_256():
    with pytest.raises(ValueError, match="1 to 256"):
        icons.ico_bytes({512: b""})
