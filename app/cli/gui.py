"""`relief-ledger gui` (the default command) and `demo`: the desktop client, loaded only when asked for."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from app.cli.common import CliError


def cmd_demo(args: argparse.Namespace) -> int:
    from app.exercise.demo import build_demo

    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="relief-ledger-demo-"))
    summary = build_demo(data, progress=not args.quiet)
    print(summary)
    if not args.no_gui:
        return launch_gui(data, passphrase=summary.passphrase)
    return 0


def launch_gui(data: Path | None, passphrase: str | None = None, self_test: Path | None = None) -> int:
    """Exit status 1 with a sentence, before any Qt object exists, when the X11 plugin cannot load:
    Qt would otherwise abort with a message that does not name the missing package."""
    from app.platform_check import xcb_problem

    problem = xcb_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    try:
        from app.ui.app import run_gui
    except ImportError as exc:
        raise CliError(f"the desktop client is not available in this build ({exc})") from exc
    return run_gui(data, passphrase=passphrase, self_test=self_test)


def cmd_gui(args: argparse.Namespace) -> int:
    return launch_gui(Path(args.data) if args.data else None,
                      self_test=Path(args.self_test) if args.self_test else None)
