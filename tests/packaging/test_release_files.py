"""The release files that cannot be run on this Linux machine, read as a release engineer would check them:
the Windows installer script, the macOS bundle block of the spec, and the workflow that builds both on
GitHub's runners. Where a tool is missing here (Inno Setup, hdiutil), the artifact functions say so in a
sentence instead of failing somewhere deeper."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import artifacts  # noqa: E402  (packaging/ is a folder of scripts, not a package)

ISS = artifacts.ISS_FILE.read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "relief_ledger.spec").read_text(encoding="utf-8")
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def iss_section(name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.S | re.M)
    assert match, f"no [{name}] section"
    return match.group(1)


def iss_setup() -> dict[str, str]:
    lines = [line for line in iss_section("Setup").splitlines() if "=" in line and not line.startswith(";")]
    return dict(line.split("=", 1) for line in lines)


# -- Windows ----------------------------------------------------------------------------------------------
def test_the_windows_installer_installs_per_user_unless_the_operator_chooses_all_users():
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}" and "#define AppName \"Relief Ledger\"" in ISS
    assert setup["ArchitecturesAllowed"] == setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"


def test_the_installer_keeps_one_app_id_for_every_release_so_upgrades_replace_the_same_entry():
    app_id = iss_setup()["AppId"]
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", app_id), app_id
    assert app_id == "{{1222DF2A-23EC-484F-874F-58A337E0DC0F}"   # changing it orphans every installed copy


def test_the_installer_adds_a_start_menu_entry_an_optional_desktop_icon_and_an_uninstall_entry():
    icons = iss_section("Icons")
    assert r'"{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"' in icons
    assert r'"{autodesktop}\{#AppName}"' in icons and "Tasks: desktopicon" in icons
    assert 'Name: "desktopicon"' in iss_section("Tasks") and "Flags: unchecked" in iss_section("Tasks")
    setup = iss_setup()
    assert setup["UninstallDisplayIcon"] == r"{app}\{#AppExe}" and "Uninstallable" not in setup   # default: yes
    assert "recursesubdirs" in iss_section("Files") and r'Source: "{#SourceDir}\*"' in iss_section("Files")


def test_uninstalling_never_reaches_the_operators_data():
    sections = re.findall(r"^\[(\w+)\]", ISS, re.M)
    assert sections == ["Setup", "Languages", "Tasks", "Files", "Icons", "Run"]   # no [UninstallDelete], no [Code]
    mentions = [line for line in ISS.splitlines() if re.search(r"localappdata|userappdata|ReliefLedger", line, re.I)]
    assert mentions and all(line.startswith(";") for line in mentions)   # only the comment saying it stays
    assert r"%LOCALAPPDATA%\ReliefLedger\relief-ledger" in ISS


def test_the_compiler_gets_version_folder_output_and_icon_as_defines(tmp_path):
    command = artifacts.iscc_command(Path("C:/Inno/ISCC.exe"), tmp_path / "relief-ledger", "1.2.3",
                                     tmp_path / "out", tmp_path / "relief-ledger.ico")
    assert command[0] == "C:/Inno/ISCC.exe" and command[-1] == str(artifacts.ISS_FILE)
    assert "/DAppVersion=1.2.3" in command and f"/DSourceDir={tmp_path / 'relief-ledger'}" in command
    assert f"/DOutputDir={tmp_path / 'out'}" in command
    assert "/DOutputBaseFilename=relief-ledger-1.2.3-windows-x64-setup" in command
    assert f"/DIconFile={tmp_path / 'relief-ledger.ico'}" in command
    for name in ("AppVersion", "SourceDir", "OutputDir", "OutputBaseFilename", "IconFile"):
        assert "{#" + name + "}" in ISS, name   # every define is used by the script


def test_without_inno_setup_the_installer_step_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(artifacts, "INNO_DIRS", (tmp_path / "Program Files (x86)",))
    with pytest.raises(artifacts.ArtifactError, match="install Inno Setup 6"):
        artifacts.windows_installer(tmp_path, "0.1.0", tmp_path / "out")


def test_inno_setup_is_found_where_its_installer_puts_it_when_it_is_not_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    program_files = tmp_path / "Program Files (x86)"
    monkeypatch.setattr(artifacts, "INNO_DIRS", (program_files,))
    assert artifacts.find_iscc() is None
    for major in ("5", "6"):
        (program_files / f"Inno Setup {major}").mkdir(parents=True)
        (program_files / f"Inno Setup {major}" / "ISCC.exe").write_bytes(b"MZ")
    assert artifacts.find_iscc() == program_files / "Inno Setup 6" / "ISCC.exe"


# -- macOS ------------------------------------------------------------------------------------------------
def test_the_spec_bundles_a_mac_app_with_its_identifier_icon_and_info_plist():
    block = SPEC[SPEC.index('if sys.platform == "darwin":\n    sys.path'):]
    assert "BUNDLE(coll," in block and 'bundle_identifier="org.reliefledger.client"' in block
    assert "icon=icon" in block and 'ICON_DIR / "relief-ledger.icns"' in SPEC
    assert "info_plist=macos_info_plist(__version__" in block and 'name=f"{APP_NAME}.app"' in block


def test_the_info_plist_asks_for_camera_and_local_network_and_names_the_service_the_node_announces():
    from app.net.discovery import SERVICE_TYPE

    plist = artifacts.macos_info_plist("1.2.3", "13.0")
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "1.2.3"
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == "Relief Ledger"
    assert len(str(plist["CFBundleName"])) <= 15   # Apple's limit for the short name
    assert plist["NSHighResolutionCapable"] is True and plist["LSMinimumSystemVersion"] == "13.0"
    assert plist["LSBackgroundOnly"] is False   # a console program's bundle would otherwise have no Dock icon
    assert "QR" in str(plist["NSCameraUsageDescription"])
    assert "local network" in str(plist["NSLocalNetworkUsageDescription"])
    assert plist["NSBonjourServices"] == [SERVICE_TYPE.removesuffix(".local.")] == ["_relief-ledger._tcp"]


def test_the_oldest_macos_is_the_highest_floor_of_the_qt_wheels():
    assert artifacts.minimum_macos(["cp39-abi3-macosx_12_0_x86_64", "cp39-abi3-macosx_13_0_universal2"]) == "13.0"
    assert artifacts.minimum_macos(["cp39-abi3-macosx_11_0_arm64.macosx_12_0_x86_64"]) == "12.0"
    assert artifacts.minimum_macos(["cp310-abi3-manylinux_2_34_x86_64"]) == artifacts.DEFAULT_MINIMUM_MACOS


def test_app_paths_finds_resources_inside_a_mac_bundle_as_pyinstaller_lays_it_out(tmp_path):
    """PyInstaller 6 puts data in Contents/Resources and links each data-only folder from Contents/Frameworks
    (sys._MEIPASS), where app/paths.py's module file says it is; both ways resolve to the same folder."""
    contents = tmp_path / "Relief Ledger.app" / "Contents"
    (contents / "Resources" / "resources" / "contracts").mkdir(parents=True)
    (contents / "Resources" / "app").mkdir(parents=True)
    (contents / "Frameworks").mkdir()
    (contents / "Frameworks" / "resources").symlink_to("../Resources/resources")
    (contents / "Frameworks" / "app").symlink_to("../Resources/app")
    module_file = contents / "Frameworks" / "app" / "paths.pyc"   # what __file__ says in the frozen program
    resources = module_file.resolve().parents[1] / "resources"
    assert (resources / "contracts").is_dir()
    assert (Path(str(module_file)).parents[1] / "resources" / "contracts").is_dir()
    assert "Path(__file__).resolve().parents[1] / \"resources\"" in (ROOT / "app" / "paths.py").read_text()


