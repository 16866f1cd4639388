"""Smoke test of a frozen build: copy the folder elsewhere and use it as an operator would, with no Python.

    python packaging/smoke.py [FOLDER]      # default: build/dist/relief-ledger (packaging/build.py makes it)

On the copy, with PATH holding no Python and a fresh HOME: `--version`; `demo --no-gui`; `verify`; a contract
dry run in the contract sandbox's child process; a bundle export and its import into a second replica (another
demo member's key); two `node --no-discovery` on loopback syncing an entry recorded on the second, a third
replica joining with a member's key and receiving the whole ledger, both nodes stopped by SIGTERM (Ctrl+Break
on Windows); the client on the demo data (offscreen) until its map page has loaded through the local scheme
with no request leaving the machine. Every command must exit as expected without a traceback. Bounded: each
step has a time limit, the whole run takes about a minute. Exit 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "relief-ledger"
STEP_TIMEOUT_S = 120
SYNC_TIMEOUT_S = 60


# How a service manager asks the node to stop: SIGTERM on Linux and macOS. Windows has no SIGTERM (Popen's
# send_signal(SIGTERM) is TerminateProcess, a kill): there the node answers Ctrl+Break, which reaches only a
# process started in a process group of its own.
if sys.platform == "win32":
    STOP_SIGNAL, STOP_NAME = signal.CTRL_BREAK_EVENT, "Ctrl+Break"
    STOPPABLE: dict[str, int] = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
else:
    STOP_SIGNAL, STOP_NAME = signal.SIGTERM, "SIGTERM"
    STOPPABLE = {}


class SmokeFailure(Exception):
    pass


def program_version() -> str:
    """The version as the source defines it (app/__init__.py), read without importing the program."""
    match = re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "app" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise SmokeFailure("app/__init__.py defines no __version__")
    return match.group(1)


def executable_name() -> str:
    return NAME + (".exe" if sys.platform == "win32" else "")


def clean_environment(scratch: Path) -> dict[str, str]:
    """No Python on PATH, nothing of the developer's environment, a HOME of its own, offscreen Qt."""
    empty_bin = scratch / "bin"
    empty_bin.mkdir()
    env = {
        "PATH": str(empty_bin),
        "HOME": str(scratch / "home"),
        "XDG_CONFIG_HOME": str(scratch / "home" / ".config"),
        "XDG_DATA_HOME": str(scratch / "home" / ".local" / "share"),
        "XDG_CACHE_HOME": str(scratch / "home" / ".cache"),
        "XDG_RUNTIME_DIR": str(scratch / "runtime"),
        "TMPDIR": str(scratch / "tmp"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "RELIEF_LEDGER_PASSPHRASE": "demo",
    }
    for folder in ("home", "runtime", "tmp"):
        (scratch / folder).mkdir(mode=0o700)
    for name in ("SYSTEMROOT", "WINDIR", "LOCALAPPDATA", "APPDATA", "USERPROFILE"):   # Windows needs these
        if name in os.environ:
            env[name] = os.environ[name]
    if sys.platform == "win32":   # Windows' temporary directory comes from TEMP/TMP, not TMPDIR
        env["TEMP"] = env["TMP"] = env["TMPDIR"]
    if shutil.which("python3", path=env["PATH"]) or shutil.which("python", path=env["PATH"]):
        raise SmokeFailure("the smoke test's PATH still holds a Python")
    return env


class Smoke:
    def __init__(self, program: Path, env: dict[str, str], scratch: Path) -> None:
        self.program, self.env, self.scratch = program, env, scratch
        self.passed: list[str] = []

    def run(self, *args: str, expect: int = 0, timeout: float = STEP_TIMEOUT_S) -> str:
        done = subprocess.run([str(self.program), *args], env=self.env, cwd=self.scratch, capture_output=True,
                              text=True, timeout=timeout, check=False)
        output = done.stdout + done.stderr
        if done.returncode != expect or "Traceback (most recent call last)" in output:
            raise SmokeFailure(f"`{NAME} {' '.join(args)}` exited {done.returncode} (expected {expect}):\n{output}")
        return output

    def step(self, title: str, check: Callable[[], object]) -> None:
        started = time.monotonic()
        check()
        self.passed.append(title)
        print(f"  ok  {title} ({time.monotonic() - started:.1f} s)", flush=True)

    def start_node(self, data: Path, *extra: str) -> tuple[subprocess.Popen[str], int]:
        """A headless node on loopback; its port, read from its first lines."""
        node = subprocess.Popen([str(self.program), "node", "--data", str(data), "--listen", "127.0.0.1", "--port",
                                 "0", "--no-discovery", *extra], env=self.env, cwd=self.scratch,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **STOPPABLE)
        deadline = time.monotonic() + STEP_TIMEOUT_S
        assert node.stdout is not None
        seen = []
        while time.monotonic() < deadline:
            line = node.stdout.readline()
            if not line:
                break
            seen.append(line)
            match = re.search(r"listening on port (\d+)", line)
            if match:
                return node, int(match.group(1))
        node.kill()
        raise SmokeFailure(f"the node on {data.name} did not start:\n{''.join(seen)}")

    def stop_node(self, node: subprocess.Popen[str], what: str) -> None:
        node.send_signal(STOP_SIGNAL)
        try:
            output, _ = node.communicate(timeout=STEP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            node.kill()
            raise SmokeFailure(f"{what} did not stop within {STEP_TIMEOUT_S} s of {STOP_NAME}") from None
        if node.returncode != 0 or "stopped cleanly" not in output or "Traceback" in output:
            raise SmokeFailure(f"{what} did not stop cleanly (exit {node.returncode}):\n{output}")


def smoke(folder: Path) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="relief-ledger-smoke-"))
    try:
        copy = scratch / "installed" / NAME
        shutil.copytree(folder, copy, symlinks=True)
        program = copy / executable_name()
        env = clean_environment(scratch)
        s = Smoke(program, env, scratch)
        a, b = scratch / "center-a", scratch / "center-b"
        version = program_version()

        def version_line() -> None:
            out = s.run("--version")
            if not out.startswith(f"{NAME} {version} (commit ") or ", built " not in out:
                raise SmokeFailure(f"--version says {out.strip()!r}, expected {NAME} {version} with a commit and a "
                                   "build date")

        def notices() -> None:
            for path in (copy / "THIRD-PARTY-NOTICES.txt", copy / "_internal" / "THIRD-PARTY-NOTICES.txt"):
                text = path.read_text(encoding="utf-8") if path.exists() else ""
                missing = [name for name in ("PySide6", "Qt WebEngine", "Leaflet", "Natural Earth", "cryptography")
                           if name not in text]
                if missing:
                    raise SmokeFailure(f"{path} does not name {', '.join(missing)}")

        def dry_run() -> None:
            result = json.loads(s.run("dry-run", "fair_share", "--data", str(a), "--json"))
            if not result["allocations"]:
                raise SmokeFailure("the fair-share dry run on the demo allocated nothing")

        def scenario() -> None:
            flood = copy / "_internal" / "resources" / "scenarios" / "limpopo-flood.toml"
            if not flood.exists():   # a macOS .app or another layout: the resources sit elsewhere
                flood = next(copy.rglob("limpopo-flood.toml"))
            out = s.run("exercise", "scenario", "check", str(flood))
            if "injects: " not in out:
                raise SmokeFailure(f"the flood scenario's summary names no injects:\n{out}")
            s.run("exercise", "msel", "export", str(flood), str(scratch / "flood-msel.xlsx"))
            if (scratch / "flood-msel.xlsx").stat().st_size == 0:
                raise SmokeFailure("the MSEL spreadsheet is empty")

        def bundle() -> None:
            s.run("bundle", "export", str(scratch / "demo.bundle"), "--data", str(a))
            b.mkdir()
            shutil.copy2(a / "demo-keys" / "eoc-chimoio.key", b / "identity.key")
            s.run("bundle", "import", str(scratch / "demo.bundle"), "--data", str(b))
            s.run("verify", "--quiet", "--data", str(b))

        def sync() -> None:
            s.run("record", "site.define", "--data", str(b), "--field", "site=SMOKE-1", "--field", "name=Smoke depot",
                  "--field", "kind=depot", "--field", "lat_e6=-19600000", "--field", "lon_e6=34700000",
                  "--field", "org=WFP")
            hub, port = s.start_node(a)
            try:
                vehicle, _ = s.start_node(b, "--peer", f"127.0.0.1:{port}")
                try:
                    deadline = time.monotonic() + SYNC_TIMEOUT_S
                    while "SMOKE-1" not in json.loads(s.run("state", "--json", "--data", str(a)))["sites"]:
                        if time.monotonic() > deadline:
                            raise SmokeFailure(f"the entry recorded on B did not reach A in {SYNC_TIMEOUT_S} s")
                        time.sleep(0.5)
                finally:
                    s.stop_node(vehicle, "the node on B")
                # a vehicle holding another member's key joins through the running node and receives the whole
                # ledger (batches of 64 or more signatures are checked in a spawned worker process: freeze_support)
                c = scratch / "vehicle-c"
                c.mkdir()
                shutil.copy2(a / "demo-keys" / "eoc-quelimane.key", c / "identity.key")
                out = s.run("join", "--data", str(c), "--name", "Quelimane", "--org", "INGC", "--peer",
                            f"127.0.0.1:{port}", "--no-discovery", "--port", "0", "--listen", "127.0.0.1",
                            "--timeout", str(SYNC_TIMEOUT_S))
                if "entries synced" not in out:
                    raise SmokeFailure(f"the vehicle did not receive the ledger:\n{out}")
                s.run("verify", "--quiet", "--data", str(c))
            finally:
                s.stop_node(hub, "the node on A")

        def client() -> None:
            report = scratch / "self-test.json"
            s.run("gui", "--data", str(a), "--self-test", str(report), timeout=180)
            facts = json.loads(report.read_text(encoding="utf-8"))
            stages = facts.get("stages", {})
            problems = [f"stage {name} not reached" for name in ("unlock_dialog", "window_interactive", "map_loaded")
                        if name not in stages]
            if not str(facts.get("map_url", "")).startswith("rlmap://"):
                problems.append(f"the map page came from {facts.get('map_url')!r}, not the local scheme")
            if not facts.get("notices") or ", built " not in str(facts.get("version")):
                problems.append(f"the About box would show {facts.get('version')!r}, notices found: "
                                f"{facts.get('notices')}")
            if facts.get("outside") or facts.get("blocked"):
                problems.append(f"requests left for outside: {facts.get('outside')} (blocked {facts.get('blocked')})")
            if problems:
                raise SmokeFailure("the client: " + "; ".join(problems) + f"\n{json.dumps(facts, indent=1)}")
            print(f"      window {stages['window_interactive'] - stages['qt_ready']:.2f} s after Qt was up, map "
                  f"{stages['map_loaded'] - stages['qt_ready']:.2f} s; {facts['requests']} requests, all local")

        print(f"smoke test of {folder} (copied to {copy}), PATH without Python", flush=True)
        s.step("--version names " + version + " with its commit and build date", version_line)
        s.step("the third-party notices are in the folder", notices)
        s.step("demo --no-gui builds the demo network", lambda: s.run("demo", "--no-gui", "--quiet", "--data", str(a)))
        s.step("verify passes on the demo", lambda: s.run("verify", "--quiet", "--data", str(a)))
        s.step("a contract dry run in the sandbox's child process", dry_run)
        s.step("the shipped flood scenario checks and its MSEL exports to XLSX", scenario)
        s.step("bundle export, import into a second replica, verify", bundle)
        s.step("two nodes sync over loopback, a vehicle joins and receives the ledger, nodes stop on "
               + STOP_NAME, sync)
        s.step("the client opens, unlocks and loads its map offline", client)
        print(f"smoke test passed: {len(s.passed)} steps", flush=True)
        return 0
    except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else ROOT / "build" / "dist" / NAME
    if not (folder / executable_name()).exists():
        print(f"smoke test: no frozen build in {folder} (python packaging/build.py makes it)", file=sys.stderr)
        return 1
    return smoke(folder.resolve())


if __name__ == "__main__":
    sys.exit(main())
