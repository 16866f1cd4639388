"""The contracts' standard library: exact integer results, deterministic ties, optimal assignments."""

from __future__ import annotations

import itertools
import random

import pytest

from app.contracts import geo
from app.contracts.stdlib import (
    LibraryError,
    by_urgency,
    cost_matrix,
    distance_matrix,
    hours_until,
    min_cost_assign,
    priority_rank,
    road_blocked,
    segments_cross,
    split,
    split_capped,
)


def test_split_is_proportional_exact_and_breaks_ties_by_index():
    assert split(10, [1, 1, 1]) == [4, 3, 3]
    assert split(10, [0, 0]) == [0, 0]
    assert split(7, [3, 0, 4]) == [3, 0, 4]
    assert split(100, [1, 2, 3, 4]) == [10, 20, 30, 40]
    assert split(5, [2, 2, 1]) == [2, 2, 1]
    assert split(1, [1, 1]) == [1, 0]
    rng = random.Random(3)
    for _ in range(300):
        weights = [rng.randint(0, 50) for _ in range(rng.randint(1, 12))]
        total = rng.randint(0, 1000)
        shares = split(total, weights)
        if sum(weights):
            assert sum(shares) == total
            for w, s in zip(weights, shares, strict=True):   # within one unit of the exact quota
                assert abs(s * sum(weights) - total * w) < sum(weights)


def test_split_refuses_floats_and_negatives():
    with pytest.raises(LibraryError, match="integer"):
        split(10, [1, 1.5])
    with pytest.raises(LibraryError, match=">= 0"):
        split(10, [1, -1])
    with pytest.raises(LibraryError):
        split(2.0, [1])


def test_split_capped_never_exceeds_caps_and_hands_on_what_is_left():
    assert split_capped(100, [1, 1, 1], [10, 100, 100]) == [10, 45, 45]
    assert split_capped(10, [8, 2], [100, 100]) == [8, 2]
    assert split_capped(1000, [1, 1], [3, 4]) == [3, 4]
    rng = random.Random(5)
    for _ in range(300):
        n = rng.randint(1, 10)
        weights = [rng.randint(1, 20) for _ in range(n)]
        caps = [rng.randint(0, 100) for _ in range(n)]
        total = rng.randint(0, 600)
        shares = split_capped(total, weights, caps)
        assert all(0 <= s <= c for s, c in zip(shares, caps, strict=True))
        assert sum(shares) == min(total, sum(caps))


def test_distance_in_whole_metres_matches_known_values():
    assert geo.distance_m(0, 0, 0, 1_000_000) == 111_195          # one degree on the equator, R = 6,371,008.8 m
    assert geo.distance_m(0, 0, 0, 180_000_000) == 20_015_114     # half the circumference
    assert geo.distance_m(90_000_000, 0, -90_000_000, 0) == 20_015_114
    assert geo.distance_m(-19_843_000, 34_838_000, -19_609_000, 34_743_000) == 27_855  # Beira depot -> Dondo
    assert geo.distance_m(1, 2, 1, 2) == 0
    assert geo.distance_m(0, 0, 0, 1) == 0                         # 0.11 m rounds to 0
    assert geo.distance_m(0, 0, 0, 9) == 1                         # 1.0 m


def test_distance_is_symmetric_and_agrees_with_the_haversine_within_rounding():
    import math

    def haversine(a, b, c, d):
        a, b, c, d = (math.radians(x / 1e6) for x in (a, b, c, d))
        h = math.sin((c - a) / 2) ** 2 + math.cos(a) * math.cos(c) * math.sin((d - b) / 2) ** 2
        return 2 * 6_371_008.8 * math.asin(math.sqrt(h))

    rng = random.Random(11)
    for _ in range(300):
        p = [rng.randint(-90_000_000, 90_000_000), rng.randint(-180_000_000, 180_000_000),
             rng.randint(-90_000_000, 90_000_000), rng.randint(-180_000_000, 180_000_000)]
        d = geo.distance_m(*p)
        assert type(d) is int and d == geo.distance_m(p[2], p[3], p[0], p[1])
        assert abs(d - haversine(*p)) <= 0.5 + 1e-6


def test_distance_matrix_accepts_sites_and_pairs():
    sites = [{"lat_e6": 0, "lon_e6": 0}, [0, 1_000_000]]
    assert distance_matrix(sites, sites) == [[0, 111_195], [111_195, 0]]
    with pytest.raises(LibraryError):
        distance_matrix([[0.5, 1]], sites)
    with pytest.raises(ValueError):
        distance_matrix([[91_000_000, 0]], sites)