def test_without_hdiutil_the_dmg_step_says_it_is_made_on_macos_only(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(artifacts.ArtifactError, match="macOS only"):
        artifacts.macos_dmg(tmp_path / "Relief Ledger.app", "0.1.0", tmp_path / "out")


def test_hdiutil_gets_the_volume_name_the_format_and_a_folder_with_the_app_and_applications(tmp_path, monkeypatch):
    tools = tmp_path / "tools"
    tools.mkdir()
    seen = tmp_path / "seen.txt"
    hdiutil = tools / "hdiutil"
    # a stand-in that records its arguments and the folder it was given, then writes the image where asked
    hdiutil.write_text(f'#!/bin/sh\necho "$@" > "{seen}"\nls -1 "$5" >> "{seen}"\nreadlink "$5/Applications" >> '
                       f'"{seen}"\nfor last; do :; done\nprintf dmg > "$last"\n')
    hdiutil.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    app = tmp_path / "dist" / "Relief Ledger.app"
    (app / "Contents").mkdir(parents=True)
    (app / "Contents" / "Info.plist").write_text("<plist/>")
    made = artifacts.macos_dmg(app, "1.2.3", tmp_path / "out")
    assert made.name == f"relief-ledger-1.2.3-macos-{artifacts.machine()}.dmg" and made.read_text() == "dmg"
    args, *listing = seen.read_text().splitlines()
    assert args.startswith("create -volname Relief Ledger 1.2.3 -srcfolder ")
    assert " -ov -format UDZO " in args
    assert listing == ["Applications", "Relief Ledger.app", "/Applications"]
    assert not (tmp_path / "out" / "dmg-staging").exists()


# -- the workflow -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workflow() -> dict:
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with the test extras: pip install -e '.[test]'")
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_the_workflow_runs_on_version_tags_and_by_hand(workflow):
    triggers = workflow[True] if True in workflow else workflow["on"]   # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers


def test_every_platform_builds_and_smoke_tests_with_the_repositorys_own_commands(workflow):
    build = workflow["jobs"]["build"]
    oses = build["strategy"]["matrix"]["os"]
    assert any(o.startswith("ubuntu") for o in oses) and "windows-latest" in oses and "macos-latest" in oses
    assert build["strategy"]["fail-fast"] is False
    runs = [s["run"] for s in steps(build) if "run" in s]
    assert any("python packaging/build.py" in r for r in runs)
    assert any("python packaging/smoke.py" in r for r in runs)
    for script in re.findall(r"\b(packaging/[\w./-]+\.py)\b", "\n".join(runs)):
        assert (ROOT / script).is_file(), script
    assert any("pip install -e '.[test,build]'" in r for r in runs)
    setup = next(s for s in steps(build) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"


def test_the_linux_runner_installs_the_same_x11_libraries_the_client_asks_for(workflow):
    from app.platform_check import FRESH_DEBIAN_APT_LINE

    linux = next(s for s in steps(workflow["jobs"]["build"]) if s.get("if") == "runner.os == 'Linux'")
    for package in FRESH_DEBIAN_APT_LINE.removeprefix("sudo apt install ").split():
        assert package in linux["run"], package
    assert "libpulse0" in linux["run"]


def test_windows_gets_inno_setup_when_the_image_lacks_it(workflow):
    windows = next(s for s in steps(workflow["jobs"]["build"]) if s.get("if") == "runner.os == 'Windows'")
    assert "choco install innosetup" in windows["run"] and "artifacts.find_iscc()" in windows["run"]


def test_each_runner_uploads_its_artifacts_and_a_tag_publishes_them_all(workflow):
    upload = next(s for s in steps(workflow["jobs"]["build"]) if s.get("uses", "").startswith("actions/upload"))
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert upload["with"]["path"] == "build/artifacts/*" and upload["with"]["if-no-files-found"] == "error"
    assert "${{ matrix.os }}" in upload["with"]["name"]   # one artifact per runner: v4 names must be unique
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build" and release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"} and workflow["permissions"] == {"contents": "read"}
    download = next(s for s in steps(release) if s.get("uses", "").startswith("actions/download"))
    assert download["uses"] == "actions/download-artifact@v4" and download["with"]["merge-multiple"] is True
    publish = next(s for s in steps(release) if "run" in s and "gh release create" in s["run"])
    assert "--verify-tag" in publish["run"] and publish["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_each_platforms_artifact_is_exercised_as_an_operator_would_receive_it(workflow):
    linux = next(s for s in steps(workflow["jobs"]["build"]) if "tar xzf" in s.get("run", ""))
    assert linux["if"] == "runner.os == 'Linux'" and "python packaging/smoke.py" in linux["run"]
    windows = next(s for s in steps(workflow["jobs"]["build"]) if "/VERYSILENT" in s.get("run", ""))
    assert windows["if"] == "runner.os == 'Windows'" and "/CURRENTUSER" in windows["run"]
    assert "keep.txt" in windows["run"] and "uninstaller removed the user's data" in windows["run"]
    mac = next(s for s in steps(workflow["jobs"]["build"]) if "plutil -lint" in s.get("run", ""))
    assert mac["if"] == "runner.os == 'macOS'" and "hdiutil verify" in mac["run"]
    assert "Relief Ledger.app/Contents/MacOS/relief-ledger\" --version" in mac["run"]

