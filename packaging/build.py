"""Build the one-folder release of Relief Ledger with PyInstaller: one command, on the platform it runs on.

    python packaging/build.py                 # build/dist/relief-ledger/ (the folder), then its artifacts
    python packaging/build.py --no-artifacts  # the folder only

Needs the program installed with its build tools (`pip install -e '.[build]'`). Steps: render the icon,
stamp the version, commit and build date (app/build_info.json, read by `--version` and the About box),
freeze with packaging/relief_ledger.spec, write the third-party notices into the folder, then make this
platform's artifacts (packaging/artifacts.py). The frozen folder is checked by packaging/smoke.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
WORK = BUILD / "work"
ICONS = BUILD / "icons"
NAME = "relief-ledger"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
sys.path[:0] = [str(HERE), str(ROOT)]   # the other build scripts here, and the program's own app package

from icons import SVG, render_icons  # noqa: E402
from notices import write_notices  # noqa: E402

from app import build_info  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def freeze(env: dict[str, str]) -> Path:
    """Run PyInstaller on the spec; the folder it makes."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build: PyInstaller is not installed here: pip install -e '.[build]'")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "relief_ledger.spec")]
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return DIST / NAME


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def strip_debug_symbols(folder: Path) -> int:
    """Strip debug symbols from the Linux binaries that carry them (libpython, starlark, cryptography...); bytes saved.

    Not PyInstaller's own `strip=True`: it strips every library, and the ones auditwheel vendors into a wheel's
    `<name>.libs/` folder (numpy's OpenBLAS) then fail to load ("ELF load command address/offset not
    page-aligned"). Those are left as they are.
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return 0
    saved = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or any(p.name.endswith(".libs") for p in path.parents):
            continue
        if not is_elf(path):
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=False, capture_output=True)
        saved += before - path.stat().st_size
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-artifacts", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    env = {**os.environ, "RELIEF_LEDGER_ICON_DIR": str(ICONS)}
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    render_icons(SVG, ICONS)
    commit = build_info.source_commit(ROOT)
    built = datetime.now(UTC).date().isoformat()
    stamp = build_info.BUILD_FILE
    build_info.write(stamp, commit, built)   # read by --version and the About box of the frozen program
    try:
        folder = freeze(env)
    finally:
        stamp.unlink(missing_ok=True)        # left behind, the checkout's own --version would claim to be a build
    # where app.paths.NOTICES points in the frozen program (the About box opens it), and beside the executable
    write_notices(folder / "_internal" / NOTICES_NAME)
    shutil.copyfile(folder / "_internal" / NOTICES_NAME, folder / NOTICES_NAME)
    print(f"build: relief-ledger {build_info.current().version} commit {commit}, built {built}")
    saved = strip_debug_symbols(folder)
    if saved:
        print(f"build: stripped {saved / 1e6:.0f} MB of debug symbols")
    print(f"build: {folder} ({folder_size(folder) / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")
    if not args.no_artifacts:
        import artifacts

        from app import __version__

        for made in artifacts.build_artifacts(folder, __version__, BUILD / "artifacts", ICONS):
            print(f"build: {made}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
