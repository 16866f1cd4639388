"""What a hub's Peers rows say about vehicles that came and went: gone, with their last sync, and only so many."""

from __future__ import annotations

from types import SimpleNamespace

from app.net.service import DEPARTED_KEPT, SyncService


def left(service: SyncService, number: int) -> None:
    """Vehicle `number` synced at `number` ms and drove off (its session ended)."""
    session = SimpleNamespace(peer_key=f"{number:064x}", peer_name=f"Vehicle {number}", address="127.0.0.1:47474",
                              last_sync_ms=number, received=number, sent=1)
    service._remember_departed(session, "peer closed")   # what _close does when a session ends


def test_a_hub_remembers_departed_vehicles_as_gone_newest_kept_oldest_forgotten(network):
    service = SyncService(network, host="127.0.0.1", port=0)
    for number in range(1, DEPARTED_KEPT + 6):
        left(service, number)
    rows = service.peer_statuses()
    assert len(rows) == DEPARTED_KEPT
    assert {row.state for row in rows} == {"gone"}
    assert min(row.last_sync_ms for row in rows) == 6   # vehicles 1 to 5 left first and are forgotten first
    newest = next(row for row in rows if row.name == f"Vehicle {DEPARTED_KEPT + 5}")
    assert newest.last_sync_ms == DEPARTED_KEPT + 5 and newest.note == "peer closed" and newest.since_ms
    left(service, 6)   # vehicle 6 came back and left again: one row, now the newest
    assert [row.name for row in service.peer_statuses()].count("Vehicle 6") == 1
    assert list(service.departed.values())[-1].name == "Vehicle 6"
