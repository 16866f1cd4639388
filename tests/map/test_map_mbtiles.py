"""Offline map packages: an operator imports an MBTiles file; a wrong file is refused and changes nothing."""

from __future__ import annotations

import sqlite3

import pytest

from app.map import mbtiles

PNG = b"\x89PNG\r\n\x1a\n" + b"tile"


def make_mbtiles(path, tiles: dict[tuple[int, int, int], bytes], fmt: str = "png"):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "Beira 1:50k"), ("format", fmt),
                                                          ("bounds", "34.6,-20.0,35.0,-19.5")])
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", [(z, x, y, data) for (z, x, y), data in tiles.items()])
    db.commit()
    db.close()
    return path


def test_an_imported_package_serves_tiles_by_xyz_address(tmp_path):
    # TMS rows count from the south: XYZ tile (z=2, x=1, y=0) is TMS row 3
    source = make_mbtiles(tmp_path / "beira survey.mbtiles", {(2, 1, 3): PNG})
    package = mbtiles.import_package(source, tmp_path / "replica")

    assert package.name == "beira-survey" and package.title == "Beira 1:50k"
    assert package.bounds == (34.6, -20.0, 35.0, -19.5)
    assert [p.name for p in mbtiles.installed(tmp_path / "replica")] == ["beira-survey"]
    reader = mbtiles.TileReader(mbtiles.installed(tmp_path / "replica"))
    assert reader.tile("beira-survey", 2, 1, 0) == (PNG, "image/png")
    assert reader.tile("beira-survey", 2, 1, 3) is None
    assert reader.tile("other", 2, 1, 0) is None
    reader.close()


@pytest.mark.parametrize("content", ["not a database", "vector"])
def test_a_file_that_is_not_a_raster_package_is_refused_and_nothing_is_copied(tmp_path, content):
    source = tmp_path / "bad.mbtiles"
    if content == "vector":
        make_mbtiles(source, {(0, 0, 0): b"pbf"}, fmt="pbf")
    else:
        source.write_text("hello")
    with pytest.raises(mbtiles.MapPackageError):
        mbtiles.import_package(source, tmp_path / "replica")
    assert mbtiles.installed(tmp_path / "replica") == []