def test_priority_and_deadline_helpers():
    assert [priority_rank(p) for p in ("critical", "high", "normal", "low")] == [0, 1, 2, 3]
    with pytest.raises(LibraryError):
        priority_rank("urgent")
    requests = [{"request": "B", "priority": "high", "needed_by_ms": 5}, {"request": "A", "priority": "high",
                                                                           "needed_by_ms": 5},
                {"request": "C", "priority": "critical", "needed_by_ms": 9}]
    assert [r["request"] for r in by_urgency(requests)] == ["C", "A", "B"]
    assert hours_until(7_200_000, 0) == 2 and hours_until(0, 1) == -1


def brute_force(supply, demand, cost):
    """Most units shipped, then least cost, by trying every integer plan (tiny instances only)."""
    cells = [(i, j) for i in range(len(supply)) for j in range(len(demand)) if cost[i][j] is not None]
    best = (0, 0)
    for amounts in itertools.product(*[range(min(supply[i], demand[j]) + 1) for i, j in cells]):
        out = [0] * len(supply)
        got = [0] * len(demand)
        for (i, j), q in zip(cells, amounts, strict=True):
            out[i] += q
            got[j] += q
        if (all(o <= s for o, s in zip(out, supply, strict=True))
                and all(g <= d for g, d in zip(got, demand, strict=True))):
            flow = sum(amounts)
            total = sum(q * cost[i][j] for (i, j), q in zip(cells, amounts, strict=True))
            if flow > best[0] or (flow == best[0] and total < best[1]):
                best = (flow, total)
    return best


def test_min_cost_assign_is_optimal_on_small_instances():
    rng = random.Random(17)
    for _ in range(150):
        supply = [rng.randint(0, 3) for _ in range(rng.randint(1, 3))]
        demand = [rng.randint(0, 3) for _ in range(rng.randint(1, 3))]
        cost = [[None if rng.randint(0, 5) == 0 else rng.randint(0, 9) for _ in demand] for _ in supply]
        plan = min_cost_assign(supply, demand, cost)
        for i, j, q in plan:
            assert q > 0 and cost[i][j] is not None
        assert all(sum(q for i, _j, q in plan if i == k) <= s for k, s in enumerate(supply))
        assert all(sum(q for _i, j, q in plan if j == k) <= d for k, d in enumerate(demand))
        flow = sum(q for _i, _j, q in plan)
        assert (flow, sum(q * cost[i][j] for i, j, q in plan)) == brute_force(supply, demand, cost)


def test_min_cost_assign_reroutes_when_the_greedy_choice_is_wrong():
    # greedy would send supply 0 to demand 0 (cost 1) and leave demand 1 unserved; optimal uses both
    assert min_cost_assign([1, 1], [1, 1], [[1, 2], [5, None]]) == [[0, 1, 1], [1, 0, 1]]


def test_min_cost_assign_breaks_ties_the_same_way_every_time():
    plans = {repr(min_cost_assign([5, 5], [5, 5], [[1, 1], [1, 1]])) for _ in range(5)}
    assert len(plans) == 1


def test_min_cost_assign_refuses_bad_costs():
    with pytest.raises(LibraryError, match="non-negative"):
        min_cost_assign([1], [1], [[-1]])
    with pytest.raises(LibraryError, match="one per demand"):
        min_cost_assign([1], [1, 2], [[1]])
    with pytest.raises(LibraryError):
        min_cost_assign([1], [1], [[0.5]])


def test_roads_block_straight_lines_that_cross_them():
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 0), (0, 1), (10, 1))
    assert segments_cross((0, 0), (10, 0), (10, 0), (10, 5))            # touching counts
    assert not segments_cross((0, 0), (4, 0), (5, 0), (9, 0))           # collinear, apart
    wall = [{"road": "R", "status": "closed", "path": [[-1_000, 500], [1_000, 500]]}]
    open_wall = [{**wall[0], "status": "open"}]
    assert road_blocked([0, 0], [0, 1_000], wall)
    assert not road_blocked([0, 0], [0, 1_000], open_wall)
    assert road_blocked([0, 0], [0, 1_000], open_wall, ["open"])
    assert not road_blocked([0, 0], [0, 400], wall)
    sites = [{"site": "A", "lat_e6": 0, "lon_e6": 0}, {"site": "B", "lat_e6": 0, "lon_e6": 1_000}]
    aside = [{"road": "R", "status": "closed", "path": [[5_000, -100], [5_000, 2_000]]}]
    assert cost_matrix(sites, sites, unit_m=1, avoid_roads=aside).rows == [[None, 111], [111, None]]
    across = [{"road": "R", "status": "closed", "path": [[-1_000, 500], [1_000, 500]]}]
    assert cost_matrix(sites, sites, unit_m=1, avoid_roads=across, exclude_same_site=False).rows == \
        [[0, None], [None, 0]]
