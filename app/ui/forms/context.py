"""What a record form needs from the window around it: a view of state, and a way to submit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.identity import Identity
from app.core.types import Tables


@dataclass(frozen=True)
class FormContext:
    """Given by the main window to every form.

    `tables` returns a consistent copy of the projected state tables (taken under the node's lock),
    `submit` hands a finished (entry type, body) to the node worker thread to be signed and stored
    (the outcome arrives later through the bridge's signals), and `identity` is the unlocked local
    key, used only to counter-sign a single custody hand-over on the receiver's side.

    `submit_then`, when given, submits the same way and then calls back on the GUI thread with the stored
    entry or the exception that refused it: the form stays open until then, so a refusal is shown beside
    what the operator typed instead of after the form is gone. `lot_expiry` answers the earliest expiry
    its receipts stated for each of a few lots (state does not keep expiry), so a picker can offer the
    first-expiring lot first; without it lots are ordered as if none had one.
    """

    tables: Callable[[], Tables]
    submit: Callable[[str, dict], object]
    identity: Identity | None
    network_id: str
    network_kind: str
    submit_then: Callable[[str, dict, Callable[[object], None]], object] | None = None
    lot_expiry: Callable[[list[str]], dict[str, int]] | None = None
