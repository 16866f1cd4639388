"""Fuzz bench: arbitrary bytes into the four decoders an outsider can reach, in-process.

    python bench/fuzz_bench.py                    # 1,000,000 inputs, a quarter per target
    python bench/fuzz_bench.py --inputs 20000     # a quick run

Targets: the frame decoder (frames.py, what a peer's TLS stream and a bundle file feed), the entry
decoder (wire.py -> entry.py -> canonical.py, every entry a peer, a bundle or a stick carries), the
bundle reader (bundle.py, a whole file from a USB stick) and the control socket's request parser
(control.py). Inputs are mutations of valid seeds (bit flips, byte edits, splices, truncations,
repeated and nested brackets, swapped JSON tokens) plus plain random bytes.

Every input must end in a valid value or the target's documented error (ProtocolError,
EntryError, BundleError, ControlError): anything else is a crash. An input that takes longer than
the per-input budget is a hang (a watchdog interrupts one that never returns). Both must be zero.
The reference is the plain `json.loads` of the same inputs in the same run, so the ratio says
what the checks around the parser cost, on any machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core import entry as entry_mod
from app.core.entry import Entry, EntryError
from app.core.identity import Identity
from app.net import wire
from app.net.bundle import MAGIC, SEAL_DOMAIN, BundleError, import_bundle_bytes
from app.net.control import ControlError, parse_request
from app.net.frames import ProtocolError, decode_payload, encode_frame
from app.node import ReceiveReport

HANG_BUDGET_S = 1.0       # an input slower than this counts as a hang
WATCHDOG_S = 10.0         # an input still running after this is interrupted (and counted as a hang)
AUTHOR = Identity.from_seed(b"fuzz-bench-author".ljust(32, b"\0"))


# -- seeds: valid inputs of each target ---------------------------------------------------------------
def seed_entries(count: int = 4) -> list[Entry]:
    """A genesis and a few ordinary entries by one author: the shapes every decoder sees daily."""
    genesis = entry_mod.create(AUTHOR, net=None, seq=1, prev=None, deps=[], lamport=1, ts=1_700_000_000_000,
                               type="genesis", body={"name": "Fuzz", "kind": "exercise", "policies": {}, "members": [
                                   {"key": AUTHOR.public_key_hex, "org": "NDMA", "name": "EOC",
                                    "roles": ["admin", "commander"]}]})
    made = [genesis]
    for seq in range(2, count + 1):
        prev = made[-1]
        made.append(entry_mod.create(AUTHOR, net=genesis.hash, seq=seq, prev=prev.hash, deps=[], lamport=seq,
                                     ts=1_700_000_000_000 + seq, type="stock.receive",
                                     body={"site": "DEP-1", "item": "water-5l", "lot": f"L-{seq}", "qty": 40 * seq,
                                           "source": "WFP ✓ ünïcode", "tags": [["a", {"b": [1, 2]}]]}))
    return made


def seed_bundle(entries: list[Entry]) -> bytes:
    """A sealed bundle file of `entries`, built exactly as export_bundle lays it out."""
    digest = hashlib.sha256()
    parts = [MAGIC, encode_frame({"t": "bundle", "v": 1, "net": entries[0].hash, "exporter": AUTHOR.public_key_hex,
                                  "count": len(entries), "for": {}})]
    parts.extend(frame for _count, frame in wire.entry_frames("entries", ((e.raw, e.sig) for e in entries), 4096, 2))
    for part in parts:
        digest.update(part)
    seal = digest.hexdigest()
    parts.append(encode_frame({"t": "end", "count": len(entries), "sha256": seal,
                               "sig": AUTHOR.sign(SEAL_DOMAIN + bytes.fromhex(seal)).hex()}))
    return b"".join(parts)


def seeds() -> dict[str, list[bytes]]:
    """Valid inputs per target."""
    entries = seed_entries()
    wire_items = [json.dumps(wire.entry_to_wire(e), ensure_ascii=False).encode() for e in entries]
    return {
        "frame": [encode_frame({"t": "hello", "v": 1, "net": entries[0].hash, "key": AUTHOR.public_key_hex})[4:],
                  encode_frame({"t": "have", "heads": {AUTHOR.public_key_hex: 4}, "hashes": {}})[4:],
                  next(wire.entry_frames("entries", ((e.raw, e.sig) for e in entries)))[1][4:]],
        "entry": wire_items,
        "bundle": [seed_bundle(entries), seed_bundle(entries[:1])],
        "control": [json.dumps({"op": "append", "items": [["stock.receive", entries[1].body],
                                                          ["road.report", {"road": "N1", "status": "open"}]]},
                               ensure_ascii=False).encode() + b"\n"],
    }


# -- targets: each returns a short outcome name or raises its documented error -------------------------
class _NoTarget:
    """A bundle destination that stores nothing: the reader and the entry decoder are what is fuzzed."""

    has_network = False     # as a fresh replica: no header is refused for its network, every frame is read
    network_id = ""

    def receive(self, incoming: list[Entry]) -> ReceiveReport:
        return ReceiveReport(accepted=list(incoming))


def decode_frame_target(data: bytes) -> str:
    decode_payload(data)
    return "frame"


def decode_entry_target(data: bytes) -> str:
    """A wire entry as it sits in an `entries` frame: JSON {"raw", "sig"}, then the full entry checks."""
    try:
        item = json.loads(data)
    except (ValueError, RecursionError) as exc:   # the frame decoder refuses these before any entry is read
        raise EntryError("malformed", "not a JSON wire entry") from exc
    wire.entry_from_wire(item)
    return "entry"


def read_bundle_target(data: bytes) -> str:
    report = import_bundle_bytes(_NoTarget(), data)
    return "bundle sealed" if report.sealed else "bundle unsealed"


def control_target(data: bytes) -> str:
    parse_request(data)
    return "request"


# name -> (target, the errors it documents)
TARGETS: dict[str, tuple[Callable[[bytes], str], tuple[type[BaseException], ...]]] = {
    "frame": (decode_frame_target, (ProtocolError,)),
    "entry": (decode_entry_target, (EntryError,)),
    "bundle": (read_bundle_target, (BundleError,)),
    "control": (control_target, (ControlError,)),
}


# -- mutations -------------------------------------------------------------------------------------------
TOKENS = [b"[", b"]", b"{", b"}", b'"', b"\\", b",", b":", b"null", b"true", b"1e9", b"-0", b"1.5", b"NaN",
          b"9007199254740993", b'"\\ud800"', b'"\\u0000"', b"\xff", b"\xc3", b"\x00", b"\x1b[2J", "\u202e".encode()]


def mutate(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """One to four random edits of a valid input, or plain random bytes."""
    choice = rng.random()
    if choice < 0.08:
        return rng.randbytes(rng.randint(0, 256))
    if choice < 0.11:
        depth = rng.choice([17, 100, 1000, 10_000, 100_000])
        opener, closer = rng.choice([(b"[", b"]"), (b'{"t":', b"}"), (b'{"a":', b"}")])
        bomb = opener * depth + b"1" + closer * depth
        cut = rng.randint(0, len(data))
        return data[:cut] + bomb + data[cut:]
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        position = rng.randint(0, max(0, len(out) - 1)) if out else 0
        if kind == 0 and out:                       # flip a bit
            out[position] ^= 1 << rng.randrange(8)
        elif kind == 1 and out:                     # replace a byte
            out[position] = rng.randrange(256)
        elif kind == 2:                             # insert a JSON token
            out[position:position] = rng.choice(TOKENS)
        elif kind == 3 and out:                     # delete a run
            del out[position:position + rng.randint(1, 16)]
        elif kind == 4:                             # truncate
            del out[rng.randint(0, len(out)):]
        elif kind == 5 and corpus:                  # splice another seed in
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            out[position:position] = other[start:start + rng.randint(1, 64)]
        elif kind == 6 and out:                     # duplicate a run
            out[position:position] = out[position:position + rng.randint(1, 32)]
    return bytes(out)


def inputs_for(name: str, count: int, seed: int) -> list[bytes]:
    corpus = seeds()[name]
    rng = random.Random(f"{seed}/{name}")
    return [rng.choice(corpus) if i % 50 == 0 else mutate(rng, rng.choice(corpus), corpus) for i in range(count)]


# -- the run ---------------------------------------------------------------------------------------------
class _Watchdog(BaseException):
    """Raised into an input that ran past WATCHDOG_S (a BaseException, so no target can swallow it)."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Watchdog()


