"""Operators' keys: readable fingerprints, a passphrase that protects, clear words when a key file is wrong."""

from __future__ import annotations

import json
import re

import pytest

from app.core.identity import Identity, KeyFileError, WrongPassphrase, fingerprint, load_key_file, save_key_file

FAST = 2**15   # the format's floor: the cheapest key file a node accepts


def test_a_fingerprint_is_four_groups_of_four_and_stable():
    identity = Identity.from_seed(b"National EOC Beira")
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", identity.fingerprint)
    assert identity.fingerprint == fingerprint(identity.public_key)
    assert identity.fingerprint == Identity.from_seed(b"National EOC Beira").fingerprint
    assert identity.fingerprint != Identity.from_seed(b"Provincial EOC Chimoio").fingerprint


def test_a_key_file_opens_with_its_passphrase_only(tmp_path):
    identity = Identity.generate()
    path = tmp_path / "node.key"
    save_key_file(path, identity, "monsoon 2026", label="EOC", n=FAST)
    assert identity.seed().hex() not in path.read_text()
    assert load_key_file(path, "monsoon 2026").public_key == identity.public_key
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        load_key_file(path, "monsoon 2025")


def test_an_empty_passphrase_is_refused(tmp_path):
    with pytest.raises(KeyFileError, match="passphrase is required"):
        save_key_file(tmp_path / "k", Identity.generate(), "", n=FAST)


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],
    lambda text: "not json at all",
    lambda text: json.dumps({k: v for k, v in json.loads(text).items() if k != "cipher"}),
    lambda text: json.dumps({**json.loads(text), "version": 99}),
    lambda text: json.dumps({**json.loads(text), "kdf": {**json.loads(text)["kdf"], "salt": "zz"}}),
    lambda text: json.dumps({**json.loads(text), "public_key": "ab" * 32}),
])
def test_a_damaged_key_file_gives_a_clear_error(tmp_path, damage):
    path = tmp_path / "node.key"
    save_key_file(path, Identity.generate(), "pw", n=FAST)
    path.write_text(damage(path.read_text()))
    with pytest.raises(KeyFileError) as caught:
        load_key_file(path, "pw")
    assert str(caught.value)


def test_altered_ciphertext_is_caught(tmp_path):
    path = tmp_path / "node.key"
    save_key_file(path, Identity.generate(), "pw", n=FAST)
    document = json.loads(path.read_text())
    sealed = document["cipher"]["ciphertext"]
    document["cipher"]["ciphertext"] = ("0" if sealed[0] != "0" else "1") + sealed[1:]
    path.write_text(json.dumps(document))
    with pytest.raises(KeyFileError):
        load_key_file(path, "pw")


def test_a_missing_key_file_is_named(tmp_path):
    with pytest.raises(KeyFileError, match="no key file"):
        load_key_file(tmp_path / "absent.key", "pw")
