"""Real hosts on real (virtual) LANs: `relief-ledger node` processes in network namespaces.

Each host is a namespace with one veth card plugged into a bridge; zeroconf inside a namespace
sees only that namespace's interfaces, so nothing leaves the lab.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.node import Node
from tests.conftest import Cast
from tests.net.lab import PASSPHRASE, Lab, NodeProcess, unavailable_reason

REASON = unavailable_reason()
pytestmark = [pytest.mark.skipif(REASON is not None, reason=f"namespace tests skipped: {REASON}"),
              pytest.mark.slow]
FAST_LINK = ("--ping-interval", "1", "--idle-timeout", "4")


@pytest.fixture
def lab() -> Iterator[Lab]:
    lab = Lab()
    try:
        yield lab
    finally:
        lab.close()


def run(lab: Lab, namespace: str, data: Path, *extra: str) -> NodeProcess:
    process = lab.start(namespace, data, *extra)
    process.wait_for("listening on port")
    return process


def site(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": code, "kind": "depot", "lat_e6": -19_000_000,
                            "lon_e6": 34_000_000, "org": "WFP"})


def road(code: str) -> tuple[str, dict]:
    return ("road.status", {"road": code, "name": f"Road {code}", "status": "closed",
                            "path": [[-19_800_000, 34_800_000], [-19_700_000, 34_700_000]]})


class Replicas:
    """Data directories prepared before the machines boot: HQ founds the network, others know its genesis."""

    def __init__(self, root: Path, cast: Cast) -> None:
        self.root = root
        self.cast = cast
        hq = Node.create_network(root / "hq", cast.commander, name="Cyclone lab", kind="exercise", org="NDMA",
                                 display_name="HQ Beira", passphrase=PASSPHRASE, members=cast.members())
        self.genesis = next(iter(hq.entries_in_order()))
        hq.close()
        self.who = {"hq": cast.commander}

    def member(self, name: str, identity: Identity) -> Path:
        node = Node.create_joining(self.root / name, identity, display_name=name, passphrase=PASSPHRASE)
        node.receive([self.genesis])
        node.close()
        self.who[name] = identity
        return self.root / name

    def write(self, name: str, codes: list[str]) -> None:
        """Record something while the node is stopped: depots at HQ and WFP, road reports in the field."""
        identity = self.who[name]
        node = Node.open(self.root / name, identity=identity)
        report = road if identity == self.cast.field else site
        node.append_many([report(code) for code in codes])
        node.close()

    def digest(self, name: str) -> tuple[int, str]:
        node = Node.open(self.root / name, shared=True)
        try:
            return node.entry_count(), node.read(lambda state: state.digest())
        finally:
            node.close()


def wait_converged(replicas: Replicas, names: list[str], timeout: float = 60.0) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while True:
        seen = {name: replicas.digest(name) for name in names}
        if len(set(seen.values())) == 1:
            return next(iter(seen.values()))
        if time.monotonic() > deadline:
            raise AssertionError(f"replicas did not converge within {timeout:.0f} s: {seen}")
        time.sleep(0.2)


def test_two_nodes_in_two_namespaces_find_each_other_and_converge_with_only_their_data_dirs(lab, tmp_path, cast):
    replicas = Replicas(tmp_path, cast)
    replicas.write("hq", ["HQ-1", "HQ-2"])
    replicas.member("post", cast.logistics)
    replicas.write("post", ["POST-1"])
    lan = lab.lan("br0")
    hq = run(lab, lab.host("hq", "10.77.0.1", lan), tmp_path / "hq")
    post = run(lab, lab.host("post", "10.77.0.2", lan), tmp_path / "post")
    up = max(hq.wait_for("listening on port"), post.wait_for("listening on port"))
    found = min(hq.wait_for(r"^\S+ (discovered|connected) "), post.wait_for(r"^\S+ (discovered|connected) "))
    assert found - up < 3.0, f"discovery took {found - up:.1f} s"
    hq.wait_for(r"connected .*Lena Logistics", 10)
    post.wait_for(r"synced .*HQ Beira", 20)
    hq.wait_for(r"synced ", 20)
    assert hq.stop() == 0 and post.stop() == 0
    assert "stopped cleanly" in hq.output() and "stopped cleanly" in post.output()
    assert replicas.digest("hq") == replicas.digest("post")
    assert replicas.digest("hq")[0] == 1 + 2 + 1


def test_four_nodes_on_one_lan_converge_to_one_state_digest(lab, tmp_path, cast):
    replicas = Replicas(tmp_path, cast)
    names = {"hq": None, "wfp": cast.logistics, "ifrc": cast.field, "ocha": cast.observer}
    for name, identity in names.items():
        if identity is not None:
            replicas.member(name, identity)
    for name in ("hq", "wfp", "ifrc"):
        replicas.write(name, [f"{name.upper()}-{i}" for i in range(10)])
    lan = lab.lan("br0")
    for index, name in enumerate(names, start=1):
        run(lab, lab.host(name, f"10.77.0.{index}", lan), tmp_path / name)
    count, _digest = wait_converged(replicas, list(names))
    assert count == 1 + 30


def test_a_partition_with_writes_on_both_sides_heals_and_converges(lab, tmp_path, cast):
    replicas = Replicas(tmp_path, cast)
    for name, identity in (("wfp", cast.logistics), ("ifrc", cast.field), ("ocha", cast.observer)):
        replicas.member(name, identity)
    replicas.write("wfp", ["WFP-BEFORE"])
    east, west = lab.lan("east"), lab.lan("west")
    hosts = {name: lab.host(name, f"10.77.0.{i}", east) for i, name in enumerate(("hq", "wfp", "ifrc", "ocha"), 1)}
    nodes = {name: run(lab, ns, tmp_path / name, *FAST_LINK) for name, ns in hosts.items()}
    replicas_all = list(hosts)
    count, _digest = wait_converged(replicas, replicas_all)
    assert count == 2
    lab.move("ifrc", west)
    lab.move("ocha", west)
    for writer in ("hq", "ifrc"):
        assert nodes[writer].stop() == 0
        replicas.write(writer, [f"{writer.upper()}-CUT-{i}" for i in range(5)])
        nodes[writer] = run(lab, hosts[writer], tmp_path / writer, *FAST_LINK)
    time.sleep(2.0)
    assert replicas.digest("hq") != replicas.digest("ifrc")
    lab.move("ifrc", east)
    lab.move("ocha", east)
    count, _digest = wait_converged(replicas, replicas_all, timeout=90)
    assert count == 2 + 10


def test_a_vehicle_carries_entries_between_two_lans_that_never_touch(lab, tmp_path, cast):
    replicas = Replicas(tmp_path, cast)
    replicas.member("post", cast.field)
    replicas.member("vehicle", cast.observer)
    replicas.write("hq", ["HQ-ONLY"])
    replicas.write("post", ["POST-ONLY"])
    beira, buzi = lab.lan("beira"), lab.lan("buzi")
    hq = run(lab, lab.host("hq", "10.77.0.1", beira), tmp_path / "hq", *FAST_LINK)
    post = run(lab, lab.host("post", "10.77.0.2", buzi), tmp_path / "post", *FAST_LINK)
    vehicle = run(lab, lab.host("vehicle", "10.77.0.3", beira), tmp_path / "vehicle", *FAST_LINK)
    vehicle.wait_for(r"synced .*HQ Beira", 30)
    lab.move("vehicle", buzi)
    post.wait_for(r"synced ", 60)
    wait_converged(replicas, ["post", "vehicle"], timeout=60)
    lab.move("vehicle", beira)
    count, _digest = wait_converged(replicas, ["hq", "post", "vehicle"], timeout=90)
    assert count == 1 + 2
    assert not [line for line in hq.output().splitlines() if "connected" in line and "Femi Field" in line]
    assert not [line for line in post.output().splitlines() if "connected" in line and "HQ Beira" in line]


def test_a_machine_whose_key_is_not_a_member_is_refused_and_learns_nothing(lab, tmp_path, cast):
    replicas = Replicas(tmp_path, cast)
    replicas.write("hq", ["HQ-SECRET"])
    replicas.member("stranger", Identity.from_seed(b"stranger"))
    lan = lab.lan("br0")
    hq = run(lab, lab.host("hq", "10.77.0.1", lan), tmp_path / "hq")
    stranger = run(lab, lab.host("stranger", "10.77.0.9", lan), tmp_path / "stranger")
    stranger.wait_for(r"cut_off .*not_member", 15)
    hq.wait_for(r"cut_off .*not_member", 15)
    assert stranger.stop() == 0
    assert replicas.digest("stranger")[0] == 1


def test_a_bundle_carried_between_two_isolated_hosts_converges_them(lab, tmp_path, cast):
    import subprocess
    import sys

    replicas = Replicas(tmp_path, cast)
    replicas.member("post", cast.logistics)
    replicas.write("hq", [f"HQ-{i}" for i in range(20)])
    replicas.write("post", [f"POST-{i}" for i in range(20)])
    hq = run(lab, lab.host("hq", "10.77.0.1", lab.lan("north")), tmp_path / "hq")
    post = run(lab, lab.host("post", "10.77.0.2", lab.lan("south")), tmp_path / "post")
    cli = [sys.executable, "-m", "app.cli"]
    env = {"RELIEF_LEDGER_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    stick = tmp_path / "usb-stick.rlb"
    subprocess.run([*cli, "bundle", "export", str(stick), "--data", str(tmp_path / "hq")], check=True, env=env,
                   capture_output=True, timeout=60)
    assert post.stop() == 0
    result = subprocess.run([*cli, "bundle", "import", str(stick), "--data", str(tmp_path / "post")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "20 new" in result.stdout and "seal: intact" in result.stdout
    back = tmp_path / "usb-stick-back.rlb"
    subprocess.run([*cli, "bundle", "export", str(back), "--data", str(tmp_path / "post")], check=True, env=env,
                   capture_output=True, timeout=60)
    assert hq.stop() == 0
    subprocess.run([*cli, "bundle", "import", str(back), "--data", str(tmp_path / "hq")], check=True, env=env,
                   capture_output=True, timeout=60)
    assert replicas.digest("hq") == replicas.digest("post")
    assert replicas.digest("hq")[0] == 1 + 40
