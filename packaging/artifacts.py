"""The release artifacts made from the frozen folder, one kind per platform (packaging/build.py calls them).

    Linux    relief-ledger-<version>-linux-<machine>.tar.gz: the folder as `relief-ledger-<version>/`, with a
             menu entry, icons, `install-desktop-entry.sh` and README.txt; an AppImage too when `appimagetool`
             is on PATH (no registry package ships it: packaging/README.md says why).
    macOS    relief-ledger-<version>-macos-<machine>.dmg holding `Relief Ledger.app` (the spec's BUNDLE block).
    Windows  relief-ledger-<version>-windows-x64-setup.exe, compiled by Inno Setup from packaging/windows/.

Every artifact is written beside its final name first and renamed when complete, so a build that stops
half-way never leaves a truncated artifact that looks finished. The data an operator creates lives outside
the installed folder (platformdirs' user data directory) and no artifact's uninstall path touches it.
"""

from __future__ import annotations

import gzip
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAME = "relief-ledger"
APP_NAME = "Relief Ledger"
DESKTOP_FILE = HERE / "linux" / f"{NAME}.desktop"
INSTALL_SCRIPT = HERE / "linux" / "install-desktop-entry.sh"
LINUX_README = HERE / "linux" / "README.txt"
ISS_FILE = HERE / "windows" / f"{NAME}.iss"
# The sizes packaging/icons.py renders (relief-ledger-<N>.png); each that exists goes to the hicolor theme.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MENU_ICON_SIZE = 256
# gzip level of the tarball. Measured on the real 536 MB folder (2 cores, packaging/README.md): level 1 gave
# 233 MB in 10 s, level 3 225 MB in 11 s, level 6 214 MB in 21 s. Level 6, gzip's own default: 20 MB less to
# carry over a thin link or onto a stick is worth ten seconds of a release build.
TAR_GZIP_LEVEL = 6
# Where Inno Setup's installer puts its compiler when it is not on PATH ("Inno Setup 6", or a later major).
INNO_DIRS = tuple(Path(os.environ.get(name, default)) for name, default in
                  (("ProgramFiles(x86)", r"C:\Program Files (x86)"), ("ProgramFiles", r"C:\Program Files")))


class ArtifactError(Exception):
    """An artifact could not be made; the sentence says what to install or fix."""


def say(message: str) -> None:
    print(f"artifacts: {message}", flush=True)


def machine() -> str:
    """The CPU name used in artifact names, as the platform spells it (x86_64, aarch64 on Linux, arm64 on macOS);
    Windows' AMD64 is x86_64."""
    name = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64"}.get(name, name)


def icon_pngs(icons_dir: Path | None) -> dict[int, Path]:
    """The rendered PNG icons by size; a warning line, not a failure, when there are none yet."""
    found = {n: icons_dir / f"{NAME}-{n}.png" for n in ICON_SIZES} if icons_dir else {}
    found = {n: p for n, p in found.items() if p.is_file()}
    if not found:
        say(f"warning: no icons in {icons_dir} (packaging/icons.py renders them): the artifact has no icon")
    return found


def _finish(partial: Path, final: Path, started: float) -> Path:
    partial.replace(final)
    say(f"{final.name}: {final.stat().st_size / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
    return final


# -- Linux ------------------------------------------------------------------------------------------------
def _walk(root: Path) -> Iterator[Path]:
    """Everything under root, depth first in name order; symlinks (to directories too) are not followed."""
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        path = Path(entry.path)
        yield path
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)


