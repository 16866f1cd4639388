"""Run an allocation contract: Starlark source + snapshot + parameters -> validated integer allocations.

A contract is Starlark (the standard dialect: no `while`, no top-level `for`, no I/O) that defines

    PARAMS = {...}                      # optional: declared parameters and their defaults
    def allocate(state, params):        # required
        return [{"from_site": ..., "request": ..., "item": ..., "lot": ... (optional), "qty": ...}]

The runtime meters execution: the evaluator calls the cancellation hook about every 1,000
bytecode instructions; each call is one step, and the standard library charges its own work on
the same scale. Past the budget the run fails with a `budget` error, at the same step on every
replica. Call depth is capped too, so runaway recursion fails the same way everywhere.

`run_contract` is what a node will call to re-execute a recorded run: it returns the allocations
with the digests of the inputs and the output, and the steps used.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import starlark as sl

from app.contracts import stdlib
from app.core import canonical
from app.errors import ReliefLedgerError

DEFAULT_BUDGET = 10_000          # steps of ~1,000 instructions (see CONTRACTS.md, "Metering": memory grows with steps)
MAX_CALL_DEPTH = 100
MAX_ALLOCATIONS = 100_000
STDLIB_VERSION = 1
ALLOCATION_KEYS = ("from_site", "request", "item", "lot", "qty")
REQUIRED_KEYS = ("from_site", "request", "item", "qty")


def _starlark_version() -> str:
    try:
        return metadata.version("starlark-pyo3")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed as a dependency
        return "unknown"


RUNTIME_VERSION = f"starlark-pyo3 {_starlark_version()}; stdlib {STDLIB_VERSION}"

_LOCATION = re.compile(r"-->\s*(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+)(?:-(?P<end>\d+(?::\d+)?))?")
_CARETS = re.compile(r"^\s*\|\s*(\^+)\s*$", re.MULTILINE)
_TRACE_LINE = re.compile(r"\*\s*(?P<file>[^\n,]*?):(?P<line>\d+), in")


@dataclass
class ContractError(ReliefLedgerError):
    """A contract that cannot run or whose output is refused; `kind` says which stage refused it.

    kinds: syntax, load (top level failed), missing (no allocate), params, runtime, budget,
    cancelled, output. line and column are 1-based positions in the source where known.
    """

    kind: str
    message: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    index: int | None = None          # output errors: the offending allocation
    detail: str = ""                  # the evaluator's full text (traceback, source excerpt)

    def __post_init__(self) -> None:
        super().__init__(self.message, f"contract_{self.kind}")

    def __str__(self) -> str:
        where = f" at line {self.line}, column {self.column}" if self.line else ""
        return f"{self.kind} error{where}: {self.message}"


@dataclass(frozen=True)
class Diagnostic:
    """A lint finding or an error, at a 1-based line and column."""

    severity: str          # "error", "warning", "advice"
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str = ""


@dataclass(frozen=True)
class ParamSpec:
    name: str
    default: Any
    kind: str                      # int, bool, text, choice, list
    label: str = ""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple = ()
    help: str = ""


@dataclass
class RunResult:
    allocations: list[dict]
    input_digest: str
    output_digest: str
    steps: int
    params: dict = field(default_factory=dict)
    source_digest: str = ""
    runtime_version: str = RUNTIME_VERSION


class _BudgetExceeded(Exception):
    pass


class Meter:
    """The step meter: evaluator ticks plus the standard library's charges, against one budget."""

    def __init__(self, budget: int, cancelled: Callable[[], bool] | None = None) -> None:
        if type(budget) is not int or budget <= 0:
            raise ValueError("budget must be a positive integer number of steps")
        self.budget = budget
        self.ticks = 0
        self.ops = 0
        self.exceeded = False
        self.was_cancelled = False
        self._cancelled = cancelled

    @property
    def steps(self) -> int:
        return self.ticks + self.ops // 1000

    def tick(self) -> bool:
        self.ticks += 1
        if self.steps > self.budget:
            self.exceeded = True
            return True
        if self._cancelled is not None and self._cancelled():
            self.was_cancelled = True
            return True
        return False

    def charge(self, ops: int) -> None:
        self.ops += ops
        if self.steps > self.budget:
            self.exceeded = True
            raise _BudgetExceeded(f"step budget of {self.budget} exhausted inside the standard library")

    def options(self) -> sl.EvalOptions:
        return sl.EvalOptions(check_cancelled=self.tick, max_callstack_size=MAX_CALL_DEPTH)


