"""The contract runtime: deterministic runs, a step budget, and output that is refused when it is wrong."""

from __future__ import annotations

import copy

import pytest

from app.contracts.runtime import ContractError, declared_params, input_digest, lint, run_contract, validate_allocations
from app.contracts.synthetic import make_snapshot
from app.contracts.templates import TEMPLATES, template_source
from app.core import canonical

SNAP = {
    "as_of_ms": 0,
    "stock": [{"site": "D1", "item": "water", "lot": "L1", "qty": 10},
              {"site": "D1", "item": "water", "lot": "L2", "qty": 5}],
    "requests": [{"request": "R1", "site": "S1", "item": "water", "qty": 8, "remaining": 8, "priority": "high",
                  "priority_rank": 1, "needed_by_ms": 5, "status": "open"}],
    "sites": {"D1": {"site": "D1", "kind": "depot", "lat_e6": 0, "lon_e6": 0},
              "S1": {"site": "S1", "kind": "shelter", "lat_e6": 0, "lon_e6": 100_000}},
    "items": {"water": {"item": "water", "cold_chain": False}},
    "roads": [],
}


def returning(expression: str) -> str:
    return f"def allocate(state, params):\n    return {expression}\n"


# -- determinism --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_same_input_gives_byte_identical_output_over_100_random_states(template):
    source = template_source(template)
    for seed in range(100):
        snapshot = make_snapshot(seed, requests=12, depots=4, items=3)
        first = run_contract(source, snapshot)
        again = run_contract(source, copy.deepcopy(snapshot))
        assert canonical.encode(first.allocations) == canonical.encode(again.allocations)
        assert (first.output_digest, first.input_digest, first.steps) == \
            (again.output_digest, again.input_digest, again.steps)
        assert first.input_digest == input_digest(snapshot, first.params)


# Digests recorded on the development machine: a different value elsewhere means a platform-dependent result.
GOLDEN = {
    "priority_first": "80dcb6446f7127da91740383c68ea470f42aa202c9bec58728b2c27843b44698",
    "fair_share": "4d30002ef99f10dc597af390407046f53431a8556bd960b525f91ce90e333ce8",
    "nearest_depot": "e0eae80e34d086ef573e9db354e3b2cf887797065d15ccc693fa56cff6ab6fb4",
    "cold_chain": "fc0e93b59e9c36f4d533dc8068250dad2fbfbcad3674bc108d1ef8512509418c",
}


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_output_digests_are_the_recorded_ones(template):
    result = run_contract(template_source(template), make_snapshot(2026, requests=60, depots=8, items=5))
    assert result.output_digest == GOLDEN[template]


def test_the_templates_lint_clean_and_declare_their_parameters():
    for key in TEMPLATES:
        source = template_source(key)
        assert not [d for d in lint(source) if d.severity in ("error", "warning")], key
        assert "source_kinds" in [p.name for p in declared_params(source)]


# -- budget -------------------------------------------------------------------------------------------------
SPIN = ("def allocate(state, params):\n    x = 0\n    for i in range(100000000):\n        x += i\n"
        "    return []\n")


def test_a_run_past_its_budget_fails_at_the_same_step_every_time():
    failures = []
    for _ in range(3):
        with pytest.raises(ContractError) as caught:
            run_contract(SPIN, SNAP, budget=200)
        failures.append((caught.value.kind, caught.value.message, caught.value.line))
    assert failures[0][0] == "budget" and failures[0][2] == 3
    assert "201 steps" in failures[0][1]
    assert len(set(failures)) == 1


def test_library_work_is_charged_to_the_budget():
    source = returning("min_cost_assign([1] * 400, [1] * 400, [[1] * 400] * 400)")
    with pytest.raises(ContractError) as caught:
        run_contract(source, SNAP, budget=100)
    assert caught.value.kind == "budget"


def test_the_top_level_is_metered_too():
    source = "def spin():\n    for i in range(100000000):\n        pass\nX = spin()\n" + returning("[]")
    with pytest.raises(ContractError) as caught:
        run_contract(source, SNAP, budget=50)
    assert caught.value.kind == "budget"


def test_recursion_fails_the_same_way_everywhere():
    source = "def f(n):\n    return f(n + 1)\n" + returning("f(0)")
    with pytest.raises(ContractError) as caught:
        run_contract(source, SNAP)
    assert caught.value.kind == "runtime" and "stack" in caught.value.message and caught.value.line == 2


def test_within_budget_reports_the_steps_used():
    source = ("def allocate(state, params):\n    x = 0\n    for i in range(50000):\n        x += i\n"
              "    return []\n")
    result = run_contract(source, SNAP, budget=10_000)
    assert 10 < result.steps < 10_000


# -- errors at their position ------------------------------------------------------------------------------
def test_syntax_errors_carry_line_and_column():
    with pytest.raises(ContractError) as caught:
        run_contract("def allocate(state, params):\n    return [\n\nx = = 1\n", SNAP)
    assert caught.value.kind == "syntax" and caught.value.line == 4


def test_runtime_errors_carry_line_and_column():
    with pytest.raises(ContractError) as caught:
        run_contract("def allocate(state, params):\n    n = 1\n    return n + state['x']\n", SNAP)
    error = caught.value
    assert (error.kind, error.line, error.column) == ("runtime", 3, 16)


def test_library_errors_point_at_the_call():
    with pytest.raises(ContractError) as caught:
        run_contract("def allocate(state, params):\n    return split(3, [1, 0.5])\n", SNAP)
    assert (caught.value.line, caught.value.column) == (2, 12) and "integer" in caught.value.message


def test_a_contract_without_allocate_is_refused():
    with pytest.raises(ContractError) as caught:
        run_contract("X = 1\n", SNAP)
    assert caught.value.kind == "missing"


