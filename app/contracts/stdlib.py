"""The contracts' standard library: integer-only helpers implemented in Python, exposed to Starlark.

Every function takes and returns integers, strings, lists and dicts only, refuses floats, and is a
pure function of its arguments. Work done here is charged to the run's step meter (one step per
~1,000 elementary operations, the same scale as the evaluator's own ticks), so a contract cannot
escape its budget by calling into the library, and the charge is a function of the input only.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any

from app.contracts import geo
from app.core.schema import PRIORITIES
from app.errors import ReliefLedgerError

Charge = Callable[[int], None]

PRIORITY_RANK = {name: rank for rank, name in enumerate(PRIORITIES)}
HOUR_MS = 3_600_000


class LibraryError(ReliefLedgerError, ValueError):
    """A standard-library function was called with arguments it cannot use."""

    code = "contract_library"


def _no_charge(_ops: int) -> None:
    return None


def _int(name: str, value: Any, minimum: int | None = None) -> int:
    if type(value) is not int:
        raise LibraryError(f"{name} must be an integer, not {type(value).__name__} {value!r}")
    if minimum is not None and value < minimum:
        raise LibraryError(f"{name} must be >= {minimum}, got {value}")
    return value


def _int_list(name: str, values: Any, minimum: int | None = 0) -> list[int]:
    if not isinstance(values, (list, tuple)):
        raise LibraryError(f"{name} must be a list of integers")
    return [_int(f"{name}[{i}]", v, minimum) for i, v in enumerate(values)]


def int_sum(values: list[int], charge: Charge = _no_charge) -> int:
    """Sum of a list of integers (Starlark has no `sum`); floats are refused."""
    charge(len(values) if isinstance(values, (list, tuple)) else 0)
    return sum(_int_list("values", values, None))


# -- proportional split ---------------------------------------------------------------------------
def split(total: int, weights: list[int], charge: Charge = _no_charge) -> list[int]:
    """`total` split in proportion to `weights` by largest remainder; shares are integers summing to `total`.

    share_i = floor(total * w_i / W), then the units left over go one each to the largest remainders
    (total * w_i mod W); equal remainders go to the lower index. All weights zero: all shares zero.
    """
    total = _int("total", total, 0)
    weights = _int_list("weights", weights)
    charge(len(weights) * 3)
    whole = sum(weights)
    if whole == 0 or total == 0:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def split_capped(total: int, weights: list[int], caps: list[int], charge: Charge = _no_charge) -> list[int]:
    """Like `split`, but no share exceeds its cap; what a capped share cannot take goes to the others.

    Rounds: split what is left among the uncapped in proportion to their weights, fix those that
    reach their cap, repeat. Shares sum to min(total, sum(caps)) when every cap has a positive weight.
    """
    total = _int("total", total, 0)
    weights = _int_list("weights", weights)
    caps = _int_list("caps", caps)
    if len(caps) != len(weights):
        raise LibraryError(f"weights and caps differ in length ({len(weights)} and {len(caps)})")
    shares = [0] * len(weights)
    active = [i for i in range(len(weights)) if weights[i] > 0 and caps[i] > 0]
    left = total
    while left > 0 and active:
        charge(len(active) * 4)
        part = split(left, [weights[i] for i in active])
        done = []
        given = 0
        for i, share in zip(active, part, strict=True):  # split returns one share per weight
            room = caps[i] - shares[i]
            take = min(share, room)
            shares[i] += take
            given += take
            if shares[i] >= caps[i]:
                done.append(i)
        left -= given
        if not done:
            break
        active = [i for i in active if i not in set(done)]
    return shares


# -- distances -------------------------------------------------------------------------------------
def distance_m(lat1_e6: int, lon1_e6: int, lat2_e6: int, lon2_e6: int) -> int:
    """Great-circle distance in whole metres between two points in integer micro-degrees (see geo.py)."""
    return geo.distance_m(_int("lat1_e6", lat1_e6), _int("lon1_e6", lon1_e6), _int("lat2_e6", lat2_e6),
                          _int("lon2_e6", lon2_e6))


def _point(name: str, value: Any) -> tuple[int, int]:
    if isinstance(value, dict):
        return _int(f"{name}.lat_e6", value.get("lat_e6")), _int(f"{name}.lon_e6", value.get("lon_e6"))
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return _int(f"{name}[0]", value[0]), _int(f"{name}[1]", value[1])
    raise LibraryError(f"{name} must be [lat_e6, lon_e6] or a dict with lat_e6 and lon_e6")


class DistanceCache:
    """Unit vectors and pair distances computed once per run (a pure cache: same values either way)."""

    def __init__(self) -> None:
        self.vectors: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.pairs: dict[tuple[tuple[int, int], tuple[int, int]], int] = {}

    def vector(self, point: tuple[int, int]) -> tuple[int, int, int]:
        found = self.vectors.get(point)
        if found is None:
            found = self.vectors[point] = geo.unit_vector(*point)
        return found

    def metres(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        key = (a, b) if a <= b else (b, a)
        found = self.pairs.get(key)
        if found is None:
            found = self.pairs[key] = geo.chord_distance_m(self.vector(a), self.vector(b))
        return found


class CostMatrix:
    """A matrix kept on the Python side (passing big lists in and out of Starlark is slow).

    The contract hands it to min_cost_assign as is, or reads it with matrix_rows().
    """

    __slots__ = ("rows",)

    def __init__(self, rows: list[list[int | None]]) -> None:
        self.rows = rows


def _points(name: str, values: Any) -> list[tuple[tuple[int, int], Any]]:
    if not isinstance(values, (list, tuple)):
        raise LibraryError(f"{name} must be a list of points or sites")
    return [(_point(f"{name}[{i}]", p), p.get("site") if isinstance(p, dict) else None) for i, p in enumerate(values)]


def distance_matrix(origins: list, destinations: list, charge: Charge = _no_charge,
                    cache: DistanceCache | None = None) -> list[list[int]]:
    """Metres from each origin to each destination; points are [lat_e6, lon_e6] or sites (dicts)."""
    cache = cache or DistanceCache()
    froms, tos = _points("origins", origins), _points("destinations", destinations)
    charge(len(froms) * len(tos) * 5)
    return [[cache.metres(a, b) for b, _ in tos] for a, _ in froms]


def cost_matrix(origins: list, destinations: list, unit_m: int = 1000, max_distance: int = 0,
                add: list | None = None, exclude_same_site: bool = True, charge: Charge = _no_charge,
                cache: DistanceCache | None = None, avoid_roads: list | None = None) -> CostMatrix:
    """Costs for min_cost_assign: distance // unit_m (whole km by default) + add[j] per destination.

    A pair is left out (None) when its distance in units exceeds max_distance (0: no limit), when
    origin and destination are the same site (exclude_same_site, for sites given as dicts), or when
    avoid_roads (state["roads"]) is given and the straight line between them crosses a closed road.
    """
    segments = _road_segments(avoid_roads, ["closed"]) if avoid_roads is not None else []
    cache = cache or DistanceCache()
    unit_m = _int("unit_m", unit_m, 1)
    max_distance = _int("max_distance", max_distance, 0)
    froms, tos = _points("origins", origins), _points("destinations", destinations)
    extra = _int_list("add", add, 0) if add is not None else [0] * len(tos)
    if len(extra) != len(tos):
        raise LibraryError(f"add must hold one integer per destination ({len(tos)}), not {len(extra)}")
    charge(len(froms) * len(tos) * (6 + 4 * len(segments)))
    rows = []
    for a, a_site in froms:
        row: list[int | None] = []
        for (b, b_site), plus in zip(tos, extra, strict=True):  # lengths checked above
            units = cache.metres(a, b) // unit_m
            if (max_distance and units > max_distance) or (exclude_same_site and a_site is not None
                                                           and a_site == b_site) \
                    or (segments and _crosses(a, b, segments)):
                row.append(None)
            else:
                row.append(units + plus)
        rows.append(row)
    return CostMatrix(rows)


# -- roads ---------------------------------------------------------------------------------------------
def _orientation(p: tuple[int, int], q: tuple[int, int], r: tuple[int, int]) -> int:
    cross = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (cross > 0) - (cross < 0)


def _on_segment(p: tuple[int, int], q: tuple[int, int], r: tuple[int, int]) -> bool:
    return min(p[0], r[0]) <= q[0] <= max(p[0], r[0]) and min(p[1], r[1]) <= q[1] <= max(p[1], r[1])


def segments_cross(a1: tuple[int, int], a2: tuple[int, int], b1: tuple[int, int], b2: tuple[int, int]) -> bool:
    """Whether two segments meet (touching counts), by exact integer orientation tests."""
    o1, o2 = _orientation(a1, a2, b1), _orientation(a1, a2, b2)
    o3, o4 = _orientation(b1, b2, a1), _orientation(b1, b2, a2)
    if o1 != o2 and o3 != o4:
        return True
    return ((o1 == 0 and _on_segment(a1, b1, a2)) or (o2 == 0 and _on_segment(a1, b2, a2))
            or (o3 == 0 and _on_segment(b1, a1, b2)) or (o4 == 0 and _on_segment(b1, a2, b2)))


def _road_segments(roads: Any, statuses: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    if not isinstance(roads, (list, tuple)):
        raise LibraryError("roads must be a list of roads (state['roads'])")
    if not isinstance(statuses, (list, tuple)) or not all(type(x) is str for x in statuses):
        raise LibraryError("statuses must be a list of road statuses, e.g. ['closed']")
    segments: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for k, road in enumerate(roads):
        if not isinstance(road, dict) or not isinstance(road.get("path"), (list, tuple)):
            raise LibraryError(f"roads[{k}] must be a road with a path")
        if road.get("status") not in statuses:
            continue
        points = [_point(f"roads[{k}].path[{n}]", p) for n, p in enumerate(road["path"])]
        segments.extend(zip(points, points[1:], strict=False))  # consecutive pairs: one shorter by design
    return segments


def _crosses(a: tuple[int, int], b: tuple[int, int], segments: list) -> bool:
    lo0, hi0 = (a[0], b[0]) if a[0] <= b[0] else (b[0], a[0])
    lo1, hi1 = (a[1], b[1]) if a[1] <= b[1] else (b[1], a[1])
    for s1, s2 in segments:
        # bounding boxes apart: cannot meet (the exact test below decides the rest)
        if (s1[0] < lo0 and s2[0] < lo0) or (s1[0] > hi0 and s2[0] > hi0) \
                or (s1[1] < lo1 and s2[1] < lo1) or (s1[1] > hi1 and s2[1] > hi1):
            continue
        if segments_cross(a, b, s1, s2):
            return True
    return False


def road_blocked(origin: Any, destination: Any, roads: Any, statuses: Any = ("closed",),
                 charge: Charge = _no_charge) -> bool:
    """Whether the straight line origin -> destination crosses a reported road of one of `statuses`.

    A heuristic for "this road is in the way" (the ledger has road reports, not a road network):
    coordinates are taken as a plane in micro-degrees, exact in integers.
    """
    segments = _road_segments(roads, list(statuses))
    charge(len(segments) * 4)
    return _crosses(_point("origin", origin), _point("destination", destination), segments)


def matrix_rows(matrix: Any) -> list[list[int | None]]:
    if not isinstance(matrix, CostMatrix):
        raise LibraryError("matrix_rows takes a matrix from cost_matrix()")
    return [list(row) for row in matrix.rows]


# -- priorities and deadlines -------------------------------------------------------------------------
def priority_rank(priority: Any) -> int:  # Any: a contract may pass anything; refused below
    """0 for critical, 1 high, 2 normal, 3 low."""
    if priority not in PRIORITY_RANK:
        raise LibraryError(f"unknown priority {priority!r}; one of {', '.join(PRIORITIES)}")
    return PRIORITY_RANK[priority]


def urgency_key(request: dict) -> list:
    """Sort key of a request: priority rank, then needed-by time, then request id (all ascending)."""
    if not isinstance(request, dict):
        raise LibraryError("urgency_key takes a request (a dict from state['requests'])")
    return [priority_rank(request.get("priority")), _int("needed_by_ms", request.get("needed_by_ms")),
            str(request.get("request"))]


def by_urgency(requests: list, charge: Charge = _no_charge) -> list:
    """The requests, most urgent first (see urgency_key); the order is total, so it is the same everywhere."""
    if not isinstance(requests, (list, tuple)):
        raise LibraryError("by_urgency takes a list of requests")
    charge(len(requests) * 10)
    return sorted(requests, key=urgency_key)


def hours_until(deadline_ms: int, now_ms: int) -> int:
    """Whole hours from now to the deadline, rounded down (negative once it has passed)."""
    return (_int("deadline_ms", deadline_ms) - _int("now_ms", now_ms)) // HOUR_MS


def is_overdue(request: dict, now_ms: int) -> bool:
    return _int("needed_by_ms", request.get("needed_by_ms")) < _int("now_ms", now_ms)


def priority_weight(priority: str, weights: dict | None = None) -> int:
    """An integer weight per priority for weighted shares; default critical 8, high 4, normal 2, low 1."""
    table = {"critical": 8, "high": 4, "normal": 2, "low": 1}
    if weights is not None:
        if not isinstance(weights, dict):
            raise LibraryError("weights must be a dict of priority -> integer")
        table = {**table, **{str(k): _int(f"weights[{k!r}]", v, 0) for k, v in weights.items()}}
    priority_rank(priority)
    return table[priority]


# -- min-cost assignment ------------------------------------------------------------------------------
def min_cost_assign(supply: list[int], demand: list[int], cost: list[list], charge: Charge = _no_charge
                    ) -> list[list[int]]:
    """Ship supply to demand: the most units possible, and among those plans the one of least total cost.

    supply[i] and demand[j] are unit counts; cost[i][j] is a non-negative integer cost per unit, or
    None where i may not serve j. Returns [[i, j, qty], ...] sorted by i then j, qty > 0.

    Successive shortest paths with Dijkstra over reduced costs (Johnson potentials) in the residual
    graph of the transportation network, one augmenting path at a time. Ties are broken by node
    kind and index (supplies before demands, lower index first) and a node's predecessor changes
    only on a strict improvement, so equal-cost plans resolve the same way on every replica.
    """
    supply = _int_list("supply", supply)
    demand = _int_list("demand", demand)
    if isinstance(cost, CostMatrix):
        cost = cost.rows
    if not isinstance(cost, (list, tuple)) or len(cost) != len(supply):
        raise LibraryError(f"cost must be a list of {len(supply)} rows (one per supply)")
    edges: list[list[tuple[int, int]]] = []
    for i, row in enumerate(cost):
        if not isinstance(row, (list, tuple)) or len(row) != len(demand):
            raise LibraryError(f"cost[{i}] must be a list of {len(demand)} entries (one per demand)")
        out = []
        for j, c in enumerate(row):
            if c is None:
                continue
            if type(c) is not int or c < 0:
                raise LibraryError(f"cost[{i}][{j}] must be a non-negative integer or None, got {c!r}")
            out.append((j, c))
        edges.append(out)
    n_s, n_d = len(supply), len(demand)
    charge(n_s * n_d + n_s + n_d)
    rem_s, rem_d = list(supply), list(demand)
    # Potentials and distances are integers; float only types the `inf` sentinel they are compared with.
    pot_s: list[float] = [0] * n_s
    pot_d: list[float] = [0] * n_d
    pot_t: float = 0
    flow: list[dict[int, int]] = [{} for _ in range(n_d)]  # flow[j][i]
    cost_of = [dict(row) for row in edges]
    inf = float("inf")  # sentinel only; never mixed into a result
    # Supplies with units left keep potential 0 (they sit at distance 0 from the source in every
    # round), so their first hop to each demand is the cheapest column entry among them: kept per
    # demand and refreshed only when a supply runs out, instead of rescanning every row each round.
    columns: list[list[tuple[int, int]]] = [[] for _ in range(n_d)]
    for i, row in enumerate(edges):
        for j, c in row:
            columns[j].append((i, c))

    def cheapest(j: int) -> tuple[float, int]:
        best, arg = inf, -1
        for i, c in columns[j]:
            if rem_s[i] > 0 and pot_s[i] == 0 and c < best:
                best, arg = c, i
        return best, arg

    first = [cheapest(j) for j in range(n_d)]
    while True:
        dist_s = [inf] * n_s
        dist_d = [inf] * n_d
        prev_s = [-1] * n_s   # demand node whose reverse edge reached this supply (-1: from the source)
        prev_d = [-1] * n_d   # supply node that reached this demand
        done_s = [False] * n_s
        done_d = [False] * n_d
        heap: list[tuple[float, int, int]] = []
        dist_t, last = inf, -1
        for i in range(n_s):
            if rem_s[i] > 0:
                dist_s[i] = -pot_s[i]
                if pot_s[i] == 0:
                    done_s[i] = True      # settled at 0; its edges are in `first`
                else:
                    heap.append((dist_s[i], 0, i))
        for j in range(n_d):
            best, arg = first[j]
            if arg >= 0:
                dist_d[j] = best - pot_d[j]
                prev_d[j] = arg
                heap.append((dist_d[j], 1, j))
                if rem_d[j] > 0 and best - pot_t < dist_t:
                    dist_t, last = best - pot_t, j
        heapq.heapify(heap)
        ops = 0
        push, pop = heapq.heappush, heapq.heappop
        while heap:
            d, kind, node = pop(heap)
            if d >= dist_t:
                break   # every node closer than the sink is settled, so the path to it is shortest
            if kind == 0:
                if done_s[node] or d > dist_s[node]:
                    continue
                done_s[node] = True
                base = d + pot_s[node]
                ops += len(edges[node])
                better = [(nd, j) for j, c in edges[node] if (nd := base + c - pot_d[j]) < dist_d[j]]
                for nd, j in better:
                    if nd < dist_d[j]:
                        dist_d[j] = nd
                        prev_d[j] = node
                        push(heap, (nd, 1, j))
                        if rem_d[j] > 0 and nd + pot_d[j] - pot_t < dist_t:
                            dist_t, last = nd + pot_d[j] - pot_t, j
            else:
                if done_d[node] or d > dist_d[node]:
                    continue
                done_d[node] = True
                base = d + pot_d[node]
                if rem_d[node] > 0 and base - pot_t < dist_t:
                    dist_t, last = base - pot_t, node
                for i in sorted(flow[node]):
                    if done_s[i]:
                        continue
                    nd = base - cost_of[i][node] - pot_s[i]
                    ops += 1
                    if nd < dist_s[i]:
                        dist_s[i] = nd
                        prev_s[i] = node
                        heapq.heappush(heap, (nd, 0, i))
        charge(ops + n_s + n_d)
        if last < 0:
            break
        # potentials: pi(v) += min(dist(v), dist_t); keeps every residual reduced cost >= 0
        for i in range(n_s):
            pot_s[i] += dist_s[i] if dist_s[i] < dist_t else dist_t
        for j in range(n_d):
            pot_d[j] += dist_d[j] if dist_d[j] < dist_t else dist_t
        pot_t += dist_t
        # walk back T <- last <- i <- j <- i ... <- S, find the bottleneck, then push it
        path = []
        j = last
        amount = rem_d[j]
        while True:
            i = prev_d[j]
            path.append((i, j))
            back = prev_s[i]
            if back < 0:
                amount = min(amount, rem_s[i])
                break
            amount = min(amount, flow[back][i])
            path.append((i, -1 - back))  # marker: reverse edge back -> i
            j = back
        for i, j in path:
            if j >= 0:
                flow[j][i] = flow[j].get(i, 0) + amount
            else:
                back = -1 - j
                left = flow[back][i] - amount
                if left:
                    flow[back][i] = left
                else:
                    del flow[back][i]
        rem_d[last] -= amount
        origin = path[-1][0]
        rem_s[origin] -= amount
        if rem_s[origin] == 0:
            first = [cheapest(j) if first[j][1] == origin else first[j] for j in range(n_d)]
            charge(n_d + n_s)
    return sorted([i, j, q] for j in range(n_d) for i, q in flow[j].items() if q > 0)


# -- the Starlark face ----------------------------------------------------------------------------------
def exports(charge: Charge, opaque: Callable[[Any], Any] = lambda value: value) -> dict[str, Callable[..., Any]]:
    """Name -> callable, bound to a run's meter (and a per-run distance cache), as the contract sees them.

    `opaque` wraps values that stay Python objects inside Starlark (the runtime passes
    starlark.OpaquePythonObject).
    """
    cache = DistanceCache()
    return {
        "sum": lambda values: int_sum(values, charge),
        "split": lambda total, weights: split(total, weights, charge),
        "split_capped": lambda total, weights, caps: split_capped(total, weights, caps, charge),
        "distance_m": distance_m,
        "distance_matrix": lambda origins, destinations: distance_matrix(origins, destinations, charge, cache),
        "cost_matrix": lambda origins, destinations, unit_m=1000, max_distance=0, add=None, exclude_same_site=True,
        avoid_roads=None: opaque(cost_matrix(origins, destinations, unit_m, max_distance, add, exclude_same_site,
                                             charge, cache, avoid_roads)),
        "road_blocked": lambda origin, destination, roads, statuses=("closed",):
            road_blocked(origin, destination, roads, statuses, charge),
        "matrix_rows": matrix_rows,
        "priority_rank": priority_rank,
        "priority_weight": lambda priority, weights=None: priority_weight(priority, weights),
        "urgency_key": urgency_key,
        "by_urgency": lambda requests: by_urgency(requests, charge),
        "hours_until": hours_until,
        "is_overdue": is_overdue,
        "min_cost_assign": lambda supply, demand, cost: min_cost_assign(supply, demand, cost, charge),
    }


LIBRARY_NAMES = tuple(exports(_no_charge))
