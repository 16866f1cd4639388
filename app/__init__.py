"""Relief Ledger: a signed, replicated ledger of relief-material movements."""

__version__ = "0.1.0"
