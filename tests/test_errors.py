"""One error tree: every error the application raises on purpose is a ReliefLedgerError with a code for
programs and a sentence for people, and the code reaches the operator without anyone parsing the sentence."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import get_type_hints

import pytest

import app
from app.contracts.runtime import ContractError
from app.core.canonical import CanonicalError
from app.core.entry import EntryError
from app.core.finding import Finding
from app.errors import ReliefLedgerError
from app.net.frames import ProtocolError
from app.net.session import CutOff
from app.node import NodeError, ReceiveReport
from app.store.verification import VerifyReport

APP = Path(app.__file__).resolve().parent

# Classes whose code is given per instance (the cause decides it), each with one instance as it is raised.
CODED_PER_INSTANCE = {
    EntryError: EntryError("bad_signature", "the signature does not match the entry"),
    CanonicalError: CanonicalError("float_forbidden", "number 2.5 is not an integer"),
    ProtocolError: ProtocolError("malformed_frame", "frame is not UTF-8 JSON"),
    CutOff: CutOff("timeout", "no frame for 45 s"),
    ContractError: ContractError("syntax", "unexpected indent", 3, 5),
}


def error_classes() -> list[type[BaseException]]:
    """Every exception class defined in an app module (the entry point, which starts the client, aside)."""
    found: dict[str, type[BaseException]] = {}
    for module_info in pkgutil.walk_packages([str(APP)], "app."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return [found[name] for name in sorted(found)]


PUBLIC = [cls for cls in error_classes() if not cls.__name__.startswith("_") and cls is not ReliefLedgerError]


def test_the_walk_finds_the_errors_of_every_layer():
    names = {cls.__name__ for cls in PUBLIC}
    assert {"NodeError", "EntryError", "StoreError", "ReplicaDamaged", "BundleError", "ProtocolError",
            "ContractError", "KeyFileError", "WrongPassphrase", "CliError", "FormError"} <= names


@pytest.mark.parametrize("cls", PUBLIC, ids=lambda cls: f"{cls.__module__}.{cls.__name__}")
def test_every_public_error_is_a_relief_ledger_error_with_its_own_code(cls):
    assert issubclass(cls, ReliefLedgerError), f"{cls.__qualname__} does not derive from ReliefLedgerError"
    if cls in CODED_PER_INSTANCE:
        code = CODED_PER_INSTANCE[cls].code
    else:
        assert any("code" in vars(k) for k in cls.__mro__ if k is not ReliefLedgerError), \
            f"{cls.__qualname__} names no code of its own"
        code = cls.code
    assert isinstance(code, str) and code and code != ReliefLedgerError.code


def test_codes_per_instance_travel_beside_the_sentence():
    for error in CODED_PER_INSTANCE.values():
        assert error.code and error.code not in str(error)
        assert error.sentence == str(error)
    assert ContractError("budget", "step budget exhausted").code == "contract_budget"


def test_the_error_root_imports_nothing_so_the_pure_core_can_use_it():
    tree = ast.parse((APP / "errors.py").read_text(encoding="utf-8"))
    imports = [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert [node.module for node in imports if isinstance(node, ast.ImportFrom)] == ["__future__"]
    assert not [node for node in imports if isinstance(node, ast.Import)]


def test_a_refused_entry_keeps_its_code_and_its_sentence_apart(network, cast):
    network.sign_as(cast.logistics)
    with pytest.raises(NodeError) as refused:
        network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L1", "qty": 5,
                                         "source": "WFP", "colour": "blue"})
    assert refused.value.code == "bad_body"
    assert refused.value.reason == "body has unknown field(s): colour"
    assert str(refused.value) == "bad_body: body has unknown field(s): colour"   # as the command line prints it


def test_a_replica_open_without_its_key_refuses_to_sign_with_a_code_not_a_clause(network):
    network.identity = None   # as a replica opened without its passphrase
    with pytest.raises(NodeError) as refused:
        network.append("site.define", {"site": "DEP-2", "name": "Second depot", "kind": "depot",
                                       "lat_e6": 0, "lon_e6": 0, "org": "WFP"})
    assert refused.value.code == "read_only"
    assert refused.value.reason.startswith("this replica is open read-only: ")


@pytest.mark.parametrize(("body_change", "code", "message"), [
    ({"qty": 2.5}, "float_forbidden", "stock.receive: number 2.5 is a float; the ledger holds integers only"),
    ({"colour": "blue"}, "bad_body", "body has unknown field(s): colour"),
], ids=["fraction", "unknown_field"])
def test_a_refused_entry_reaches_the_window_with_its_code_intact(qtbot, network, cast, body_change, code, message):
    """The message holds ': ' where no code is; the window still shows the code the node refused it for."""
    from app.ui.bridge import NodeBridge

    network.sign_as(cast.logistics)
    held = len(list(network.entries_in_order()))
    bridge = NodeBridge(network)
    try:
        with qtbot.waitSignal(bridge.entry_refused, timeout=5000) as refused:
            bridge.submit("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L1", "qty": 5,
                                            "source": "WFP", **body_change})
        assert refused.args == [code, message]
    finally:
        network.remove_listener(bridge._on_stored)
        bridge.wait_idle()
    assert len(list(network.entries_in_order())) == held   # nothing of the refused entry was stored


def test_a_refusal_on_receipt_and_a_defect_in_verify_are_the_same_record():
    assert get_type_hints(ReceiveReport)["refused"] == list[Finding]
    assert get_type_hints(ReceiveReport)["deferred"] == list[Finding]
    assert get_type_hints(VerifyReport)["defects"] == list[Finding]
    assert get_type_hints(VerifyReport)["notes"] == list[Finding]