# -- positions and diagnostics ----------------------------------------------------------------------------
def _position(text: str, filename: str) -> tuple[int | None, int | None, int | None, int | None]:
    """Line/column of the innermost location the evaluator reports in `text` that lies in `filename`."""
    found = [m for m in _LOCATION.finditer(text) if m.group("file").strip() == filename]
    if found:
        m = found[-1]
        line, col = int(m.group("line")), int(m.group("col"))
        end_line, end_col = line, col
        if m.group("end"):
            parts = m.group("end").split(":")
            if len(parts) == 2:
                end_line, end_col = int(parts[0]), int(parts[1])
            else:
                end_col = int(parts[0])
        else:  # the excerpt's carets give the span's width: "  |        ^^^^^^"
            carets = _CARETS.search(text, m.end())
            if carets:
                end_col = col + len(carets.group(1))
        return line, col, end_line, end_col
    traces = [m for m in _TRACE_LINE.finditer(text) if m.group("file").strip() == filename]
    if traces:
        line = int(traces[-1].group("line"))
        return line, 1, line, 1
    return None, None, None, None


def _headline(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("error:"):
            return stripped[len("error:"):].strip()
    return text.strip().splitlines()[0] if text.strip() else "unknown error"


def _error(kind: str, exc: BaseException, filename: str) -> ContractError:
    text = str(exc)
    line, col, end_line, end_col = _position(text, filename)
    return ContractError(kind, _headline(text), line, col, end_line, end_col, detail=text)


def _dialect() -> sl.Dialect:
    return sl.Dialect.standard()


def parse(source: str, filename: str = "contract.star") -> sl.AstModule:
    try:
        return sl.parse(filename, source, _dialect())
    except sl.StarlarkError as exc:
        raise _error("syntax", exc, filename) from None


def lint(source: str, filename: str = "contract.star") -> list[Diagnostic]:
    """Syntax error (as one error diagnostic) or the evaluator's lints, sorted by position."""
    try:
        ast = parse(source, filename)
    except ContractError as exc:
        return [Diagnostic("error", exc.message, exc.line or 1, exc.column or 1, exc.end_line or exc.line or 1,
                           exc.end_column or exc.column or 1, "syntax")]
    out = []
    for item in ast.lint():
        span = item.resolved_location.span
        severity = str(item.severity).lower()
        severity = {"error": "warning", "disabled": "advice"}.get(severity, severity)
        out.append(Diagnostic(severity, item.problem,
                              span.begin.line + 1, span.begin.column + 1, span.end.line + 1, span.end.column + 1,
                              item.short_name))
    return sorted(out, key=lambda d: (d.line, d.column, d.message))


# -- parameters --------------------------------------------------------------------------------------------
def _kind_of(value: Any) -> str:
    if type(value) is bool:
        return "bool"
    if type(value) is int:
        return "int"
    if type(value) is str:
        return "text"
    if isinstance(value, list) and all(type(v) is str for v in value):
        return "list"
    raise ContractError("params", f"parameter default {value!r} is not an integer, boolean, text or list of text")


def param_specs(declared: Any) -> list[ParamSpec]:
    """PARAMS = {name: default} or {name: {"default": ..., "label", "min", "max", "choices", "help"}}."""
    if declared is None:
        return []
    if not isinstance(declared, dict):
        raise ContractError("params", "PARAMS must be a dict of parameter name -> default (or a spec dict)")
    specs = []
    for name, value in declared.items():
        if type(name) is not str:
            raise ContractError("params", f"parameter name {name!r} is not a string")
        if isinstance(value, dict) and "default" in value:
            default = value["default"]
            kind = _kind_of(default)
            choices = tuple(value.get("choices", ()))
            if choices:
                if default not in choices:
                    raise ContractError("params", f"parameter {name}: default {default!r} is not one of its choices")
                kind = "choice"
            for key in ("min", "max"):
                if value.get(key) is not None and type(value[key]) is not int:
                    raise ContractError("params", f"parameter {name}: {key} must be an integer")
            specs.append(ParamSpec(name, default, kind, str(value.get("label", "")), value.get("min"),
                                   value.get("max"), choices, str(value.get("help", ""))))
        else:
            specs.append(ParamSpec(name, value, _kind_of(value)))
    return specs


def effective_params(specs: list[ParamSpec], given: dict | None) -> dict:
    """Defaults overlaid with `given`; unknown names, wrong types and out-of-range values are refused."""
    given = dict(given or {})
    by_name = {s.name: s for s in specs}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        raise ContractError("params", f"unknown parameter(s) {', '.join(unknown)}; the contract declares "
                                      f"{', '.join(sorted(by_name)) or 'none'}")
    out = {}
    for spec in specs:
        value: Any = given.get(spec.name, spec.default)  # any parameter value; its type is checked below
        if isinstance(value, float):
            raise ContractError("params", f"parameter {spec.name} = {value!r} is a float; use integers")
        expected: type[Any] = {"int": int, "bool": bool, "text": str, "choice": type(spec.default),
                               "list": list}[spec.kind]
        if type(value) is not expected:
            raise ContractError("params", f"parameter {spec.name} must be {spec.kind}, got {value!r}")
        if spec.kind == "list" and not all(type(v) is str for v in value):
            raise ContractError("params", f"parameter {spec.name} must be a list of text")
        if spec.kind == "choice" and value not in spec.choices:
            raise ContractError("params", f"parameter {spec.name} must be one of {list(spec.choices)}")
        if spec.kind == "int":
            if spec.minimum is not None and value < spec.minimum:
                raise ContractError("params", f"parameter {spec.name} = {value} is below its minimum {spec.minimum}")
            if spec.maximum is not None and value > spec.maximum:
                raise ContractError("params", f"parameter {spec.name} = {value} is above its maximum {spec.maximum}")
        out[spec.name] = list(value) if spec.kind == "list" else value
    return out


# -- loading -----------------------------------------------------------------------------------------------
@dataclass
class LoadedContract:
    module: sl.FrozenModule
    params: list[ParamSpec]
    meter: Meter
    filename: str


_FUNCTION = object()


def load(source: str, meter: Meter, filename: str = "contract.star") -> LoadedContract:
    """Parse and evaluate the top level (metered), with the standard library in scope."""
    ast = parse(source, filename)
    module = sl.Module()
    for name, function in stdlib.exports(meter.charge, sl.OpaquePythonObject).items():
        module.add_callable(name, _library_call(name, function))
    try:
        sl.eval_with(meter.options(), module, ast, sl.Globals.standard())
    except sl.StarlarkError as exc:
        raise _classify(exc, meter, filename, "load") from None
    try:
        value = module["allocate"]      # a missing name reads as None; a function cannot be converted
    except sl.StarlarkError:
        value = _FUNCTION
    if value is not _FUNCTION:
        raise ContractError("missing", "the contract defines no function allocate(state, params)")
    try:
        declared = module["PARAMS"]
    except sl.StarlarkError as exc:
        raise ContractError("params", f"PARAMS must hold plain values: {_headline(str(exc))}") from None
    return LoadedContract(module.freeze(), param_specs(declared), meter, filename)


PARAMS_BUDGET = 2_000   # the editor reads PARAMS as the operator types: a top level that spins fails fast


def declared_params(source: str, filename: str = "contract.star", budget: int = PARAMS_BUDGET) -> list[ParamSpec]:
    """The parameters a contract declares (evaluates its top level under a small budget)."""
    return load(source, Meter(budget), filename).params


def _library_call(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except _BudgetExceeded:
            raise
        except TypeError as exc:
            raise stdlib.LibraryError(f"{name}(): {exc}") from None
    return call


def _classify(exc: sl.StarlarkError, meter: Meter, filename: str, kind: str) -> ContractError:
    error = _error(kind, exc, filename)
    if meter.exceeded:
        error.kind = "budget"
        error.message = f"step budget of {meter.budget} exhausted after {meter.steps} steps"
    elif meter.was_cancelled:
        error.kind = "cancelled"
        error.message = "the run was cancelled"
    return error


# -- output validation -------------------------------------------------------------------------------------
def _show(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        return repr(value)


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(k) or _has_float(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_float(v) for v in value)
    return False


def validate_allocations(value: Any, snapshot: dict) -> list[dict]:
    """Refuse anything but integer allocations that the snapshot can honour; zero quantities are dropped.

    Each refusal names the allocation by its index in the returned list and shows its content.
    """
    if not isinstance(value, list):
        raise ContractError("output", f"allocate() must return a list of allocations, not {type(value).__name__}")
    if len(value) > MAX_ALLOCATIONS:
        raise ContractError("output", f"allocate() returned {len(value)} allocations; the limit is {MAX_ALLOCATIONS}")
    sites = snapshot["sites"]
    requests = {r["request"]: r for r in snapshot["requests"]}
    lot_stock: dict[tuple[str, str, str], int] = {}
    item_stock: dict[tuple[str, str], int] = {}
    for row in snapshot["stock"]:
        lot_stock[(row["site"], row["item"], row["lot"])] = row["qty"]
        item_stock[(row["site"], row["item"])] = item_stock.get((row["site"], row["item"]), 0) + row["qty"]
    used_lot: dict[tuple[str, str, str], int] = {}
    used_item: dict[tuple[str, str], int] = {}
    given: dict[str, int] = {}
    out = []
    for index, alloc in enumerate(value):
        def refuse(message: str, index: int = index, alloc: object = alloc) -> ContractError:
            return ContractError("output", f"allocation #{index} {_show(alloc)}: {message}", index=index)

        if not isinstance(alloc, dict):
            raise refuse("is not a dict with from_site, request, item, qty and optional lot")
        if _has_float(alloc):
            raise refuse("holds a float; allocations are integers only")
        extra = sorted(str(k) for k in alloc if k not in ALLOCATION_KEYS)
        if extra:
            raise refuse(f"unknown field(s) {', '.join(extra)}")
        missing = [k for k in REQUIRED_KEYS if k not in alloc]
        if missing:
            raise refuse(f"missing field(s) {', '.join(missing)}")
        for key in ("from_site", "request", "item"):
            if type(alloc[key]) is not str:
                raise refuse(f"{key} must be text, got {_show(alloc[key])}")
        lot = alloc.get("lot")
        if lot is not None and type(lot) is not str:
            raise refuse(f"lot must be text or absent, got {_show(lot)}")
        qty = alloc["qty"]
        if type(qty) is not int:
            raise refuse(f"qty must be an integer, got {_show(qty)}")
        if qty < 0:
            raise refuse(f"qty {qty} is negative")
        site, request_id, item = alloc["from_site"], alloc["request"], alloc["item"]
        if site not in sites:
            raise refuse(f"unknown site {site!r}")
        request = requests.get(request_id)
        if request is None:
            raise refuse(f"unknown or closed request {request_id!r}")
        if item != request["item"]:
            raise refuse(f"request {request_id} asks for {request['item']}, not {item}")
        if lot is not None and (site, item, lot) not in lot_stock:
            raise refuse(f"no stock of {item} lot {lot} at {site}")
        if qty == 0:
            continue
        used_item[(site, item)] = used_item.get((site, item), 0) + qty
        if used_item[(site, item)] > item_stock.get((site, item), 0):
            raise refuse(f"more than the stock: {used_item[(site, item)]} of {item} allocated from {site} so far, "
                         f"which holds {item_stock.get((site, item), 0)}")
        if lot is not None:
            used_lot[(site, item, lot)] = used_lot.get((site, item, lot), 0) + qty
            if used_lot[(site, item, lot)] > lot_stock[(site, item, lot)]:
                raise refuse(f"more than the stock: {used_lot[(site, item, lot)]} of lot {lot} allocated from "
                             f"{site} so far, which holds {lot_stock[(site, item, lot)]}")
        given[request_id] = given.get(request_id, 0) + qty
        if given[request_id] > request["remaining"]:
            raise refuse(f"more than the request: {given[request_id]} allocated to {request_id} so far, "
                         f"which still needs {request['remaining']}")
        row = {"from_site": site, "request": request_id, "item": item, "qty": qty}
        if lot is not None:
            row["lot"] = lot
        out.append(row)
    return out


# -- running -----------------------------------------------------------------------------------------------
def digest(value: Any) -> str:
    return hashlib.sha256(canonical.encode(value)).hexdigest()


def input_digest(snapshot: dict, params: dict) -> str:
    """SHA-256 of the canonical JSON of {"params": ..., "snapshot": ...}."""
    return digest({"params": params, "snapshot": snapshot})


def run_contract(source: str, snapshot: dict, params: dict | None = None, budget: int = DEFAULT_BUDGET, *,
                 filename: str = "contract.star", cancelled: Callable[[], bool] | None = None) -> RunResult:
    """Evaluate the contract over `snapshot` with `params`; validated allocations and digests, or ContractError.

    Deterministic: the same source, snapshot, params and budget give byte-identical canonical
    output (and the same steps, or the same failure) on every replica.
    """
    try:
        canonical.check_value(snapshot)
    except canonical.CanonicalError as exc:
        raise ContractError("params", f"snapshot is not canonical ledger data: {exc}") from None
    meter = Meter(budget, cancelled)
    contract = load(source, meter, filename)
    effective = effective_params(contract.params, params)
    try:
        canonical.check_value(effective)
    except canonical.CanonicalError as exc:
        raise ContractError("params", str(exc)) from None
    try:
        value = contract.module.call_with(meter.options(), "allocate", snapshot, effective).value
    except sl.StarlarkError as exc:
        raise _classify(exc, meter, filename, "runtime") from None
    allocations = validate_allocations(value, snapshot)
    return RunResult(allocations=allocations, input_digest=input_digest(snapshot, effective),
                     output_digest=digest(allocations), steps=meter.steps, params=effective,
                     source_digest=hashlib.sha256(source.encode("utf-8")).hexdigest())
