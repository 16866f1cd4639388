"""An approval decided over live links: proposed at A, approved at B and C, applied on every replica."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.identity import Identity
from app.node import Node, NodeError
from tests.net.conftest import Site, converged, wait_until

KEY = "DEP-1|water-5l|L-1"


def test_a_stock_adjustment_proposed_at_a_takes_effect_everywhere_once_b_and_c_approve_over_the_lan(tmp_path: Path):
    a, b, c, log = (Identity.from_seed(f"lan-decision/{n}".encode()) for n in ("a", "b", "c", "log"))
    founder = Node.create_network(tmp_path / "A", a, name="Three centers", kind="exercise", org="INGD",
                                  display_name="EOC Beira", members=[
                                      {"key": b.public_key_hex, "org": "WFP", "name": "EOC Chimoio",
                                       "roles": ["commander"]},
                                      {"key": c.public_key_hex, "org": "IFRC", "name": "EOC Quelimane",
                                       "roles": ["commander"]},
                                      {"key": log.public_key_hex, "org": "WFP", "name": "Lena",
                                       "roles": ["logistics"]}])
    founder.sign_as(log)
    founder.append_many([
        ("site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot", "lat_e6": 0, "lon_e6": 0,
                         "org": "WFP"}),
        ("item.define", {"item": "water-5l", "name": "Water 5 L", "unit": "jerrycan", "category": "water",
                         "cold_chain": False}),
        ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 1000, "source": "WFP"})])
    founder.sign_as(a)
    genesis = next(iter(founder.entries_in_order()))
    sites = [Site("EOC Beira", founder)]
    for name, who in (("B", b), ("C", c)):
        node = Node.create_joining(tmp_path / name, who)
        node.receive([genesis])
        sites.append(Site(name, node))
    center_a, center_b, center_c = sites
    try:
        center_a.go_online()
        center_b.go_online([center_a])
        center_c.go_online([center_b])
        wait_until(lambda: converged(*sites), "the three centers to sync")
        with pytest.raises(NodeError, match="needs_approval"):
            founder.append("stock.adjust", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": -120,
                                            "reason": "roof failed"})
        proposal = founder.propose("stock.adjust", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": -120,
                                                    "reason": "roof failed"}, "120 jerrycans punctured")
        wait_until(lambda: center_c.holds(proposal.hash), "the proposal to reach C through B")
        assert all(s.node.state.get("stock", KEY)["qty"] == 1000 for s in sites)
        center_b.node.approve(proposal.hash, "seen the photos")
        center_c.node.approve(proposal.hash)
        wait_until(lambda: all(s.node.state.get("stock", KEY)["qty"] == 880 for s in sites),
                   "the adjustment to take effect on every replica")
        wait_until(lambda: converged(*sites), "one state digest")
        assert {s.node.state.get("proposals", proposal.hash)["status"] for s in sites} == {"approved"}
    finally:
        for site in sites:
            site.go_offline()
        for site in sites:
            site.node.close()