def test_while_and_top_level_for_are_not_starlark_here():
    with pytest.raises(ContractError) as caught:
        run_contract("x = 0\nwhile x < 3:\n    x += 1\n" + returning("[]"), SNAP)
    assert caught.value.kind == "syntax" and caught.value.line == 2
    with pytest.raises(ContractError) as caught:
        run_contract("for i in range(3):\n    pass\n" + returning("[]"), SNAP)
    assert caught.value.kind == "syntax"


# -- output validation ---------------------------------------------------------------------------------------
GOOD = '{"from_site": "D1", "request": "R1", "item": "water", "qty": 3}'
BAD_OUTPUTS = [
    ('{"a": 1}', None, "must return a list"),
    ('[1]', 0, "is not a dict"),
    (f'[{GOOD}, {{"from_site": "D1", "request": "R1", "item": "water", "qty": 1.5}}]', 1, "float"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "qty": -2}]', 0, "negative"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "qty": "2"}]', 0, "must be an integer"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "qty": True}]', 0, "must be an integer"),
    ('[{"from_site": "D1", "request": "R1", "item": "water"}]', 0, "missing field(s) qty"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "qty": 1, "to": "S1"}]', 0, "unknown field(s) to"),
    ('[{"from_site": "D9", "request": "R1", "item": "water", "qty": 1}]', 0, "unknown site 'D9'"),
    ('[{"from_site": "D1", "request": "R9", "item": "water", "qty": 1}]', 0, "unknown or closed request 'R9'"),
    ('[{"from_site": "D1", "request": "R1", "item": "tents", "qty": 1}]', 0, "asks for water, not tents"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "lot": "L9", "qty": 1}]', 0, "no stock of water lot L9"),
    ('[{"from_site": "D1", "request": "R1", "item": "water", "lot": "L2", "qty": 6}]', 0, "more than the stock"),
    ('[{"from_site": "S1", "request": "R1", "item": "water", "qty": 1}]', 0, "more than the stock"),
    (f'[{GOOD}, {GOOD}, {GOOD}]', 2, "more than the request: 9 allocated to R1"),
    ('[{"from_site": 1, "request": "R1", "item": "water", "qty": 1}]', 0, "from_site must be text"),
]


@pytest.mark.parametrize("expression,index,message", BAD_OUTPUTS)
def test_each_bad_output_is_refused_naming_the_allocation(expression, index, message):
    with pytest.raises(ContractError) as caught:
        run_contract(returning(expression), SNAP)
    error = caught.value
    assert error.kind == "output" and message in error.message
    assert error.index == index
    if index is not None:
        assert error.message.startswith(f"allocation #{index} " + ("1" if expression == "[1]" else "{"))


def test_more_than_the_stock_over_several_allocations_names_the_one_that_overflows():
    many = [{"from_site": "D1", "request": "R1", "item": "water", "qty": 8}] * 2
    snap = copy.deepcopy(SNAP)
    snap["requests"][0]["remaining"] = 100
    with pytest.raises(ContractError) as caught:
        validate_allocations(many, snap)
    assert caught.value.index == 1 and "16 of water allocated from D1 so far, which holds 15" in caught.value.message


def test_zero_quantities_are_dropped_and_lots_kept():
    result = run_contract(returning('[{"from_site": "D1", "request": "R1", "item": "water", "qty": 0}, '
                                    '{"from_site": "D1", "request": "R1", "item": "water", "lot": "L1", "qty": 8}]'),
                          SNAP)
    assert result.allocations == [{"from_site": "D1", "request": "R1", "item": "water", "qty": 8, "lot": "L1"}]


def test_tuples_come_back_as_lists_and_digests_are_canonical():
    result = run_contract(returning(f"({GOOD},)"), SNAP)
    assert result.output_digest == __import__("hashlib").sha256(canonical.encode(result.allocations)).hexdigest()


# -- parameters ----------------------------------------------------------------------------------------------
PARAMETRIC = ('PARAMS = {"cap": {"default": 3, "min": 1, "max": 8}, "mode": {"default": "a", "choices": ["a", "b"]},'
              ' "kinds": ["depot"], "strict": True}\n'
              'def allocate(state, params):\n'
              '    return [{"from_site": "D1", "request": "R1", "item": "water", "qty": params["cap"]}]\n')


def test_parameters_default_and_override():
    assert run_contract(PARAMETRIC, SNAP).allocations[0]["qty"] == 3
    result = run_contract(PARAMETRIC, SNAP, {"cap": 5, "mode": "b"})
    assert result.allocations[0]["qty"] == 5
    assert result.params == {"cap": 5, "mode": "b", "kinds": ["depot"], "strict": True}
    assert result.input_digest != run_contract(PARAMETRIC, SNAP).input_digest


@pytest.mark.parametrize("params,message", [
    ({"nope": 1}, "unknown parameter"), ({"cap": 9}, "above its maximum"), ({"cap": 0}, "below its minimum"),
    ({"cap": 2.0}, "float"), ({"cap": "2"}, "must be int"), ({"mode": "c"}, "one of"),
    ({"strict": 1}, "must be bool"), ({"kinds": ["depot", 3]}, "list of text"),
])
def test_bad_parameters_are_refused(params, message):
    with pytest.raises(ContractError) as caught:
        run_contract(PARAMETRIC, SNAP, params)
    assert caught.value.kind == "params" and message in caught.value.message


def test_a_snapshot_with_floats_is_refused():
    snap = copy.deepcopy(SNAP)
    snap["stock"][0]["qty"] = 1.0
    with pytest.raises(ContractError, match="float"):
        run_contract(returning("[]"), snap)
