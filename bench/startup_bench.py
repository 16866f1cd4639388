"""Start-up and size of the frozen build against the installed program, measured in the same run.

    python packaging/build.py && python bench/startup_bench.py            # 5 warm runs of each, after one cold
    python bench/startup_bench.py --runs 2 --frozen build/dist/relief-ledger

Both programs open the same demo replica with `gui --self-test` (app/ui/self_test.py): the client starts, shows
the unlock dialog, unlocks with the demo passphrase from the environment, shows its main window and loads its map,
and reports when each stage was reached. Times are from just before the process is launched to each stage
(wall clock: both clocks are this machine's). The first run of each program follows a drop of the page cache
where this machine allows it (root on Linux), so it is a cold start; otherwise it is only the first run.
Targets (docs/PERFORMANCE.md): main window interactive within 3 s of launch; folder under 450 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "build" / "dist" / "relief-ledger"
ARTIFACTS = ROOT / "build" / "artifacts"
WINDOW_TARGET_S = 3.0
FOLDER_TARGET_MB = 450
STAGES = ("unlock_dialog", "window_interactive", "map_loaded")


@dataclass(frozen=True)
class Start:
    program: str
    cold: bool
    seconds: dict[str, float]   # stage -> seconds after launch


def drop_page_cache() -> bool:
    """Make the next start a cold one (Linux, root); False where that is not allowed."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def one_start(command: list[str], data: Path, report: Path, env: dict[str, str]) -> dict[str, float]:
    launched = time.time()
    done = subprocess.run([*command, "gui", "--data", str(data), "--self-test", str(report)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    facts = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    if done.returncode != 0 or "error" in facts:
        raise RuntimeError(f"{' '.join(command)} failed its self-test ({facts.get('error')}):\n{done.stderr[-3000:]}")
    return {stage: facts["stages"][stage] - launched for stage in STAGES}


def measure(name: str, command: list[str], data: Path, runs: int, scratch: Path,
            report: Callable[[str], None], cold_first: bool) -> list[Start]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELIEF_LEDGER_PASSPHRASE": "demo",
           "HOME": str(scratch / f"home-{name}")}
    starts = []
    for i in range(runs + 1):
        cold = i == 0 and cold_first and drop_page_cache()
        result = one_start(command, data, scratch / f"{name}-{i}.json", env)
        starts.append(Start(name, cold, result))
        report(f"  {name:<9} {'cold' if cold else ('first' if i == 0 else 'warm'):<5} " +
               "  ".join(f"{stage} {result[stage]:.2f} s" for stage in STAGES))
    return starts


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def run(frozen: Path, runs: int, report: Callable[[str], None] = print, cold_first: bool = True) -> dict[str, object]:
    from app.exercise.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        scratch = Path(tmp)
        data = scratch / "demo"
        build_demo(data, progress=False)
        report(f"demo replica in {data}; {runs} warm runs after the first, each program")
        installed = measure("installed", [sys.executable, "-m", "app.cli"], data, runs, scratch, report, cold_first)
        programs = {"installed": installed}
        if (frozen / "relief-ledger").exists():
            programs["frozen"] = measure("frozen", [str(frozen / "relief-ledger")], data, runs, scratch, report,
                                         cold_first)
        else:
            report(f"no frozen build in {frozen}: python packaging/build.py makes it")
    summary: dict[str, object] = {}
    for name, starts in programs.items():
        warm = starts[1:] or starts
        summary[name] = {"first": starts[0].seconds, "cold": starts[0].cold,
                         "warm_median": {s: statistics.median(x.seconds[s] for x in warm) for s in STAGES}}
    if "frozen" in programs:
        summary["folder_mb"] = folder_mb(frozen)
        tarballs = sorted(ARTIFACTS.glob("relief-ledger-*-linux-*.tar.gz")) if ARTIFACTS.exists() else []
        if tarballs:
            summary["tarball_mb"] = tarballs[-1].stat().st_size / 1e6
            summary["tarball"] = tarballs[-1].name
    return summary


def table(summary: dict[str, object]) -> str:
    lines = ["| measure | installed | frozen | frozen / installed | target |", "| --- | --- | --- | --- | --- |"]
    installed = summary["installed"]
    frozen = summary.get("frozen")
    assert isinstance(installed, dict)
    for kind in ("first", "warm_median"):
        for stage in STAGES:
            a = installed[kind][stage]
            b = frozen[kind][stage] if isinstance(frozen, dict) else None
            target = ""
            if stage == "window_interactive":
                worst = max(a, b or 0)
                target = f"< {WINDOW_TARGET_S:.0f} s: {'**pass**' if worst < WINDOW_TARGET_S else '**miss**'}"
            label = f"{'cold' if kind == 'first' and installed['cold'] else kind.replace('_', ' ')}: launch to {stage}"
            lines.append(f"| {label} | {a:.2f} s | " + (f"{b:.2f} s | {b / a:.2f} |" if b is not None else "- | - |")
                         + f" {target} |")
    if "folder_mb" in summary:
        size = float(summary["folder_mb"])  # type: ignore[arg-type]
        lines.append(f"| frozen folder, unpacked | | {size:.0f} MB | | < {FOLDER_TARGET_MB} MB: "
                     f"{'**pass**' if size < FOLDER_TARGET_MB else '**miss**'} |")
    if "tarball_mb" in summary:
        lines.append(f"| {summary['tarball']} | | {float(summary['tarball_mb']):.0f} MB | | |")  # type: ignore[arg-type]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the first (default 5)")
    parser.add_argument("--frozen", type=Path, default=FROZEN, help="the frozen folder (default %(default)s)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    summary = run(args.frozen, args.runs)
    print(table(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
