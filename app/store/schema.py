"""Tables of a replica. Entries are kept as the exact signed bytes; everything
else (heads, projected state, snapshots) can be rebuilt from them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

entries = Table(
    "entries", metadata,
    Column("hash", String(64), primary_key=True),
    Column("author", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("lamport", Integer, nullable=False),
    Column("type", String(64), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("sig", LargeBinary, nullable=False),
    Column("received_ms", BigInteger, nullable=False),
    Column("ts", BigInteger, nullable=False, server_default="0"),
    UniqueConstraint("author", "seq", name="uq_entries_author_seq"),
    Index("ix_entries_order", "lamport", "author", "seq"),
    Index("ix_entries_type", "type"),
)

evidence = Table(
    "evidence", metadata,
    Column("hash", String(64), primary_key=True),
    Column("author", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("lamport", Integer, nullable=False),
    Column("type", String(64), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("sig", LargeBinary, nullable=False),
    Column("conflicting", String(64), nullable=False),
    Column("received_ms", BigInteger, nullable=False),
    Column("ts", BigInteger, nullable=False, server_default="0"),
)

heads = Table(
    "heads", metadata,
    Column("author", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("lamport", Integer, nullable=False),
)

state_rows = Table(
    "state_rows", metadata,
    Column("tbl", String(32), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("value", Text, nullable=False),
)

snapshots = Table(
    "snapshots", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("lamport", Integer, nullable=False),
    Column("author", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("count", Integer, nullable=False),
    Column("blob", LargeBinary, nullable=False),
    Index("ix_snapshots_position", "lamport", "author", "seq"),
)

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
