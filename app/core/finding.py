"""What a check found about one entry: the node's refusal of an incoming entry and verify's defect or
note are the same record, so the window, the command line and the tests read them one way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One reason about one entry (hash, author, seq; empty and 0 where no entry is to blame, such as a
    damaged database file): `code` is stable for programs, `message` is the sentence for operators."""

    hash: str
    author: str
    seq: int
    code: str
    message: str


__all__ = ["Finding"]
