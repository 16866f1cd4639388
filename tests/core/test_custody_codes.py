"""A hand-over at a warehouse door: the receiver's acceptance travels as a QR text and a spoken check code.

FORMAT.md §8.1–8.3. The giver's device refuses an acceptance made for another network, shipment,
giver, step or receiver, and a code that was mis-heard or belongs to another acceptance.
"""

from __future__ import annotations

import pytest

from app.core.custody import (
    CROCKFORD,
    MAX_CODE_ATTEMPTS,
    Acceptance,
    AcceptanceError,
    CodeCheck,
    accept,
    check_acceptance,
    check_code,
    handover_statement,
    normalise_code,
    parse_acceptance,
)
from app.core.identity import Identity
from tests.conftest import signing_as
from tests.core.format_vectors import FOUNDER_SEED, MEMBER_SEED, vectors

DISPATCH = {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck 7",
            "lines": [{"item": "water-5l", "lot": "L-1", "qty": 5}]}


@pytest.fixture
def in_transit(network, cast):
    """Lena (logistics) dispatched S-1 and still holds it; Femi (field) is at the shelter door to take it."""
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 50,
                                         "source": "WFP"})
        network.append("shipment.dispatch", DISPATCH)
    return network


def refusal(acceptance: Acceptance, node, giver: Identity, net: str | None = None) -> str:
    with pytest.raises(AcceptanceError) as caught:
        check_acceptance(acceptance, net or node.network_id, giver.public_key_hex, node.state.tables)
    return caught.value.code


def test_the_acceptance_text_round_trips_and_fills_the_giver_s_entry(in_transit, cast):
    acceptance = accept(cast.field, in_transit.network_id, "S-1", cast.logistics.public_key_hex, 0)
    text = acceptance.text()
    assert text.startswith("RLH1:") and all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ:" for c in text)
    assert parse_acceptance(text) == acceptance
    # pasted from a chat message: wrapped lines, lower case
    assert parse_acceptance(" " + text[:60].lower() + "\n" + text[60:] + "\n") == acceptance
    body = check_acceptance(acceptance, in_transit.network_id, cast.logistics.public_key_hex, in_transit.state.tables)
    with signing_as(in_transit, cast.logistics):
        in_transit.append("shipment.handover", body)
    assert in_transit.state.get("shipments", "S-1")["custodian"] == cast.field.public_key_hex


def test_an_acceptance_for_another_network_shipment_giver_or_receiver_is_refused(in_transit, cast):
    net, giver = in_transit.network_id, cast.logistics.public_key_hex
    good = accept(cast.field, net, "S-1", giver, 0)
    assert refusal(good, in_transit, cast.logistics, net="ab" * 32) == "wrong_network"
    assert refusal(accept(cast.field, net, "S-2", giver, 0), in_transit, cast.logistics) == "unknown_shipment"
    assert refusal(good, in_transit, cast.observer) == "not_for_you"
    stranger = Identity.from_seed(b"someone who never joined")
    assert refusal(accept(stranger, net, "S-1", giver, 0), in_transit, cast.logistics) == "not_a_member"
    # the observer's key signed, but the text claims Femi received it: the signature gives it away
    forged = Acceptance(good.net_prefix, good.giver_prefix, "S-1", 0, cast.field.public_key_hex,
                        accept(cast.observer, net, "S-1", giver, 0).receiver_sig)
    assert refusal(forged, in_transit, cast.logistics) == "bad_signature"
    # right prefixes, but signed over another network's id: the full id is in the signed statement
    other_network = accept(cast.field, net[:16] + "00" * 24, "S-1", giver, 0)
    assert refusal(other_network, in_transit, cast.logistics) == "bad_signature"


def test_a_replayed_acceptance_of_an_earlier_step_is_refused(in_transit, cast):
    """Lena hands S-1 to Femi, Femi hands it back; Femi's first acceptance, shown again, is worthless."""
    net, lena, femi = in_transit.network_id, cast.logistics, cast.field
    first = accept(femi, net, "S-1", lena.public_key_hex, 0)
    with signing_as(in_transit, lena):
        in_transit.append("shipment.handover", check_acceptance(first, net, lena.public_key_hex,
                                                                in_transit.state.tables))
    assert refusal(first, in_transit, lena) == "not_your_custody"
    back = accept(lena, net, "S-1", femi.public_key_hex, 1)
    with signing_as(in_transit, femi):
        in_transit.append("shipment.handover", check_acceptance(back, net, femi.public_key_hex,
                                                                in_transit.state.tables))
    assert in_transit.state.get("shipments", "S-1")["custodian"] == lena.public_key_hex
    assert refusal(first, in_transit, lena) == "wrong_step"
    assert check_acceptance(accept(femi, net, "S-1", lena.public_key_hex, 2), net, lena.public_key_hex,
                            in_transit.state.tables)["index"] == 2


def test_a_giver_who_no_longer_holds_the_shipment_or_a_delivered_shipment_is_refused(in_transit, cast):
    net = in_transit.network_id
    lena_again = accept(cast.field, net, "S-1", cast.commander.public_key_hex, 0)
    assert refusal(lena_again, in_transit, cast.commander) == "not_your_custody"
    with signing_as(in_transit, cast.logistics):
        in_transit.append("shipment.deliver", {"shipment": "S-1", "lines": DISPATCH["lines"]})
    late = accept(cast.field, net, "S-1", cast.logistics.public_key_hex, 0)
    assert refusal(late, in_transit, cast.logistics) == "not_in_transit"