def _normalised(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    """Owned by root, same mtime for all: the archive does not depend on who built it, nor when."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = mtime
    return info


def _extra_members(top: str, version: str, icons: dict[int, Path]) -> dict[str, tuple[bytes | None, int]]:
    """The files the tarball adds beside the frozen folder's contents: arcname -> (bytes or None for a
    directory, mode)."""
    extra: dict[str, tuple[bytes | None, int]] = {
        f"{top}/{NAME}.desktop": (DESKTOP_FILE.read_bytes(), 0o644),
        f"{top}/install-desktop-entry.sh": (INSTALL_SCRIPT.read_bytes(), 0o755),
        f"{top}/README.txt": (linux_readme(version).encode("utf-8"), 0o644),
    }
    if MENU_ICON_SIZE in icons:
        extra[f"{top}/{NAME}.png"] = (icons[MENU_ICON_SIZE].read_bytes(), 0o644)
    if icons:
        for d in ("share", "share/icons", "share/icons/hicolor"):
            extra[f"{top}/{d}"] = (None, 0o755)
    for n, path in icons.items():
        base = f"{top}/share/icons/hicolor/{n}x{n}"
        extra[base] = (None, 0o755)
        extra[f"{base}/apps"] = (None, 0o755)
        extra[f"{base}/apps/{NAME}.png"] = (path.read_bytes(), 0o644)
    return extra


def linux_readme(version: str) -> str:
    """README.txt of the tarball, with the X11 apt line the client itself names (app/platform_check.py)."""
    from app.platform_check import FRESH_DEBIAN_APT_LINE

    return LINUX_README.read_text(encoding="utf-8").format(version=version, apt_line=FRESH_DEBIAN_APT_LINE)


def linux_tarball(folder: Path, version: str, out_dir: Path, icon_png_dir: Path | None,
                  compresslevel: int = TAR_GZIP_LEVEL) -> Path:
    """`relief-ledger-<version>-linux-<machine>.tar.gz` holding `relief-ledger-<version>/`: the frozen folder's
    contents (symlinks kept as links, modes kept) plus the menu entry, icons, installer script and README.txt.

    Members are in name order, owned by root, with one mtime: two builds of the same folder give the same
    archive.
    """
    started = time.monotonic()
    top = f"{NAME}-{version}"
    icons = icon_pngs(icon_png_dir)
    extra = _extra_members(top, version, icons)
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH") or (folder / NAME).stat().st_mtime)
    members: dict[str, Path | tuple[bytes | None, int]] = {top: folder}
    for path in _walk(folder):
        members[f"{top}/{path.relative_to(folder).as_posix()}"] = path
    clashes = sorted(set(members) & set(extra))
    if clashes:
        raise ArtifactError(f"the frozen folder already holds {', '.join(clashes)}, which the tarball adds")
    members.update(extra)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{top}-linux-{machine()}.tar.gz"
    partial = final.with_name(final.name + ".partial")
    try:
        _write_tarball(partial, members, mtime, compresslevel)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return _finish(partial, final, started)


def _write_tarball(partial: Path, members: dict[str, Path | tuple[bytes | None, int]], mtime: int,
                   compresslevel: int) -> None:
    with partial.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                  compresslevel=compresslevel) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for arcname in sorted(members, key=lambda name: name.split("/")):
            source = members[arcname]
            if isinstance(source, Path):
                info = _normalised(tar.gettarinfo(str(source), arcname), mtime)
                if info.isreg():
                    with source.open("rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
            else:
                data, mode = source
                info = _normalised(tarfile.TarInfo(arcname), mtime)
                info.mode = mode
                if data is None:
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                else:
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))


def appimage(folder: Path, version: str, out_dir: Path, icon_png_dir: Path | None) -> Path | None:
    """`relief-ledger-<version>-<machine>.AppImage` when `appimagetool` is on PATH, else None with a line why.

    The AppDir is the frozen folder under usr/lib/relief-ledger with AppRun (a symlink to the program), the
    menu entry and the icon at its top, as the AppImage specification asks.
    """
    tool = shutil.which("appimagetool")
    if tool is None:
        say("no AppImage: appimagetool is not on PATH (no registry package ships it: see packaging/README.md)")
        return None
    started = time.monotonic()
    icons = icon_pngs(icon_png_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    appdir = out_dir / f"{NAME}.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(folder, appdir / "usr" / "lib" / NAME, symlinks=True)
    (appdir / "AppRun").symlink_to(f"usr/lib/{NAME}/{NAME}")
    desktop = DESKTOP_FILE.read_text(encoding="utf-8")
    (appdir / f"{NAME}.desktop").write_text(desktop, encoding="utf-8")
    if icons:
        size = MENU_ICON_SIZE if MENU_ICON_SIZE in icons else max(icons)
        shutil.copyfile(icons[size], appdir / f"{NAME}.png")
    final = out_dir / f"{NAME}-{version}-{machine()}.AppImage"
    partial = final.with_name(final.name + ".partial")
    env = {**os.environ, "ARCH": machine()}
    try:
        subprocess.run([tool, "--no-appstream", str(appdir), str(partial)], check=True, env=env)
    finally:
        shutil.rmtree(appdir, ignore_errors=True)
    return _finish(partial, final, started)


# -- macOS ------------------------------------------------------------------------------------------------
DEFAULT_MINIMUM_MACOS = "12.0"


def minimum_macos(wheel_tags: list[str]) -> str:
    """The oldest macOS the bundle runs on: the highest floor among the wheels' macOS platform tags
    (`macosx_13_0_universal2` -> 13.0). Qt's wheels set it; the bundle cannot promise less."""
    floors = []
    for tag in wheel_tags:
        for part in tag.split("-")[-1].split("."):
            bits = part.split("_")
            if len(bits) >= 3 and bits[0] == "macosx" and bits[1].isdigit() and bits[2].isdigit():
                floors.append((int(bits[1]), int(bits[2])))
    if not floors:
        return DEFAULT_MINIMUM_MACOS
    major, minor = max(floors)
    return f"{major}.{minor}"


def installed_wheel_tags(distributions: tuple[str, ...] = ("PySide6_Essentials", "PySide6_Addons",
                                                           "shiboken6")) -> list[str]:
    """The `Tag:` lines of these installed distributions' WHEEL files."""
    from importlib import metadata

    tags: list[str] = []
    for name in distributions:
        try:
            wheel = metadata.distribution(name).read_text("WHEEL") or ""
        except metadata.PackageNotFoundError:
            continue
        tags += [line.split(":", 1)[1].strip() for line in wheel.splitlines() if line.startswith("Tag:")]
    return tags


