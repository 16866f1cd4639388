"""The Linux release as IT staff receive it (packaging/artifacts.py): a versioned tar.gz of the frozen folder
with a menu entry, icons and an installer script that puts the program in one user's menu and takes it out
again without ever touching a ledger. Built here from a tiny stand-in of the frozen folder, not the real one."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import artifacts  # noqa: E402  (packaging/ is a folder of scripts, not a package)

VERSION = "0.1.0"
TOP = f"relief-ledger-{VERSION}"
# The smallest valid PNG (1x1): the stand-in for what packaging/icons.py renders.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000185d3e1f90000000049454e44ae426082")


def frozen_folder(where: Path) -> Path:
    """What PyInstaller leaves in build/dist/relief-ledger, in miniature: the program, libraries behind symlinks."""
    folder = where / "relief-ledger"
    internal = folder / "_internal"
    (internal / "resources").mkdir(parents=True)
    program = folder / "relief-ledger"
    program.write_text(f"#!/bin/sh\necho 'relief-ledger {VERSION}'\n")
    program.chmod(0o755)
    (internal / "libQt6Core.so.6").write_bytes(b"\x7fELF not really")
    (internal / "libQt6Core.so.6").chmod(0o755)
    (internal / "libQt6Core.so").symlink_to("libQt6Core.so.6")
    (internal / "resources" / "contract.star").write_text("def allocate(): pass\n")
    (internal / "resources" / "contract.star").chmod(0o644)
    (internal / "PySide6").symlink_to("resources", target_is_directory=True)
    (folder / "THIRD-PARTY-NOTICES.txt").write_text("Qt: LGPL-3.0\n")
    return folder


def rendered_icons(where: Path, sizes: tuple[int, ...] = (16, 48, 256)) -> Path:
    icons = where / "icons"
    icons.mkdir()
    for n in sizes:
        (icons / f"relief-ledger-{n}.png").write_bytes(PNG)
    return icons


@pytest.fixture
def release(tmp_path: Path) -> Path:
    return artifacts.linux_tarball(frozen_folder(tmp_path), VERSION, tmp_path / "artifacts",
                                   rendered_icons(tmp_path))


def unpack(tarball: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar")
    return into / TOP


def test_the_tarball_is_named_by_version_and_machine_and_unpacks_to_one_versioned_folder(release):
    assert release.name == f"{TOP}-linux-{artifacts.machine()}.tar.gz"
    assert not list(release.parent.glob("*.partial"))
    with tarfile.open(release) as tar:
        names = tar.getnames()
    assert names[0] == TOP and all(n == TOP or n.startswith(TOP + "/") for n in names)
    for expected in ("relief-ledger", "_internal/libQt6Core.so.6", "THIRD-PARTY-NOTICES.txt", "relief-ledger.desktop",
                     "relief-ledger.png", "install-desktop-entry.sh", "README.txt",
                     "share/icons/hicolor/16x16/apps/relief-ledger.png",
                     "share/icons/hicolor/256x256/apps/relief-ledger.png"):
        assert f"{TOP}/{expected}" in names, expected


def test_members_come_in_name_order_owned_by_root_so_two_builds_give_the_same_bytes(tmp_path, release):
    with tarfile.open(release) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names, key=lambda n: n.split("/"))
    assert {(m.uid, m.gid, m.uname) for m in members} == {(0, 0, "root")}
    again = artifacts.linux_tarball(tmp_path / "relief-ledger", VERSION, tmp_path / "again", tmp_path / "icons")
    assert again.read_bytes() == release.read_bytes()


def test_symlinks_stay_links_and_the_program_and_installer_stay_executable(tmp_path, release):
    with tarfile.open(release) as tar:
        by_name = {m.name: m for m in tar.getmembers()}
    assert by_name[f"{TOP}/_internal/libQt6Core.so"].issym()
    assert by_name[f"{TOP}/_internal/libQt6Core.so"].linkname == "libQt6Core.so.6"
    assert by_name[f"{TOP}/_internal/PySide6"].issym()   # a link to a directory is not followed into a copy
    assert not any(n.startswith(f"{TOP}/_internal/PySide6/") for n in by_name)
    assert by_name[f"{TOP}/relief-ledger"].mode & 0o777 == 0o755
    assert by_name[f"{TOP}/install-desktop-entry.sh"].mode & 0o777 == 0o755
    assert by_name[f"{TOP}/_internal/resources/contract.star"].mode & 0o777 == 0o644
    assert by_name[f"{TOP}/README.txt"].mode & 0o777 == 0o644
    unpacked = unpack(release, tmp_path / "unpacked")
    done = subprocess.run([str(unpacked / "relief-ledger")], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"relief-ledger {VERSION}"


def test_the_readme_names_the_version_the_data_directory_and_the_clients_own_apt_line(tmp_path, release):
    from app.platform_check import FRESH_DEBIAN_APT_LINE

    readme = (unpack(release, tmp_path / "unpacked") / "README.txt").read_text(encoding="utf-8")
    assert f"Relief Ledger {VERSION}" in readme
    assert FRESH_DEBIAN_APT_LINE in readme
    assert "~/.local/share/relief-ledger" in readme and "install-desktop-entry.sh --uninstall" in readme
    assert "{" not in readme   # every placeholder filled


def test_without_rendered_icons_the_tarball_is_still_made_and_a_warning_says_so(tmp_path, capsys):
    made = artifacts.linux_tarball(frozen_folder(tmp_path), VERSION, tmp_path / "out", tmp_path / "no-icons-yet")
    assert "warning: no icons" in capsys.readouterr().out
    with tarfile.open(made) as tar:
        names = tar.getnames()
    assert f"{TOP}/relief-ledger.desktop" in names and f"{TOP}/relief-ledger" in names
    assert not any("/share/" in n or n.endswith(".png") for n in names)


def test_a_frozen_folder_that_already_has_a_file_the_tarball_adds_is_refused_not_overwritten(tmp_path):
    folder = frozen_folder(tmp_path)
    (folder / "README.txt").write_text("someone else's\n")
    with pytest.raises(artifacts.ArtifactError, match="README.txt"):
        artifacts.linux_tarball(folder, VERSION, tmp_path / "out", None)
    assert not list((tmp_path / "out").glob("*"))


# -- the menu entry installer, in a home of its own ---------------------------------------------------------
def operator_home(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A user's environment with a ledger already in ~/.local/share/relief-ledger."""
    home = tmp_path / "home"
    data = home / ".local" / "share" / "relief-ledger"
    data.mkdir(parents=True)
    (data / "ledger.db").write_bytes(b"SQLite format 3\x00 entries an operator cannot lose")
    (data / "identity.key").write_text("encrypted key\n")
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    return env, data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def desktop_value(entry: Path, key: str) -> str:
    return next(line.split("=", 1)[1] for line in entry.read_text().splitlines() if line.startswith(key + "="))


