"""Shared fixtures: offscreen Qt for UI tests, and small ledgers to play scenarios on."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.node import Node


@dataclass
class Cast:
    """The people of a small operation: a founding commander and three other members."""

    commander: Identity
    logistics: Identity
    field: Identity
    observer: Identity

    def members(self) -> list[dict]:
        return [
            {"key": self.logistics.public_key_hex, "org": "WFP", "name": "Lena Logistics", "roles": ["logistics"]},
            {"key": self.field.public_key_hex, "org": "IFRC", "name": "Femi Field", "roles": ["field"]},
            {"key": self.observer.public_key_hex, "org": "OCHA", "name": "Omar Observer", "roles": ["observer"]},
        ]


class Clock:
    """A simulated wall clock: every reading is one second after the last."""

    def __init__(self, start: int = 1_767_225_600_000) -> None:
        self.now = start

    def __call__(self) -> int:
        self.now += 1000
        return self.now


@pytest.fixture
def cast() -> Cast:
    return Cast(*(Identity.from_seed(name.encode()) for name in ("commander", "logistics", "field", "observer")))


@pytest.fixture
def network(tmp_path: Path, cast: Cast) -> Node:
    """A fresh exercise network founded by the commander, with a depot, a shelter and two items."""
    node = Node.create_network(tmp_path / "hq", cast.commander, name="Tabletop", kind="exercise", org="NDMA",
                               display_name="Chidi Commander", members=cast.members(), clock=Clock())
    node.append_many([
        ("site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot", "lat_e6": -19_843_000,
                         "lon_e6": 34_838_000, "org": "WFP"}),
        ("site.define", {"site": "SHL-1", "name": "Dondo shelter", "kind": "shelter", "lat_e6": -19_609_000,
                         "lon_e6": 34_743_000, "org": "IFRC"}),
        ("item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan",
                         "category": "water", "cold_chain": False}),
        ("item.define", {"item": "tent-fam", "name": "Family tent", "unit": "tent",
                         "category": "shelter", "cold_chain": False}),
    ])
    yield node
    node.close()


@contextmanager
def signing_as(node: Node, identity: Identity) -> Iterator[Node]:
    """The same replica, signing as another member for a moment (scenarios on one machine)."""
    previous = node.identity
    node.sign_as(identity)
    try:
        yield node
    finally:
        node.sign_as(previous)
