"""The frozen build's entry point: the same `relief-ledger` command, plus what only a frozen program needs.

A frozen program has no `python -m`: the contract sandbox's child process (app/contracts/isolated.py)
starts this same executable with `-m app.contracts.isolated`, and the verifier's process pool starts it
through multiprocessing, which `freeze_support` answers before the CLI sees any argument.
"""

from __future__ import annotations

import multiprocessing
import runpy
import sys

# Modules a frozen build may be asked to run as `-m MODULE` (nothing else: this is not a Python shell).
CHILD_MODULES = ("app.contracts.isolated",)


def main() -> int:
    multiprocessing.freeze_support()
    if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2] in CHILD_MODULES:
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
