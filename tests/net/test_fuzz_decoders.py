"""Whatever an outsider sends — over the LAN, on a USB stick or into control.sock — each decoder answers
with a value or its own documented refusal, never another exception and never a hang.

The targets and their documented errors are the fuzz bench's (bench/fuzz_bench.py), so the bench's
million-input run and these bounded runs check the same promise.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import canonical
from app.core.entry import EntryError
from app.net.bundle import BundleError, import_bundle_bytes
from app.net.control import ControlError, parse_request
from app.net.frames import MAX_FRAME_DEPTH, ProtocolError, decode_payload
from tests.bench.bench_loader import load

BENCH = load("fuzz_bench")
SEEDS = BENCH.seeds()
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome_of(name: str, data: bytes) -> str:
    """Run one target; its documented refusal is an outcome, anything else fails the test."""
    target, documented = BENCH.TARGETS[name]
    try:
        return target(data)
    except documented as exc:
        return f"refused {getattr(exc, 'code', type(exc).__name__)}"


def mutated(name: str) -> st.SearchStrategy[bytes]:
    """A valid input of the target edited by the bench's mutations (seeded by hypothesis), or random bytes."""
    seeds = SEEDS[name]
    return st.one_of(
        st.binary(max_size=512),
        st.tuples(st.integers(0, 2**32 - 1), st.sampled_from(seeds)).map(
            lambda pair: BENCH.mutate(random.Random(pair[0]), pair[1], seeds)),
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_valid_seed_decodes(name):
    for seed in SEEDS[name]:
        assert not outcome_of(name, seed).startswith("refused"), seed[:80]


@FUZZ
@given(data=mutated("frame"))
def test_a_frame_from_a_peer_is_a_message_or_malformed_frame(data):
    outcome_of("frame", data)


@FUZZ
@given(data=mutated("entry"))
def test_an_entry_from_a_peer_is_an_entry_or_a_refusal_with_a_code(data):
    outcome_of("entry", data)


@FUZZ
@given(data=mutated("bundle"))
def test_a_bundle_from_a_stick_is_read_or_refused_as_a_whole(data):
    outcome_of("bundle", data)


@FUZZ
@given(data=mutated("control"))
def test_a_control_request_is_items_or_a_sentence(data):
    outcome_of("control", data)


@FUZZ
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                         max_size=3),
                          max_leaves=40))
def test_any_json_value_as_an_entry_is_decoded_or_refused_with_a_code(value):
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        canonical.decode(data)
    except canonical.CanonicalError as exc:
        assert exc.code in ("malformed", "non_canonical", "too_deep", "int_range", "float_forbidden", "bad_string")


BOMB = b"[" * 100_000 + b"]" * 100_000


def test_a_nesting_bomb_is_refused_by_every_decoder_with_its_own_reason():
    with pytest.raises(ProtocolError) as frame:
        decode_payload(b'{"t":"have","heads":' + BOMB + b"}")
    assert frame.value.code == "malformed_frame" and "deeper than 16 levels" in str(frame.value)
    with pytest.raises(canonical.CanonicalError) as entry:
        canonical.decode(BOMB)
    assert entry.value.code == "too_deep"
    with pytest.raises(ControlError, match="deeper than"):
        parse_request(b'{"op":"append","items":[["road.report",' + BOMB + b"]]}\n")
    header = b'{"t":"bundle","v":1,"net":' + BOMB + b"}"
    with pytest.raises(BundleError, match="header is unreadable"):
        import_bundle_bytes(BENCH._NoTarget(), BENCH.MAGIC + len(header).to_bytes(4, "big") + header)


def test_a_frame_seventeen_levels_deep_is_refused_and_sixteen_are_read():
    def nested(levels: int) -> bytes:
        return b'{"t":"x","a":' + b"[" * (levels - 1) + b"]" * (levels - 1) + b"}"

    assert decode_payload(nested(MAX_FRAME_DEPTH))["t"] == "x"
    with pytest.raises(ProtocolError) as refused:
        decode_payload(nested(MAX_FRAME_DEPTH + 1))
    assert refused.value.code == "malformed_frame"


def test_a_wire_entry_with_a_lone_surrogate_is_refused_as_bad_string():
    with pytest.raises(EntryError) as refused:
        BENCH.wire.entry_from_wire(json.loads('{"raw":"\\ud800","sig":"' + "00" * 64 + '"}'))
    assert refused.value.code == "bad_string"