@dataclass
class TargetResult:
    name: str
    inputs: int = 0
    outcomes: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    hangs: int = 0
    slowest_s: float = 0.0
    seconds: float = 0.0
    reference_s: float = 0.0

    @property
    def rate(self) -> float:
        return self.inputs / self.seconds if self.seconds else 0.0

    @property
    def ratio(self) -> float:
        """Time per input over json.loads's time for the same inputs."""
        return self.seconds / self.reference_s if self.reference_s else 0.0


def fuzz_target(name: str, data: list[bytes]) -> TargetResult:
    target, documented = TARGETS[name]
    result = TargetResult(name, inputs=len(data))
    use_watchdog = hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, _alarm) if use_watchdog else None
    started = time.perf_counter()
    try:
        for item in data:
            begun = time.perf_counter()
            try:
                if use_watchdog:
                    signal.setitimer(signal.ITIMER_REAL, WATCHDOG_S)
                try:
                    outcome = target(item)
                finally:
                    if use_watchdog:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _Watchdog:
                outcome = "interrupted"
                result.hangs += 1
            except documented as exc:
                outcome = f"refused {getattr(exc, 'code', type(exc).__name__)}"
            except Exception as exc:  # noqa: BLE001 - exactly what the bench is looking for
                outcome = "CRASH"
                if len(result.crashes) < 5:
                    result.crashes.append(f"{type(exc).__name__}: {exc} for {item[:120]!r}\n"
                                          + "".join(traceback.format_exception(exc)[-3:]))
                else:
                    result.crashes.append(type(exc).__name__)
            took = time.perf_counter() - begun
            result.slowest_s = max(result.slowest_s, took)
            if took > HANG_BUDGET_S and outcome != "interrupted":
                result.hangs += 1
            result.outcomes[outcome] += 1
    finally:
        result.seconds = time.perf_counter() - started
        if use_watchdog:
            signal.signal(signal.SIGALRM, previous)
    started = time.perf_counter()
    for item in data:
        try:
            json.loads(item)
        except (ValueError, RecursionError):
            pass
    result.reference_s = time.perf_counter() - started
    return result