def test_install_puts_the_folder_in_the_menu_and_uninstall_takes_it_out_leaving_the_ledger(tmp_path, release):
    env, data = operator_home(tmp_path)
    before = snapshot(data)
    folder = unpack(release, tmp_path / "Relief Ledger USB")   # a space in the path, as on many sticks
    done = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = Path(env["HOME"]) / ".local/share/applications/relief-ledger.desktop"
    exec_line = desktop_value(entry, "Exec")
    assert exec_line == f'"{folder.resolve()}/relief-ledger"'
    assert desktop_value(entry, "TryExec") == f"{folder.resolve()}/relief-ledger"
    ran = subprocess.run(shlex.split(exec_line), capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == f"relief-ledger {VERSION}"
    icons = Path(env["HOME"]) / ".local/share/icons/hicolor"
    assert (icons / "48x48/apps/relief-ledger.png").read_bytes() == PNG
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    assert snapshot(data) == before

    done = subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--uninstall"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "left as it is" in done.stdout
    assert not entry.exists() and not list(icons.rglob("relief-ledger.png"))
    assert snapshot(data) == before


def test_the_installer_script_copies_every_icon_size_the_tarball_may_carry():
    script = artifacts.INSTALL_SCRIPT.read_text()
    sizes = next(line for line in script.splitlines() if line.startswith("sizes="))
    assert tuple(int(n) for n in sizes.split("=", 1)[1].strip('"').split()) == artifacts.ICON_SIZES


def test_the_tarball_carries_every_png_size_the_icon_renderer_draws():
    renderer = (ROOT / "packaging" / "icons.py").read_text()
    sizes = re.search(r"^PNG_SIZES = \(([\d, ]+)\)", renderer, re.M)
    assert sizes and tuple(int(n) for n in sizes.group(1).split(",") if n.strip()) == artifacts.ICON_SIZES


def test_a_tarball_that_fails_half_way_leaves_nothing_that_looks_finished(tmp_path, monkeypatch):
    def disk_full(partial: Path, *_args: object) -> None:
        partial.write_bytes(b"the first half of an archive")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(artifacts, "_write_tarball", disk_full)
    with pytest.raises(OSError, match="No space"):
        artifacts.linux_tarball(frozen_folder(tmp_path), VERSION, tmp_path / "out", None)
    assert list((tmp_path / "out").iterdir()) == []


def test_install_follows_xdg_data_home_when_the_desktop_sets_it(tmp_path, release):
    env, _data = operator_home(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    folder = unpack(release, tmp_path / "opt")
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, check=True, capture_output=True)
    assert (tmp_path / "xdg/applications/relief-ledger.desktop").exists()
    assert not (Path(env["HOME"]) / ".local/share/applications").exists()


def test_a_folder_whose_path_a_menu_entry_cannot_name_is_refused_with_the_reason(tmp_path, release):
    env, _data = operator_home(tmp_path)
    folder = unpack(release, tmp_path / "50% stock")
    done = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "move the folder" in done.stderr
    assert not (Path(env["HOME"]) / ".local/share/applications").exists()


def test_an_unknown_option_changes_nothing(tmp_path, release):
    env, _data = operator_home(tmp_path)
    folder = unpack(release, tmp_path / "opt")
    done = subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--remove"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--uninstall" in done.stderr
    assert not (Path(env["HOME"]) / ".local/share/applications").exists()


# -- the desktop entry itself -----------------------------------------------------------------------------
def test_the_desktop_entry_passes_the_freedesktop_validator():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    done = subprocess.run([tool, str(artifacts.DESKTOP_FILE)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_the_desktop_entry_matches_the_window_class_and_the_icon_name_the_client_uses():
    """On X11 Qt's WM_CLASS is (executable name, applicationName): ("relief-ledger", "Relief Ledger")."""
    entry = artifacts.DESKTOP_FILE
    assert desktop_value(entry, "StartupWMClass") == "Relief Ledger"
    assert 'QCoreApplication.setApplicationName("Relief Ledger")' in (ROOT / "app/ui/app.py").read_text()
    assert desktop_value(entry, "Icon") == "relief-ledger"
    assert desktop_value(entry, "Exec") == "relief-ledger" and desktop_value(entry, "Terminal") == "false"


# -- AppImage: only with appimagetool on PATH ---------------------------------------------------------------
def test_without_appimagetool_no_appimage_is_made_and_the_line_says_why(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert artifacts.appimage(frozen_folder(tmp_path), VERSION, tmp_path / "out", None) is None
    assert "appimagetool is not on PATH" in capsys.readouterr().out


def test_the_appdir_handed_to_appimagetool_has_apprun_the_entry_and_the_icon_at_its_top(tmp_path, monkeypatch):
    """A stand-in appimagetool records the AppDir it was given (the real one is not in any registry package)."""
    tools = tmp_path / "tools"
    tools.mkdir()
    seen = tmp_path / "seen.txt"
    fake = tools / "appimagetool"
    fake.write_text(f'#!/bin/sh\nappdir=$2\n(cd "$appdir" && ls -1 && readlink AppRun && "./AppRun") > "{seen}"\n'
                    'printf "image" > "$3"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    made = artifacts.appimage(frozen_folder(tmp_path), VERSION, tmp_path / "out", rendered_icons(tmp_path))
    assert made is not None and made.name == f"relief-ledger-{VERSION}-{artifacts.machine()}.AppImage"
    listing = seen.read_text().split()
    assert {"AppRun", "relief-ledger.desktop", "relief-ledger.png", "usr"} <= set(listing)
    assert "usr/lib/relief-ledger/relief-ledger" in listing and f"relief-ledger {VERSION}" in seen.read_text()
    assert not (tmp_path / "out" / "relief-ledger.AppDir").exists()


def test_on_linux_the_build_makes_the_tarball(tmp_path, monkeypatch):
    monkeypatch.setattr(artifacts.sys, "platform", "linux")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    made = artifacts.build_artifacts(frozen_folder(tmp_path), VERSION, tmp_path / "out", rendered_icons(tmp_path))
    assert [p.name for p in made] == [f"{TOP}-linux-{artifacts.machine()}.tar.gz"]
    assert stat.S_ISREG(made[0].stat().st_mode)
