"""The example contracts shipped in resources/contracts, offered as templates by the editor."""

from __future__ import annotations

from pathlib import Path

from app.paths import RESOURCES

CONTRACTS_DIR = RESOURCES / "contracts"

# key (file stem) -> title shown to the operator, in menu order
TEMPLATES = {
    "priority_first": "Priority first",
    "fair_share": "Proportional fair share",
    "nearest_depot": "Nearest depot (least distance)",
    "cold_chain": "Cold-chain aware",
}


def template_path(key: str) -> Path:
    if key not in TEMPLATES:
        raise KeyError(f"no contract template {key!r}; one of {', '.join(TEMPLATES)}")
    return CONTRACTS_DIR / f"{key}.star"


def template_source(key: str) -> str:
    return template_path(key).read_text(encoding="utf-8")