def run(total: int, seed: int = 12, report: Callable[[str], None] = print) -> list[TargetResult]:
    """Fuzz every target with total/4 inputs; returns the results (crashes and hangs must be zero)."""
    results = []
    for name in TARGETS:
        data = inputs_for(name, total // len(TARGETS), seed)
        result = fuzz_target(name, data)
        results.append(result)
        report(f"{name:<8} {result.inputs:>8,} inputs in {result.seconds:7.1f} s  {result.rate:>9,.0f}/s  "
               f"x{result.ratio:5.1f} json.loads  slowest {result.slowest_s * 1000:6.1f} ms  "
               f"crashes {len(result.crashes)}  hangs {result.hangs}")
        for outcome, count in result.outcomes.most_common(8):
            report(f"           {count:>8,}  {outcome}")
        for crash in result.crashes[:5]:
            report(f"  CRASH {crash}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=1_000_000, help="total inputs across the four targets")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    sys.setrecursionlimit(1000)   # the interpreter's default: bombs must be refused at it, not survive by a raise
    started = time.perf_counter()
    results = run(args.inputs, args.seed)
    crashes = sum(len(r.crashes) for r in results)
    hangs = sum(r.hangs for r in results)
    print(f"total {sum(r.inputs for r in results):,} inputs in {time.perf_counter() - started:.0f} s: "
          f"{crashes} crashes, {hangs} hangs -> {'PASS' if not crashes and not hangs else 'FAIL'}")
    return 0 if not crashes and not hangs else 1


if __name__ == "__main__":
    sys.exit(main())
