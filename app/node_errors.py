"""NodeError: what the node says to its callers when it refuses.

In a module of its own so that the node's collaborators (app/node_open.py) and app/node.py raise
the same class without importing each other; app/node.py re-exports it, as callers import it there.
"""

from __future__ import annotations

from app.errors import ReliefLedgerError


class NodeError(ReliefLedgerError):
    """An operation the node refuses; the message is for the operator, `code` for programs.

    A refused entry's sentence begins with its code (`out_of_range: …`), as the command line has always
    printed it; `reason` is that sentence without the code, which the window shows beside the code.
    """

    code = "node_refused"

    def __init__(self, sentence: str, code: str | None = None, reason: str | None = None) -> None:
        super().__init__(sentence, code)
        self.reason = sentence if reason is None else reason

    @classmethod
    def refused(cls, code: str, reason: str) -> NodeError:
        """An entry not recorded, for `code`: the sentence is `code: reason`."""
        return cls(f"{code}: {reason}", code, reason)
