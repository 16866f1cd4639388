"""How ledger values read to an operator: local times, grouped numbers, degrees, short keys."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

MICRO = Decimal(1_000_000)


def local_time(ms: int | None) -> str:
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def quantity(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def degrees(micro_degrees: int) -> str:
    return f"{Decimal(micro_degrees) / MICRO:.6f}"


def micro_degrees(text: str) -> int:
    """Exact conversion of typed decimal degrees to integer micro-degrees (never through a float)."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not a number of degrees") from exc
    scaled = value * MICRO
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{text} has more than six decimal places")
    return int(scaled)
