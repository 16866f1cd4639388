"""The root of every error this application raises on purpose.

A caller that must decide what to do reads `code`, a stable machine-readable word; a person reads the
sentence (`str(exc)`, also `.sentence`). No caller ever parses the sentence to recover the code: the
code travels beside it. Every layer derives its errors from `ReliefLedgerError`, so this module imports
nothing from the application and stays as pure as app/core, which imports it too.
"""

from __future__ import annotations


class ReliefLedgerError(Exception):
    """An operation refused or impossible, with the reason as a code and as a sentence.

    Subclasses set a class-wide default `code`; an instance may carry a more precise one.
    """

    code: str = "relief_ledger_error"

    def __init__(self, sentence: str = "", code: str | None = None) -> None:
        super().__init__(sentence)
        if code is not None:
            self.code = code

    @property
    def sentence(self) -> str:
        """What an operator reads: the message, without any code prefixed by this class."""
        return str(self)


__all__ = ["ReliefLedgerError"]
