"""The third-party notices a build ships: generated from what is installed, complete, and honest about gaps."""

from __future__ import annotations

import tomllib
from importlib.metadata import distribution
from pathlib import Path

import notices
import pytest
from packaging.requirements import Requirement

from app.map import assets

ROOT = Path(__file__).resolve().parents[2]


def fake_distribution(site: Path, name: str, metadata: list[str], files: dict[str, str] | None = None) -> None:
    """An installed distribution as pip leaves it: a .dist-info folder with METADATA and RECORD."""
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("\n".join(["Metadata-Version: 2.4", f"Name: {name}", "Version: 1.0", *metadata])
                                   + "\n", encoding="utf-8")
    record = [f"{info.name}/METADATA,,", f"{info.name}/RECORD,,"]
    for relative, text in (files or {}).items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")
        record.append(f"{relative},,")
    (info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("notices") / "THIRD-PARTY-NOTICES.txt"
    notices.write_notices(out)
    return out.read_text(encoding="utf-8")


def test_every_runtime_dependency_of_this_installation_is_listed_with_its_version(written):
    walked = notices.requirement_walk(notices.declared_requirements())
    assert len(walked) > 10
    contents = written[:written.index("\n\n\n")]   # the table of contents comes first
    for dist in walked:
        assert f"{dist.metadata['Name']} {dist.version}" in contents, dist.metadata["Name"]
        assert f"\n1.{walked.index(dist) + 1} {dist.metadata['Name']} {dist.version}\n" in written


def test_each_dependency_the_project_declares_is_among_them_even_if_the_install_is_older(written):
    """An editable install keeps the metadata of its day; the checkout's pyproject.toml is read as well."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for line in declared:
        dist = distribution(Requirement(line).name)
        assert f"{dist.metadata['Name']} {dist.version}" in written


def test_the_walk_follows_requirements_and_honours_markers_and_extras(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "fake-root", ["Requires-Dist: fake-a", "Requires-Dist: fake-b[maps]",
                                              'Requires-Dist: fake-old; python_version < "3"',
                                              'Requires-Dist: fake-pytest; extra == "test"'])
    fake_distribution(tmp_path, "fake-a", [])
    fake_distribution(tmp_path, "fake-b", ['Requires-Dist: fake-tiles; extra == "maps"',
                                           'Requires-Dist: fake-gpu; extra == "gpu"'])
    fake_distribution(tmp_path, "fake-tiles", [])
    monkeypatch.syspath_prepend(str(tmp_path))
    walked = notices.requirement_walk([Requirement("fake-root")])
    assert [d.metadata["Name"] for d in walked] == ["fake-a", "fake-b", "fake-root", "fake-tiles"]


def test_a_package_without_licence_files_is_still_listed_and_says_so(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "fake-quiet", ["License: MIT", "Home-page: https://example.org/quiet"])
    monkeypatch.syspath_prepend(str(tmp_path))
    out = tmp_path / "notices.txt"
    notices.write_notices(out, roots=[Requirement("fake-quiet")])
    text = out.read_text(encoding="utf-8")
    section = text[text.index("\n1.1 fake-quiet 1.0\n"):text.index("\n2. Qt")]
    assert "Licence: MIT" in section and "Home page: https://example.org/quiet" in section
    assert "(licence text not shipped by the package)" in section


def test_licence_files_are_copied_in_full_each_text_once(tmp_path, monkeypatch):
    text = "Copyright 2026 Fake Authors\n\nPermission is hereby granted, free of charge...\n"
    fake_distribution(tmp_path, "fake-loud", ["License-Expression: MIT", "License-File: LICENSE",
                                              "Project-URL: Source, https://example.org/loud"],
                      files={"fake_loud-1.0.dist-info/licenses/LICENSE": text, "fake_loud/LICENSE": text,
                             "fake_loud/vendored/COPYING": "GPL-compatible vendored part\n",
                             "fake_loud/license.py": "print('not a licence')\n", "fake_loud/AUTHORS": "Ann\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    section = "\n".join(notices.distribution_section(distribution("fake-loud")).body)
    assert section.count("Copyright 2026 Fake Authors") == 1
    assert "GPL-compatible vendored part" in section and "Home page: https://example.org/loud" in section
    assert "not a licence" not in section and "Ann" not in section and "not shipped" not in section


@pytest.mark.parametrize(("metadata", "licence"), [
    (["License-Expression: Apache-2.0", "License: Apache License 2.0"], "Apache-2.0"),
    (["License: BSD-3-Clause"], "BSD-3-Clause"),
    (["Classifier: License :: OSI Approved :: MIT License"], "MIT License"),
    ([], "not stated by the package"),
])
def test_the_licence_is_named_from_the_best_field_the_package_fills(tmp_path, monkeypatch, metadata, licence):
    fake_distribution(tmp_path, "fake-named", metadata)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert notices.licence_of(distribution("fake-named")) == licence


def test_a_runtime_requirement_that_is_not_installed_stops_the_notices_with_its_name(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "fake-root", ["Requires-Dist: fake-absent>=1"])
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(notices.NoticeError, match="fake-absent is a runtime requirement but is not installed"):
        notices.write_notices(tmp_path / "notices.txt", roots=[Requirement("fake-root")])
    assert not (tmp_path / "notices.txt").exists()


def test_qt_is_named_under_the_lgpl_with_the_full_texts_and_where_each_came_from(written):
    from PySide6.QtCore import qVersion

    part = written[written.index("\n2. Qt, Qt WebEngine and Chromium\n"):written.index("\n3. Libraries of the map")]
    assert f"Qt {qVersion()}" in part and "LGPL-3.0" in part
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in part and "GNU GENERAL PUBLIC LICENSE" in part
    assert "resources/licenses/LGPL-3.0.txt" in part and "qtwebengine_resources.pak" in part
    for dist in notices.qt_distributions():
        assert f"{dist.metadata['Name']} {dist.version}" in part


def test_every_library_of_the_map_page_carries_the_header_of_each_file_it_serves(written):
    import importlib

    part = written[written.index("\n3. Libraries of the map page\n"):written.index("\n4. Map data\n")]
    for module_name in assets.XSTATIC.values():
        module = importlib.import_module(module_name)
        assert f"{module.DISPLAY_NAME} {module.VERSION}" in part
    leaflet = assets.resolve("static/leaflet/leaflet.js")
    assert leaflet is not None and notices.header_comment(leaflet) in part
    assert "Vladimir Agafonkin" in part and "BSD-2-Clause" in part
    assert "SIL OPEN FONT LICENSE" in part   # the one upstream text an XStatic package ships


def test_the_world_outline_is_credited_to_natural_earth_as_public_domain(written):
    part = written[written.index("\n4. Map data\n"):]
    assert "Natural Earth" in part and "resources/map/world.geojson" in part
    assert "are in the public domain" in part and "https://www.naturalearthdata.com/about/terms-of-use/" in part


def test_the_same_installation_gives_the_same_file(tmp_path, written):
    assert notices.main([str(tmp_path / "again.txt")]) == 0
    assert (tmp_path / "again.txt").read_text(encoding="utf-8") == written
    assert notices.main([]) == 2