@pytest.mark.parametrize("text, code", [
    ("", "not_an_acceptance"),
    ("hello", "not_an_acceptance"),
    ("RLH1:", "not_an_acceptance"),
    ("RLH1:AAAA", "not_an_acceptance"),
    ("RLH1:!!!!", "not_an_acceptance"),
    ("RLH2:AAAA", "unknown_version"),
    ("rlh9:whatever", "unknown_version"),
])
def test_text_that_is_not_an_acceptance_is_refused_in_words(text, code):
    with pytest.raises(AcceptanceError) as caught:
        parse_acceptance(text)
    assert caught.value.code == code and str(caught.value).endswith(".")


def test_a_damaged_acceptance_text_is_refused_not_misread(in_transit, cast):
    text = accept(cast.field, in_transit.network_id, "S-1", cast.logistics.public_key_hex, 0).text()
    with pytest.raises(AcceptanceError, match="not a hand-over acceptance"):
        parse_acceptance(text[:-3])          # cut short: spare bits or a broken shipment id
    flipped = text[:40] + ("A" if text[40] != "A" else "B") + text[41:]
    with pytest.raises(AcceptanceError) as caught:
        check_acceptance(parse_acceptance(flipped), in_transit.network_id, cast.logistics.public_key_hex,
                         in_transit.state.tables)
    assert caught.value.code in {"not_a_member", "bad_signature"}


def test_the_check_code_is_eight_unambiguous_characters_bound_to_the_statement_and_signature(in_transit, cast):
    net, giver = in_transit.network_id, cast.logistics.public_key_hex
    acceptance = accept(cast.field, net, "S-1", giver, 0)
    code = acceptance.check_code(net, giver)
    assert len(code) == 9 and code[4] == "-" and all(c in CROCKFORD for c in code.replace("-", ""))
    assert not set(code) & set("ILOU")
    others = {accept(cast.field, net, "S-2", giver, 0).check_code(net, giver),
              accept(cast.field, net, "S-1", giver, 1).check_code(net, giver),
              accept(cast.observer, net, "S-1", giver, 0).check_code(net, giver),
              acceptance.check_code("ab" * 32, giver)}
    assert code not in others and len(others) == 4


def test_a_typed_code_is_read_the_way_a_person_says_it():
    assert normalise_code("k7q4 m2xd") == "K7Q4-M2XD"
    assert normalise_code("K7Q4-M2XD") == "K7Q4-M2XD"
    assert normalise_code("OIL0-1234") == "0110-1234"
    for wrong in ("K7Q4-M2X", "K7Q4-M2XDD", "K7Q4-M2XU", ""):
        with pytest.raises(AcceptanceError) as caught:
            normalise_code(wrong)
        assert caught.value.code == "code_mismatch"


def test_a_wrong_code_is_refused_and_five_wrong_codes_drop_the_acceptance(in_transit, cast):
    net, giver = in_transit.network_id, cast.logistics.public_key_hex
    acceptance = accept(cast.field, net, "S-1", giver, 0)
    check = CodeCheck(acceptance, net, giver)
    check.confirm(acceptance.check_code(net, giver).lower().replace("-", " "))
    replayed = accept(cast.field, net, "S-1", giver, 1).check_code(net, giver)
    for _ in range(MAX_CODE_ATTEMPTS - 1):
        with pytest.raises(AcceptanceError) as caught:
            check.confirm(replayed)
        assert caught.value.code == "code_mismatch"
    with pytest.raises(AcceptanceError) as caught:
        check.confirm("0000-0000")
    assert caught.value.code == "too_many_attempts"
    with pytest.raises(AcceptanceError) as caught:
        check.confirm(acceptance.check_code(net, giver))   # even the right code, now: read the QR again
    assert caught.value.code == "too_many_attempts"


def test_the_documented_vector_is_what_a_third_party_recomputes():
    """§8.4: the acceptance text carries the §10 receiver signature; the code follows from the statement."""
    founder, member = Identity.from_seed(FOUNDER_SEED.encode()), Identity.from_seed(MEMBER_SEED.encode())
    documented = vectors()
    net = documented["genesis"]["network_id"]
    acceptance = parse_acceptance(documented["handover-acceptance"]["text"])
    assert acceptance.receiver_sig == documented["handover-statement"]["receiver_signature"]
    assert (acceptance.shipment, acceptance.index, acceptance.receiver) == ("SHP-001", 0, founder.public_key_hex)
    statement = handover_statement(net, "SHP-001", member.public_key_hex, founder.public_key_hex, 0)
    assert statement.hex() == documented["handover-statement"]["statement_hex"]
    assert check_code(statement, acceptance.receiver_sig) == documented["handover-acceptance"]["code"] == "35E6-BAGS"


def test_the_qr_code_stays_small_enough_for_a_phone_screen(in_transit, cast):
    """§8.1: every character is QR-alphanumeric; a 7-character shipment id gives a version 8 code at level M."""
    import segno

    acceptance = accept(cast.field, in_transit.network_id, "SHP-001", cast.logistics.public_key_hex, 0)
    code = segno.make_qr(acceptance.text(), error="m")
    assert (code.mode, code.version, code.error) == ("alphanumeric", 8, "M")
    longest = accept(cast.field, in_transit.network_id, "S" * 64, cast.logistics.public_key_hex, 10_000)
    assert parse_acceptance(longest.text()) == longest
    assert segno.make_qr(longest.text(), error="m").version <= 11


def test_femi_accepting_again_later_shows_the_same_acceptance_and_code(in_transit, cast):
    """No link at the door: Femi accepts, Lena records when a message gets through; nothing has changed meanwhile."""
    net, giver = in_transit.network_id, cast.logistics.public_key_hex
    at_the_door, later = accept(cast.field, net, "S-1", giver, 0), accept(cast.field, net, "S-1", giver, 0)
    assert at_the_door.text() == later.text()
    assert at_the_door.check_code(net, giver) == later.check_code(net, giver)
