"""Run a contract in a child process with an address-space limit.

The evaluator holds the GIL while it runs and collects no garbage within a call, so a runaway
contract in-process stalls other threads and can take gigabytes before its step budget ends it.
A child process fixes both: the parent only waits on a pipe (the GIL is free) and polls the
child's resident memory every 50 ms, killing it past the limit (Linux /proc; elsewhere the
child is isolated but unlimited), and a cancelled run is killed. `RLIMIT_AS` was tried first:
an allocation failure inside the evaluator then left the child blocked on a lock forever.
Same `run_contract` inside, so the result is the same as in-process (tested); a child that
runs out of memory or dies is a `memory` / `crashed` error, which, unlike budget errors,
depends on the machine's limit and is not a verdict on the contract that replicas must agree on.

Protocol: the parent writes canonical JSON {"source", "snapshot", "params", "budget"} to the
child's stdin; the child answers one JSON object on stdout: {"result": {...}} or {"error": {...}}.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from app.contracts.runtime import DEFAULT_BUDGET, ContractError, RunResult, run_contract
from app.core import canonical

DEFAULT_MEMORY_MB = 2048
ROOT = Path(__file__).resolve().parents[2]


def _resident_mb(pid: int) -> int | None:
    """Resident memory of a process in MB (Linux /proc); None where that is not available."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)


def run_isolated(source: str, snapshot: dict, params: dict | None = None, budget: int = DEFAULT_BUDGET, *,
                 memory_mb: int = DEFAULT_MEMORY_MB, cancelled: Callable[[], bool] | None = None,
                 poll_s: float = 0.05) -> RunResult:
    """`run_contract` in a child process stopped past `memory_mb` resident; same result or error."""
    request = canonical.encode({"source": source, "snapshot": snapshot, "params": params or {}, "budget": budget,
                                "memory_mb": memory_mb})
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    child = subprocess.Popen([sys.executable, "-m", "app.contracts.isolated"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(ROOT))
    data: bytes | None = request
    while True:
        try:
            out, err = child.communicate(data, timeout=poll_s)   # retried calls resume where it stopped
            break
        except subprocess.TimeoutExpired:
            data = None
            if cancelled is not None and cancelled():
                child.kill()
                child.communicate()
                raise ContractError("cancelled", "the run was cancelled") from None
            resident = _resident_mb(child.pid)
            if resident is not None and resident > memory_mb:
                child.kill()
                child.communicate()
                raise ContractError("memory", f"the contract used more than {memory_mb} MB ({resident} MB resident) "
                                              "and was stopped") from None
    try:
        answer = json.loads(out.decode("utf-8")) if out.strip() else None
    except ValueError:
        answer = None
    if answer is None:
        text = err.decode("utf-8", "replace").strip()
        if "MemoryError" in text or "memory allocation" in text or child.returncode in (-6, -9, 134, 137):
            raise ContractError("memory", f"the contract ran out of memory (limit {memory_mb} MB) or was killed "
                                          f"(exit {child.returncode})", detail=text[-2000:])
        raise ContractError("crashed", f"the contract process ended without an answer (exit {child.returncode})",
                            detail=text[-2000:])
    if "error" in answer:
        raise ContractError(**answer["error"])
    return RunResult(**answer["result"])


def _serve() -> int:
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    started = time.perf_counter()
    try:
        result = run_contract(request["source"], request["snapshot"], request["params"], request["budget"])
        answer = {"result": asdict(result)}
    except ContractError as exc:
        answer = {"error": {"kind": exc.kind, "message": exc.message, "line": exc.line, "column": exc.column,
                            "end_line": exc.end_line, "end_column": exc.end_column, "index": exc.index,
                            "detail": exc.detail}}
    except MemoryError:
        answer = {"error": {"kind": "memory", "message": f"the contract ran out of memory "
                                                        f"(limit {request['memory_mb']} MB)"}}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    sys.stderr.write(f"contract child: {time.perf_counter() - started:.3f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
