"""What a dry run's plan and diff say, computed without Qt: the numbers the contract editor shows."""

from __future__ import annotations

import hashlib

from app.contracts.plans import PLAN_COLUMNS, diff_plans, plan_rows, source_sha256


def test_diff_plans_names_added_removed_and_changed():
    a = [{"request": "R1", "item": "w", "from_site": "D", "qty": 5}, {"request": "R2", "item": "w", "from_site": "D",
                                                                        "qty": 1}]
    b = [{"request": "R1", "item": "w", "from_site": "D", "qty": 7}, {"request": "R3", "item": "w", "from_site": "E",
                                                                        "lot": "L", "qty": 2}]
    assert diff_plans(a, b) == [("changed", ("R1", "w", "D", ""), 5, 7), ("removed", ("R2", "w", "D", ""), 1, 0),
                                ("added", ("R3", "w", "E", "L"), 0, 2)]


def test_the_plan_shows_where_each_allocation_goes_and_how_far():
    sites = {"DEP-1": {"lat_e6": -19_800_000, "lon_e6": 34_870_000},
             "SHL-1": {"lat_e6": -19_116_000, "lon_e6": 33_483_000}}
    requests = [{"request": "REQ-1", "site": "SHL-1", "priority": "critical"}]
    allocations = [{"request": "REQ-1", "item": "water-5l", "from_site": "DEP-1", "lot": "WFP-001", "qty": 300},
                   {"request": "REQ-9", "item": "tent-fam", "from_site": "DEP-1", "qty": 4}]
    first, unknown = plan_rows(allocations, requests, sites)
    assert len(first) == len(PLAN_COLUMNS)
    assert first[:7] == ["REQ-1", "water-5l", "DEP-1", "WFP-001", 300, "SHL-1", "critical"]
    assert isinstance(first[7], int) and 150 < first[7] < 170   # Beira to Chimoio, whole kilometres
    assert unknown == ["REQ-9", "tent-fam", "DEP-1", "", 4, "", "", ""]   # no such request: no site, no distance


def test_a_deployment_is_matched_by_the_utf8_digest_of_its_text():
    text = "def allocate(state, params):\n    return []  # é\n"
    assert source_sha256(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert source_sha256(text) != source_sha256(text + " ")
