"""How ledger values read to an operator: local times, grouped numbers, degrees, short keys, and text
from other members or peers with controls and bidi overrides escaped (Qt would act on them)."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from app.core.display import printable

MICRO = Decimal(1_000_000)


def shown(value: object) -> str:
    """Text as a view shows it: a newline, ESC or U+202E in a name, source, reason or note is written
    out as `\\n`, `\\x1b`, `\\u202e` instead of breaking the row or reversing what the operator reads."""
    return "" if value is None else printable(value)


def shown_html(value: object) -> str:
    """`shown` for rich text (labels and detail panes that use HTML): escaped for Qt's HTML as well."""
    return html.escape(shown(value))


def local_time(ms: int | None) -> str:
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


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