def macos_info_plist(version: str, minimum: str) -> dict[str, object]:
    """Info.plist keys of `Relief Ledger.app` beyond PyInstaller's own (bundle id and icon are BUNDLE arguments).

    LSBackgroundOnly is set False on purpose: the program is one console executable (the CLI needs its
    streams), and PyInstaller marks a console program's bundle background-only, which would leave the client
    without a Dock icon or menu bar. The usage descriptions are what macOS shows when it asks the operator:
    the camera for the hand-over's QR scan, the local network for discovery (zeroconf) and sync.
    """
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "LSBackgroundOnly": False,
        "LSMinimumSystemVersion": minimum,
        "NSCameraUsageDescription": "Relief Ledger reads the receiver's QR code with the camera when a "
                                    "consignment is handed over.",
        "NSLocalNetworkUsageDescription": "Relief Ledger finds the other command centers and vehicles of its "
                                          "network on this local network and keeps their ledgers in step.",
        # app/net/discovery.py SERVICE_TYPE without its ".local." domain, as Apple's key wants it
        "NSBonjourServices": ["_relief-ledger._tcp"],
    }


def macos_dmg(app_bundle: Path, version: str, out_dir: Path) -> Path:
    """`relief-ledger-<version>-macos-<machine>.dmg`: the .app beside a link to /Applications, so the window
    that opens says what to do (drag the one onto the other). Compressed read-only (UDZO)."""
    hdiutil = shutil.which("hdiutil")
    if hdiutil is None:
        raise ArtifactError("hdiutil is not here: a .dmg is made on macOS only")
    if not (app_bundle / "Contents" / "Info.plist").is_file():
        raise ArtifactError(f"{app_bundle} is not an app bundle (no Contents/Info.plist)")
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / "dmg-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shutil.copytree(app_bundle, staging / app_bundle.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    final = out_dir / f"{NAME}-{version}-macos-{machine()}.dmg"
    partial = out_dir / f"{final.stem}.partial.dmg"   # hdiutil insists on the .dmg suffix
    try:
        subprocess.run([hdiutil, "create", "-volname", f"{APP_NAME} {version}", "-srcfolder", str(staging),
                        "-ov", "-format", "UDZO", str(partial)], check=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return _finish(partial, final, started)


# -- Windows ----------------------------------------------------------------------------------------------
def find_iscc() -> Path | None:
    """Inno Setup's compiler: on PATH, or where its installer puts it (the newest major version there)."""
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    installed = sorted(p for d in INNO_DIRS if d.is_dir() for p in d.glob("Inno Setup */ISCC.exe"))
    return installed[-1] if installed else None


def iscc_command(iscc: Path, folder: Path, version: str, out_dir: Path, icon: Path | None) -> list[str]:
    """The compiler's command line: every value the script takes comes in as a /D define."""
    command = [str(iscc), "/Qp", f"/DAppVersion={version}", f"/DSourceDir={folder}", f"/DOutputDir={out_dir}",
               f"/DOutputBaseFilename={NAME}-{version}-windows-x64-setup"]
    if icon is not None:
        command.append(f"/DIconFile={icon}")
    command.append(str(ISS_FILE))
    return command


def windows_installer(folder: Path, version: str, out_dir: Path, icons_dir: Path | None = None) -> Path:
    """`relief-ledger-<version>-windows-x64-setup.exe`: a per-user install with a Start-menu entry and an
    uninstaller that leaves the replicas in %LOCALAPPDATA%\\ReliefLedger\\relief-ledger where they are."""
    iscc = find_iscc()
    if iscc is None:
        raise ArtifactError("Inno Setup's compiler (ISCC.exe) is not here: install Inno Setup 6 "
                            "(`choco install innosetup`)")
    icon = icons_dir / f"{NAME}.ico" if icons_dir else None
    if icon is None or not icon.is_file():
        say(f"warning: no {NAME}.ico in {icons_dir}: the installer and its shortcuts use Windows' default icon")
        icon = None
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(iscc_command(iscc, folder, version, out_dir, icon), check=True)
    final = out_dir / f"{NAME}-{version}-windows-x64-setup.exe"
    if not final.is_file():
        raise ArtifactError(f"Inno Setup finished but {final} is not there")
    say(f"{final.name}: {final.stat().st_size / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
    return final


# -- this platform ----------------------------------------------------------------------------------------
def macos_app_bundle(folder: Path) -> Path:
    """Where the spec's BUNDLE block puts the .app: beside the one-folder build in the dist directory."""
    return folder.parent / f"{APP_NAME}.app"


def build_artifacts(folder: Path, version: str, out_dir: Path, icons_dir: Path | None) -> list[Path]:
    """This platform's artifacts from the frozen folder (build/dist/relief-ledger), into out_dir."""
    if sys.platform.startswith("linux"):
        made = [linux_tarball(folder, version, out_dir, icons_dir)]
        image = appimage(folder, version, out_dir, icons_dir)
        return made + ([image] if image else [])
    if sys.platform == "darwin":
        return [macos_dmg(macos_app_bundle(folder), version, out_dir)]
    if sys.platform == "win32":
        return [windows_installer(folder, version, out_dir, icons_dir)]
    say(f"no artifacts are defined for {sys.platform}: the folder {folder} is the release")
    return []
