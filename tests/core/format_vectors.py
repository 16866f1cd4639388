"""The worked examples of docs/FORMAT.md, computed from the code; the test compares both ways."""

from __future__ import annotations

import hashlib

from app.core import canonical
from app.core import entry as entry_mod
from app.core.custody import acceptance_code, countersign, handover_statement
from app.core.custody import countersign as countersign_code
from app.core.entry import EntryError, parse, signing_message
from app.core.identity import Identity
from app.core.state import fold

FOUNDER_SEED = "relief-ledger test vector founder"
MEMBER_SEED = "relief-ledger test vector member"
FIELD_SEED = "relief-ledger test vector field"
T0 = 1_773_468_000_000


def _entry_vector(e: entry_mod.Entry) -> dict[str, str]:
    return {"canonical": e.raw.decode("utf-8"), "hash": e.hash,
            "signing_message": signing_message(e.hash).hex(), "signature": e.sig.hex()}


def vectors() -> dict[str, dict[str, str]]:
    founder = Identity.from_seed(FOUNDER_SEED.encode())
    member = Identity.from_seed(MEMBER_SEED.encode())
    out: dict[str, dict[str, str]] = {}
    for name, seed, who in (("founder-key", FOUNDER_SEED, founder), ("member-key", MEMBER_SEED, member)):
        out[name] = {"seed": seed, "private_key": hashlib.sha256(seed.encode()).hexdigest(),
                     "public_key": who.public_key_hex, "fingerprint": who.fingerprint}

    out["canonical-value"] = {
        "input": '{ "b": "é\\n\\u0001\\"/", "a": [true, null, -5, 9007199254740991], "A": {} }',
        "canonical": canonical.encode({"b": "é\n\u0001\"/", "a": [True, None, -5, 9007199254740991], "A": {}}
                                      ).decode("utf-8"),
    }
    genesis = entry_mod.create(founder, net=None, seq=1, prev=None, deps=[], lamport=1, ts=T0, type="genesis", body={
        "name": "Vector net", "kind": "exercise", "policies": {},
        "members": [{"key": founder.public_key_hex, "org": "INGD", "name": "EOC Beira",
                     "roles": ["admin", "commander"]}]})
    out["genesis"] = {**_entry_vector(genesis), "network_id": genesis.hash}
    net = genesis.hash
    admit = entry_mod.create(founder, net=net, seq=2, prev=genesis.hash, deps=[], lamport=2, ts=T0 + 60_000,
                             type="proposal.open", body={
                                 "action": "member.add", "reason": "WFP runs the Beira warehouse",
                                 "body": {"key": member.public_key_hex, "org": "WFP", "name": "WFP logistics",
                                          "roles": ["logistics"]}})
    out["member-proposal"] = _entry_vector(admit)
    receipt = entry_mod.create(member, net=net, seq=1, prev=None, deps=[admit.hash], lamport=3, ts=T0 + 120_000,
                               type="stock.receive", body={"site": "WH-BEIRA", "item": "water-5l",
                                                           "lot": "WFP-W-0314", "qty": 6000, "source": "WFP"})
    out["stock-receive"] = _entry_vector(receipt)
    dispatch = entry_mod.create(member, net=net, seq=2, prev=receipt.hash, deps=[], lamport=4, ts=T0 + 180_000,
                                type="shipment.dispatch", body={
                                    "shipment": "SHP-001", "from_site": "WH-BEIRA", "to_site": "SHL-DONDO-1",
                                    "carrier": "WFP truck 7",
                                    "lines": [{"item": "water-5l", "lot": "WFP-W-0314", "qty": 800}]})
    out["shipment-dispatch"] = _entry_vector(dispatch)
    statement = handover_statement(net, "SHP-001", member.public_key_hex, founder.public_key_hex, 0)
    code = countersign(founder, net, "SHP-001", member.public_key_hex, 0)
    handover = entry_mod.create(member, net=net, seq=3, prev=dispatch.hash, deps=[], lamport=5, ts=T0 + 240_000,
                                type="shipment.handover", body={"shipment": "SHP-001", "to": founder.public_key_hex,
                                                                "index": 0, "receiver_sig": code})
    out["handover-statement"] = {"statement_hex": statement.hex(), "receiver_signature": code}
    out["shipment-handover"] = _entry_vector(handover)
    out["handover-acceptance"] = acceptance_vector(founder, member, net, fold([genesis, admit, receipt, dispatch]))
    state = fold([genesis, admit, receipt, dispatch, handover])
    out["state-digest"] = {"entries": "genesis, member-proposal, stock-receive, shipment-dispatch, shipment-handover",
                           "digest": state.digest()}
    adjust = entry_mod.create(member, net=net, seq=4, prev=handover.hash, deps=[], lamport=6, ts=T0 + 300_000,
                              type="proposal.open", body={
                                  "action": "stock.adjust", "reason": "Cycle count",
                                  "body": {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314",
                                           "delta": -20, "reason": "20 jerrycans punctured"}})
    out["adjust-proposal"] = _entry_vector(adjust)
    approval = entry_mod.create(founder, net=net, seq=3, prev=admit.hash, deps=[adjust.hash], lamport=7,
                                ts=T0 + 360_000, type="proposal.approve",
                                body={"proposal": adjust.hash, "comment": "Seen"})
    out["adjust-approval"] = _entry_vector(approval)
    decided = fold([genesis, admit, receipt, dispatch, handover, adjust, approval])
    out["state-digest-approved"] = {
        "entries": "genesis, member-proposal, stock-receive, shipment-dispatch, shipment-handover, adjust-proposal, "
                   "adjust-approval",
        "stock": str(decided.get("stock", "WH-BEIRA|water-5l|WFP-W-0314")["qty"]),
        "digest": decided.digest()}
    # the founder revokes the member, pinning its feed at seq 4 (the adjustment proposal, which it lists in
    # deps); the lone eligible founder's proposal decides itself. The member then signs a receipt as seq 5
    # with low deps (lamport 7: backdated, sorting before the revocation at lamport 8): past the pin, it has
    # no effect wherever it sorts.
    revoke = entry_mod.create(founder, net=net, seq=4, prev=approval.hash, deps=[adjust.hash], lamport=8,
                              ts=T0 + 420_000, type="proposal.open", body={
                                  "action": "member.revoke", "reason": "Laptop stolen from the warehouse office",
                                  "body": {"key": member.public_key_hex, "reason": "laptop stolen",
                                           "seq": 4, "head": adjust.hash}})
    out["revocation-proposal"] = _entry_vector(revoke)
    backdated = entry_mod.create(member, net=net, seq=5, prev=adjust.hash, deps=[], lamport=7, ts=T0 + 480_000,
                                 type="stock.receive", body={"site": "WH-BEIRA", "item": "water-5l",
                                                             "lot": "WFP-W-0314", "qty": 1000000000000,
                                                             "source": "WFP"})
    out["backdated-receipt"] = _entry_vector(backdated)
    revoked = fold([genesis, admit, receipt, dispatch, handover, adjust, approval, backdated, revoke])
    out["state-digest-revoked"] = {
        "entries": "genesis, member-proposal, stock-receive, shipment-dispatch, shipment-handover, adjust-proposal, "
                   "adjust-approval, backdated-receipt, revocation-proposal",
        "stock": str(revoked.get("stock", "WH-BEIRA|water-5l|WFP-W-0314")["qty"]),
        "ineffective": f"backdated-receipt {revoked.get('ineffective', backdated.hash)['code']}",
        "digest": revoked.digest()}
    ahead = entry_mod.create(founder, net=net, seq=5, prev=revoke.hash, deps=[], lamport=9,
                             ts=T0 + 420_000 + entry_mod.MAX_TS_LEAD_MS + 1, type="proposal.open", body={
                                 "action": "stock.adjust", "reason": "Clock test",
                                 "body": {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314",
                                          "delta": -1, "reason": "one"}})
    out["reject-ts-ahead"] = {"entries": out["state-digest-revoked"]["entries"], **_entry_vector(ahead),
                              "code": "ts_ahead"}
    for name, raw in (("reject-float", receipt.raw.replace(b'"qty":6000', b'"qty":6000.0')),
                      ("reject-key-order", b'{"body":{},' + receipt.raw[1:].replace(b',"body":{', b',"x":{', 1)),
                      ("reject-whitespace", receipt.raw.replace(b'","', b'", "', 1))):
        try:
            parse(raw, receipt.sig)
            code_seen = "accepted"
        except EntryError as exc:
            code_seen = exc.code
        out[name] = {"bytes": raw.decode("utf-8"), "code": code_seen}
    out.update(every_table_vectors(founder, member, [genesis, admit, receipt, dispatch, handover, adjust, approval]))
    out.update(edge_vectors(founder, member))
    out.update(spoken_vectors(founder, member, [genesis, admit, receipt, dispatch], handover))
    return out


def spoken_vectors(founder: Identity, member: Identity, base: list[entry_mod.Entry],
                   signed: entry_mod.Entry) -> dict[str, dict[str, str]]:
    """§8.5: hand-overs recorded with the spoken code, met by the receiver's own `shipment.accept`.

    `base` ends with the member holding SHP-001 (custody index 0); the founder is the receiver. The
    receiver's device never saw the giver's entry: its acceptance depends on the dispatch only. `signed` is
    §10's `shipment-handover`, the same step handed over with the signature read from the QR code.
    """
    genesis, admit, _receipt, dispatch = base
    net = genesis.hash
    giver, receiver = member.public_key_hex, founder.public_key_hex
    out: dict[str, dict[str, str]] = {}
    sig0 = countersign(founder, net, "SHP-001", giver, 0)
    code0 = acceptance_code(net, "SHP-001", giver, receiver, 0, sig0)

    def sign(name: str, who: Identity, prev: entry_mod.Entry, deps: list[entry_mod.Entry], ts: int,
             entry_type: str, body: dict) -> entry_mod.Entry:
        parents = [prev] + deps
        made = entry_mod.create(who, net=net, seq=prev.seq + 1, prev=prev.hash, deps=sorted(d.hash for d in deps),
                                lamport=1 + max(p.lamport for p in parents), ts=ts, type=entry_type, body=body)
        out[name] = {"canonical": made.raw.decode("utf-8"), "hash": made.hash, "signature": made.sig.hex()}
        return made

    def handover(name: str, prev: entry_mod.Entry, code: str, ts: int) -> entry_mod.Entry:
        return sign(name, member, prev, [], ts, "shipment.handover",
                    {"shipment": "SHP-001", "to": receiver, "index": 0, "receiver_code": code})

    def acceptance(name: str, index: int, prev: entry_mod.Entry, ts: int) -> entry_mod.Entry:
        return sign(name, founder, prev, [dispatch], ts, "shipment.accept", {
            "shipment": "SHP-001", "from": giver, "index": index,
            "receiver_sig": countersign(founder, net, "SHP-001", giver, index)})

    named = ["genesis", "member-proposal", "stock-receive", "shipment-dispatch"]

    def state(name: str, held: list[entry_mod.Entry], names: list[str]) -> None:
        folded = fold(sorted(base + held, key=lambda e: e.key))
        out[name] = {"entries": ", ".join(named + names), "tables": table_digests(folded),
                     "digest": folded.digest()}

    # the acceptance and the hand-over have lamport 5; the founder's key sorts first, so the acceptance does
    code = handover("s-code-handover", dispatch, code0, T0 + 240_000)
    early = acceptance("s-accept", 0, admit, T0 + 250_000)
    assert early.key < code.key
    state("state-digest-spoken-accept-first", [code, early], ["s-code-handover", "s-accept"])
    # the receiver's post logs a road report first, so its acceptance sorts after the giver's hand-over
    road = sign("s-road", founder, admit, [dispatch], T0 + 230_000, "road.status",
                {"road": "EN6-DONDO", "name": "EN6 Beira-Dondo", "status": "open",
                 "path": [[-19830000, 34840000], [-19780000, 34720000]]})
    late = acceptance("s-accept-late", 0, road, T0 + 250_000)
    assert code.key < late.key
    state("state-digest-spoken-code-first", [code, road, late], ["s-code-handover", "s-road", "s-accept-late"])
    misheard = code0[:-1] + ("0" if code0[-1] != "0" else "1")
    wrong = handover("s-wrong-code", dispatch, misheard, T0 + 240_000)
    state("state-digest-spoken-wrong-code", [wrong, road, late], ["s-wrong-code", "s-road", "s-accept-late"])
    again = handover("s-code-again", wrong, code0, T0 + 300_000)
    assert late.key < again.key
    state("state-digest-spoken-recorded-again", [wrong, road, late, again],
          ["s-wrong-code", "s-road", "s-accept-late", "s-code-again"])
    replayed = acceptance("s-accept-other-step", 1, admit, T0 + 250_000)
    state("state-digest-spoken-other-step", [code, replayed], ["s-code-handover", "s-accept-other-step"])
    # the giver scanned the QR code after all: the receiver's acceptance, either side of it, changes nothing
    assert early.key < signed.key < late.key
    state("state-digest-spoken-accept-then-qr", [early, signed], ["s-accept", "shipment-handover"])
    state("state-digest-spoken-qr-then-accept", [signed, road, late], ["shipment-handover", "s-road", "s-accept-late"])
    out["spoken-code"] = {"code": code0, "misheard": misheard}
    return out


def acceptance_vector(receiver: Identity, giver: Identity, net: str, before_handover) -> dict[str, str]:
    """§8.4: the receiver's acceptance text and check code, and the codes a giver's device refuses with."""
    from app.core.custody import AcceptanceError, accept, check_acceptance

    acceptance = accept(receiver, net, "SHP-001", giver.public_key_hex, 0)
    tables = before_handover.tables
    assert check_acceptance(acceptance, net, giver.public_key_hex, tables)["receiver_sig"] == acceptance.receiver_sig

    def refusal(candidate, network: str) -> str:
        try:
            check_acceptance(candidate, network, giver.public_key_hex, tables)
        except AcceptanceError as exc:
            return exc.code
        raise AssertionError("accepted")

    return {"text": acceptance.text(), "code": acceptance.check_code(net, giver.public_key_hex),
            "refused_other_network": refusal(acceptance, "00" * 32),
            "refused_next_step": refusal(accept(receiver, net, "SHP-001", giver.public_key_hex, 1), net)}


def table_digests(state) -> str:
    """SHA-256 (first 16 hex digits) of each digested table's canonical text: where two folds part."""
    from app.core.state import DIGEST_TABLES, DIGEST_WHEN_FILLED
    return ", ".join(f"{t}={hashlib.sha256(canonical.encode_derived(state.tables[t])).hexdigest()[:16]}"
                     for t in DIGEST_TABLES if t not in DIGEST_WHEN_FILLED or state.tables[t])


def every_table_vectors(founder: Identity, member: Identity, base: list[entry_mod.Entry]) -> dict[str, dict[str, str]]:
    """A ledger that puts rows in every state table (FORMAT.md §10, "Every table"), continuing `base`."""
    field_team = Identity.from_seed(FIELD_SEED.encode())
    out: dict[str, dict[str, str]] = {"field-key": {
        "seed": FIELD_SEED, "private_key": hashlib.sha256(FIELD_SEED.encode()).hexdigest(),
        "public_key": field_team.public_key_hex, "fingerprint": field_team.fingerprint}}
    net = base[0].hash
    lamports = {e.hash: e.lamport for e in base}
    heads = {founder.public_key_hex: base[6], member.public_key_hex: base[5]}
    names: list[str] = []
    held: list[entry_mod.Entry] = list(base)
    clock = [T0 + 600_000]

    def sign(name: str, who: Identity, entry_type: str, body: dict, deps: tuple[entry_mod.Entry, ...] = (),
             store: bool = True) -> entry_mod.Entry:
        prev = heads.get(who.public_key_hex)
        parents = [d.hash for d in deps] + ([prev.hash] if prev else [])
        clock[0] += 60_000
        made = entry_mod.create(who, net=net, seq=prev.seq + 1 if prev else 1, prev=prev.hash if prev else None,
                                deps=[d.hash for d in deps], lamport=1 + max(lamports[h] for h in parents),
                                ts=clock[0], type=entry_type, body=body)
        out[name] = {"canonical": made.raw.decode("utf-8"), "hash": made.hash, "signature": made.sig.hex()}
        if store:
            lamports[made.hash] = made.lamport
            heads[who.public_key_hex] = made
            names.append(name)
            held.append(made)
        return made

    key_f = field_team.public_key_hex
    admit = sign("x-admit-field", founder, "proposal.open", {
        "action": "member.add", "reason": "MSF runs the Dondo shelter",
        "body": {"key": key_f, "org": "MSF", "name": "MSF field team", "roles": ["field"]}})
    sign("x-item", member, "item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan",
                                           "category": "water", "cold_chain": False})
    sign("x-site", member, "site.define", {"site": "SHL-DONDO-1", "name": "Dondo school shelter", "kind": "shelter",
                                           "lat_e6": -19618000, "lon_e6": 34752000, "org": "MSF"})
    request = sign("x-request", member, "request.open", {
        "request": "REQ-7", "site": "SHL-DONDO-1", "item": "water-5l", "qty": 500, "priority": "high",
        "needed_by_ms": T0 + 86_400_000})
    dispatch = sign("x-dispatch", member, "shipment.dispatch", {
        "shipment": "SHP-002", "from_site": "WH-BEIRA", "to_site": "SHL-DONDO-1", "carrier": "WFP truck 9",
        "lines": [{"item": "water-5l", "lot": "WFP-W-0314", "qty": 300}], "requests": ["REQ-7"]})
    sign("x-position", field_team, "shipment.position", {"shipment": "SHP-002", "lat_e6": -19700000,
                                                         "lon_e6": 34800000, "at_ms": T0 + 1_000_000},
         deps=(admit, dispatch))
    sign("x-deliver", member, "shipment.deliver", {
        "shipment": "SHP-002", "lines": [{"item": "water-5l", "lot": "WFP-W-0314", "qty": 280,
                                          "reason": "20 jerrycans crushed"}]})
    distribution = sign("x-distribute", field_team, "stock.distribute", {
        "site": "SHL-DONDO-1", "item": "water-5l", "lot": "WFP-W-0314", "qty": 100, "beneficiaries": 25,
        "request": "REQ-7"}, deps=(heads[member.public_key_hex],))
    sign("x-road", field_team, "road.status", {"road": "N6-DONDO", "name": "N6 Beira-Dondo", "status": "restricted",
                                               "path": [[-19830000, 34840000], [-19610000, 34740000]],
                                               "note": "one lane open"})
    sign("x-request-again", member, "request.open", {
        "request": "REQ-7", "site": "SHL-DONDO-1", "item": "water-5l", "qty": 50, "priority": "low",
        "needed_by_ms": T0 + 86_400_000}, deps=(request,))
    sign("x-overdraw", field_team, "stock.distribute", {
        "site": "SHL-DONDO-1", "item": "water-5l", "lot": "WFP-W-0314", "qty": 500, "beneficiaries": 120})
    sign("x-correct", founder, "proposal.open", {
        "action": "record.correct", "reason": "Tally sheet recount",
        "body": {"target": distribution.hash, "reason": "10 jerrycans went back to stock",
                 "set": {"qty": 90, "beneficiaries": 22}}}, deps=(distribution,))
    source = "def allocate(snapshot, params):\n    return []\n"
    deploy = sign("x-deploy", founder, "proposal.open", {
        "action": "contract.deploy", "reason": "Fair-share allocation for the exercise",
        "body": {"contract": "fair-share", "version": 1, "runtime": "starlark-subset/1", "source": source}})
    allocations = [{"from_site": "WH-BEIRA", "request": "REQ-7", "item": "water-5l", "lot": "WFP-W-0314",
                    "qty": 120}]
    sign("x-run", member, "allocation.run", {
        "contract": "fair-share", "version": 1, "params": {"reserve": 0},
        "input_digest": hashlib.sha256(b"vector input").hexdigest(), "allocations": allocations,
        "output_digest": hashlib.sha256(canonical.encode(allocations)).hexdigest()}, deps=(deploy,))
    sign("x-policy", founder, "proposal.open", {
        "action": "policy.set", "reason": "Adjustments need two approvers from now on",
        "body": {"action": "stock.adjust", "policy": {"quorum": 2, "roles": ["commander", "admin"],
                                                      "expiry_ms": 3_600_000}}})
    rejected = sign("x-adjust-open", member, "proposal.open", {
        "action": "stock.adjust", "reason": "Count after the deliveries",
        "body": {"site": "SHL-DONDO-1", "item": "water-5l", "lot": "WFP-W-0314", "delta": 5, "reason": "found 5"}},
        deps=(heads[founder.public_key_hex],))
    sign("x-adjust-reject", founder, "proposal.reject", {"proposal": rejected.hash,
                                                         "comment": "Count again with MSF present"},
         deps=(rejected,))
    withdrawn = sign("x-adjust-second", member, "proposal.open", {
        "action": "stock.adjust", "reason": "Second count",
        "body": {"site": "SHL-DONDO-1", "item": "water-5l", "lot": "WFP-W-0314", "delta": 3, "reason": "found 3"}},
        deps=(heads[founder.public_key_hex],))
    sign("x-adjust-withdraw", member, "proposal.withdraw", {"proposal": withdrawn.hash, "comment": "miscounted"})
    sign("x-self-approve", member, "proposal.approve", {"proposal": withdrawn.hash}, deps=(withdrawn,))
    # the field team's key is cloned: two different entries as seq 7; the replica keeps the second as evidence
    fork_base = heads[key_f]
    sign("x-road-fork-a", field_team, "road.status", {"road": "N6-DONDO", "name": "N6 Beira-Dondo", "status": "open",
                                                      "path": [[-19830000, 34840000], [-19610000, 34740000]]})
    heads[key_f] = fork_base
    evidence = sign("x-road-fork-b", field_team, "road.status", {
        "road": "N6-DONDO", "name": "N6 Beira-Dondo", "status": "closed",
        "path": [[-19830000, 34840000], [-19610000, 34740000]]}, store=False)
    state = fold(sorted(held, key=lambda e: e.key), equivocators={key_f: evidence.seq})
    ineffective = ["x-self-approve", "x-road-fork-a"]
    out["state-digest-every-table"] = {
        "entries": ", ".join(["genesis", "member-proposal", "stock-receive", "shipment-dispatch", "shipment-handover",
                              "adjust-proposal", "adjust-approval"] + names),
        "evidence": "x-road-fork-b",
        "ineffective": "; ".join(f"{n} {state.tables['ineffective'][out[n]['hash']]['code']}" for n in ineffective
                                 if out[n]["hash"] in state.tables["ineffective"]),
        "tables": table_digests(state),
        "digest": state.digest()}
    return out


EDGE_SEEDS = {"e-commander-two-key": "relief-ledger test vector commander two",
              "e-commander-three-key": "relief-ledger test vector commander three",
              "e-commander-four-key": "relief-ledger test vector commander four",
              "e-trainer-key": "relief-ledger test vector trainer",
              "e-tracker-key": "relief-ledger test vector tracker"}
BIG = 1_000_000_000_000                                          # the largest quantity of one line


def edge_vectors(founder: Identity, member: Identity) -> dict[str, dict[str, str]]:
    """A second network whose ledger reaches the rules the first ones leave alone (FORMAT.md §10, "Edge cases").

    Every scenario here makes one rule visible in the digest: an implementation that skips or bends it
    reaches another digest. The entries are chained (each lists the previous one in `deps`), so the total
    order is the order written here, except for the one concurrent entry (`e-late-vote`).
    """
    out: dict[str, dict[str, str]] = {}
    who: dict[str, Identity] = {}
    for name, seed in EDGE_SEEDS.items():
        who[name] = Identity.from_seed(seed.encode())
        out[name] = {"seed": seed, "private_key": hashlib.sha256(seed.encode()).hexdigest(),
                     "public_key": who[name].public_key_hex, "fingerprint": who[name].fingerprint}
    c2, c3, c4 = who["e-commander-two-key"], who["e-commander-three-key"], who["e-commander-four-key"]
    trainer, tracker = who["e-trainer-key"], who["e-tracker-key"]
    logistics, field_team = member, Identity.from_seed(FIELD_SEED.encode())
    # organisation names outside ASCII: a full-width name (U+FF37...) and one with a character beyond the
    # BMP (U+20BB7) put the `clock` keys where code-point order and UTF-16 order disagree (§1)
    wide, astral = "\uff37\uff26\uff30", "\U00020bb7\u7530\u6551\u63f4\u4f1a"
    red_cross = "Cruz Vermelha de Mo\u00e7ambique"
    genesis = entry_mod.create(founder, net=None, seq=1, prev=None, deps=[], lamport=1, ts=T0, type="genesis", body={
        "name": "Manica exercise", "kind": "exercise",
        "policies": {"member.update": {"expiry_ms": 60_000}, "stock.adjust": {"quorum": 2, "distinct_orgs": True}},
        "members": [
            {"key": founder.public_key_hex, "org": "INGD", "name": "EOC Chimoio", "roles": ["admin", "commander"]},
            {"key": c2.public_key_hex, "org": wide, "name": "WFP duty officer", "roles": ["commander"]},
            {"key": c3.public_key_hex, "org": astral, "name": "Yoshida relief desk", "roles": ["commander"]},
            {"key": c4.public_key_hex, "org": "INGD", "name": "INGD deputy", "roles": ["commander"]},
            {"key": logistics.public_key_hex, "org": red_cross, "name": "CVM logistics", "roles": ["logistics"]},
            {"key": field_team.public_key_hex, "org": "MSF", "name": "MSF Manica team", "roles": ["field"]},
            {"key": trainer.public_key_hex, "org": "INGD", "name": "Exercise control", "roles": ["trainer"]},
            {"key": tracker.public_key_hex, "org": red_cross, "name": "CVM truck 3 tracker", "roles": ["device"]}]})
    out["e-genesis"] = {"canonical": genesis.raw.decode("utf-8"), "hash": genesis.hash,
                        "signature": genesis.sig.hex()}
    net = genesis.hash
    names = ["e-genesis"]
    held: list[entry_mod.Entry] = [genesis]
    heads: dict[str, entry_mod.Entry] = {founder.public_key_hex: genesis}
    last = [genesis]
    clock = [T0]

    def sign(name: str, author: Identity, entry_type: str, body: dict, deps: tuple[entry_mod.Entry, ...] = (),
             ts: int | None = None, chained: bool = True) -> entry_mod.Entry:
        prev = heads.get(author.public_key_hex)
        listed = [d for d in deps] + ([last[0]] if chained else [])
        listed = [d for d in listed if prev is None or d.hash != prev.hash]
        parents = listed + ([prev] if prev else [])
        clock[0] += 60_000
        made = entry_mod.create(author, net=net, seq=prev.seq + 1 if prev else 1, prev=prev.hash if prev else None,
                                deps=[d.hash for d in listed], lamport=1 + max(p.lamport for p in parents),
                                ts=clock[0] if ts is None else ts, type=entry_type, body=body)
        out[name] = {"canonical": made.raw.decode("utf-8"), "hash": made.hash, "signature": made.sig.hex()}
        heads[author.public_key_hex] = made
        names.append(name)
        held.append(made)
        if chained:
            last[0] = made
        return made

    def countersign(shipment: str, giver: Identity, receiver: Identity, index: int) -> str:
        return countersign_code(receiver, net, shipment, giver.public_key_hex, index)

    water = "water-5l"
    # over-draw carried and closed; delivery discrepancies; custody refusals; a cancelled request
    sign("e-receive-a", logistics, "stock.receive", {"site": "WH-CHIMOIO", "item": water, "lot": "CHI-A",
                                                     "qty": 1000, "source": "WFP"})
    sign("e-receive-b", logistics, "stock.receive", {"site": "WH-CHIMOIO", "item": water, "lot": "CHI-B",
                                                     "qty": 100, "source": "WFP"})
    sign("e-dispatch", logistics, "shipment.dispatch", {
        "shipment": "SHP-10", "from_site": "WH-CHIMOIO", "to_site": "SHL-MANICA", "carrier": "CVM truck 3",
        "lines": [{"item": water, "lot": "CHI-A", "qty": 200}, {"item": water, "lot": "CHI-B", "qty": 50}]})
    sign("e-handover", logistics, "shipment.handover", {
        "shipment": "SHP-10", "to": field_team.public_key_hex, "index": 0,
        "receiver_sig": countersign("SHP-10", logistics, field_team, 0)})
    sign("e-handover-not-holder", logistics, "shipment.handover", {
        "shipment": "SHP-10", "to": founder.public_key_hex, "index": 1,
        "receiver_sig": countersign("SHP-10", logistics, founder, 1)})
    sign("e-deliver", field_team, "shipment.deliver", {"shipment": "SHP-10", "lines": [
        {"item": water, "lot": "CHI-A", "qty": 150, "reason": "bags torn"},
        {"item": water, "lot": "CHI-A", "qty": 30, "reason": "counted again at the gate"},
        {"item": water, "lot": "CHI-B", "qty": 40, "reason": "wet"},
        {"item": water, "lot": "CHI-B", "qty": 0}]})
    sign("e-handover-delivered", field_team, "shipment.handover", {
        "shipment": "SHP-10", "to": founder.public_key_hex, "index": 1,
        "receiver_sig": countersign("SHP-10", field_team, founder, 1)})
    overdraw = sign("e-distribute-over", field_team, "stock.distribute", {
        "site": "SHL-MANICA", "item": water, "lot": "CHI-A", "qty": 200, "beneficiaries": 50})
    sign("e-request", field_team, "request.open", {"request": "REQ-9", "site": "SHL-MANICA", "item": water,
                                                   "qty": 100, "priority": "normal", "needed_by_ms": T0 + 86_400_000})
    sign("e-cancel", field_team, "request.cancel", {"request": "REQ-9", "reason": "families moved to Manica school"})
    sign("e-distribute-cancelled", field_team, "stock.distribute", {
        "site": "SHL-MANICA", "item": water, "lot": "CHI-A", "qty": 30, "beneficiaries": 8, "request": "REQ-9"})
    sign("e-receive-close", field_team, "stock.receive", {"site": "SHL-MANICA", "item": water, "lot": "CHI-A",
                                                          "qty": 100, "source": "CVM"})
    sign("e-trainer-road", trainer, "road.status", {"road": "EN6-MANICA", "name": "EN6 Chimoio-Manica",
                                                    "status": "closed", "path": [[-19116000, 33483000],
                                                                                 [-18936000, 32875000]]})
    # ten dispatches of 100 lines of 10^12 take one balance to exactly -10^15; the eleventh is out of range
    for n in range(1, 11):
        sign(f"e-big-{n:02d}", logistics, "shipment.dispatch", {
            "shipment": f"SHP-B{n:02d}", "from_site": "WH-CHIMOIO", "to_site": "SHL-MANICA", "carrier": "paper trail",
            "lines": [{"item": water, "lot": "BIG-1", "qty": BIG}] * 100})
    sign("e-big-11", logistics, "shipment.dispatch", {
        "shipment": "SHP-B11", "from_site": "WH-CHIMOIO", "to_site": "SHL-MANICA", "carrier": "paper trail",
        "lines": [{"item": water, "lot": "BIG-2", "qty": 5}, {"item": water, "lot": "BIG-1", "qty": 1}]})
    # governance time: a proposal with a one-minute expiry; one organisation's clock far ahead does not expire it
    t1 = clock[0] + 60_000
    expiring = sign("e-expiring", founder, "proposal.open", {
        "action": "member.update", "reason": "Rename the exercise control cell",
        "body": {"key": trainer.public_key_hex, "name": "Exercise control cell"}}, ts=t1)
    clock[0] = t1
    sign("e-clock-ahead", c2, "proposal.approve", {"proposal": expiring.hash}, deps=(expiring,),
         ts=t1 + 10 * 86_400_000)
    late = sign("e-late-approve", c3, "proposal.approve", {"proposal": expiring.hash}, deps=(expiring,),
                ts=t1 + 120_000)
    clock[0] = t1 + 120_000
    # pins that need two settling rounds (§9.3): the tracker's revocation is decided only by a vote that the
    # other revocation pins away
    position = {"shipment": "SHP-10", "lat_e6": -19000000, "lon_e6": 33100000, "at_ms": T0 + 5_000_000}
    first_fix = sign("e-position", tracker, "shipment.position", position)
    revoke_tracker = sign("e-revoke-tracker", c4, "proposal.open", {
        "action": "member.revoke", "reason": "Tracker reported stolen",
        "body": {"key": tracker.public_key_hex, "reason": "reported stolen", "seq": 1, "head": first_fix.hash}},
        deps=(first_fix,))
    sign("e-late-vote", c3, "proposal.approve", {"proposal": revoke_tracker.hash}, deps=(revoke_tracker,),
         chained=False)
    revoke_c3 = sign("e-revoke-commander", founder, "proposal.open", {
        "action": "member.revoke", "reason": "Yoshida desk laptop compromised",
        "body": {"key": c3.public_key_hex, "reason": "laptop compromised", "seq": 1, "head": late.hash}},
        deps=(late,))
    sign("e-approve-tracker", c2, "proposal.approve", {"proposal": revoke_tracker.hash}, deps=(revoke_tracker,))
    sign("e-approve-revoke-1", c4, "proposal.approve", {"proposal": revoke_c3.hash}, deps=(revoke_c3,))
    sign("e-approve-revoke-2", c2, "proposal.approve", {"proposal": revoke_c3.hash}, deps=(revoke_c3,))
    # shipment positions: an equal at_ms replaces, an older one does not
    sign("e-position-same", tracker, "shipment.position", {**position, "lat_e6": -18990000})
    sign("e-position-older", tracker, "shipment.position", {**position, "lat_e6": -19200000,
                                                            "at_ms": position["at_ms"] - 600_000})
    # a field team may open proposals, but not for member.add under the default rule
    sign("e-not-proposer", field_team, "proposal.open", {
        "action": "member.add", "reason": "Our second team",
        "body": {"key": hashlib.sha256(b"msf second team").hexdigest(), "org": "MSF", "name": "MSF team 2",
                 "roles": ["field"]}})
    # distinct organisations, and an approved action that would leave the quantity bound
    adjust = sign("e-adjust", logistics, "proposal.open", {
        "action": "stock.adjust", "reason": "Count at the warehouse",
        "body": {"site": "WH-CHIMOIO", "item": water, "lot": "BIG-1", "delta": -1, "reason": "one jerrycan missing"}})
    sign("e-adjust-ingd-1", founder, "proposal.approve", {"proposal": adjust.hash}, deps=(adjust,))
    sign("e-adjust-ingd-2", c4, "proposal.approve", {"proposal": adjust.hash}, deps=(adjust,))
    sign("e-adjust-wfp", c2, "proposal.approve", {"proposal": adjust.hash}, deps=(adjust,))
    # a rejection: the proposer is eligible but never counts among those who could still approve
    correct = sign("e-correct", founder, "proposal.open", {
        "action": "record.correct", "reason": "Tally recount",
        "body": {"target": overdraw.hash, "reason": "five families counted twice", "set": {"beneficiaries": 45}}},
        deps=(overdraw,))
    sign("e-correct-reject", c2, "proposal.reject", {"proposal": correct.hash,
                                                     "comment": "Recount with MSF present"}, deps=(correct,))
    # a lot holds one item; the workflow's refusals of a vote; a member update; a contract and its versions
    sign("e-lot-item", logistics, "stock.receive", {"site": "WH-CHIMOIO", "item": "rice-25kg", "lot": "CHI-A",
                                                    "qty": 10, "source": "WFP"})
    sign("e-vote-again", c2, "proposal.approve", {"proposal": revoke_tracker.hash}, deps=(revoke_tracker,))
    sign("e-vote-logistics", logistics, "proposal.approve", {"proposal": revoke_tracker.hash},
         deps=(revoke_tracker,))
    sign("e-vote-unknown", c4, "proposal.approve", {"proposal": out_hash(out, "e-not-proposer", held).hash},
         deps=(out_hash(out, "e-not-proposer", held),))
    # member.update expires after a minute here: the votes carry the proposal's own ts
    t2 = clock[0] + 60_000
    update = sign("e-update", founder, "proposal.open", {
        "action": "member.update", "reason": "The CVM desk also runs the warehouse",
        "body": {"key": logistics.public_key_hex, "name": "CVM logistics desk",
                 "roles": ["logistics", "field"]}}, ts=t2)
    sign("e-update-self", logistics, "proposal.approve", {"proposal": update.hash}, deps=(update,), ts=t2)
    sign("e-update-approve-1", c2, "proposal.approve", {"proposal": update.hash}, deps=(update,), ts=t2)
    sign("e-update-approve-2", c4, "proposal.approve", {"proposal": update.hash}, deps=(update,), ts=t2)
    clock[0] = t2
    source = "def allocate(snapshot, params):\n    return []\n"
    deploy = sign("e-deploy", founder, "proposal.open", {
        "action": "contract.deploy", "reason": "Fair share for the exercise",
        "body": {"contract": "fair-share", "version": 1, "runtime": "starlark-subset/1", "source": source}})
    sign("e-deploy-1", c2, "proposal.approve", {"proposal": deploy.hash}, deps=(deploy,))
    sign("e-deploy-2", c4, "proposal.approve", {"proposal": deploy.hash}, deps=(deploy,))
    sign("e-run-v2", logistics, "allocation.run", {
        "contract": "fair-share", "version": 2, "params": {}, "input_digest": hashlib.sha256(b"v2").hexdigest(),
        "allocations": [], "output_digest": hashlib.sha256(canonical.encode([])).hexdigest()})
    redeploy = sign("e-redeploy", founder, "proposal.open", {
        "action": "contract.deploy", "reason": "Deploy again",
        "body": {"contract": "fair-share", "version": 1, "runtime": "starlark-subset/1", "source": source}})
    sign("e-redeploy-1", c2, "proposal.approve", {"proposal": redeploy.hash}, deps=(redeploy,))
    sign("e-redeploy-2", c4, "proposal.approve", {"proposal": redeploy.hash}, deps=(redeploy,))
    state = fold(sorted(held, key=lambda e: e.key))
    marked = ["e-handover-not-holder", "e-handover-delivered", "e-big-11", "e-late-approve", "e-late-vote",
              "e-not-proposer", "e-vote-again", "e-vote-logistics", "e-vote-unknown", "e-update-self", "e-run-v2"]
    ineffective = state.tables["ineffective"]
    out["state-digest-edge"] = {
        "entries": ", ".join(names),
        "ineffective": "; ".join(f"{n} {ineffective[out[n]['hash']]['code']}" for n in marked
                                 if out[n]["hash"] in ineffective),
        "tables": table_digests(state),
        "digest": state.digest()}
    run = entry_mod.create(trainer, net=net, seq=2, prev=out["e-trainer-road"]["hash"], deps=[last[0].hash],
                           lamport=last[0].lamport + 1, ts=clock[0] + 60_000, type="allocation.run", body={
                               "contract": "fair-share", "version": 1, "params": {},
                               "input_digest": hashlib.sha256(b"exercise input").hexdigest(), "allocations": [],
                               "output_digest": hashlib.sha256(canonical.encode([])).hexdigest()})
    tried = fold(sorted(held + [run], key=lambda e: e.key))
    out["reject-trainer-run"] = {"entries": ", ".join(names), **_entry_vector(run),
                                 "code": tried.tables["ineffective"][run.hash]["code"]}

    # exercise control (§9.5) continues the same exercise ledger: one signed minute is one exercise hour at x60
    sign("x-pause-early", trainer, "exercise.clock", {"action": "pause"})
    sign("x-start", trainer, "exercise.clock", {"action": "start", "scenario_ms": 1_800_000, "speed": 60})
    release = sign("x-inject", trainer, "exercise.inject", {
        "inject": "MNC-01", "cells": ["log-cluster", "field-team"], "kind": "request_opened",
        "content": "Manica shelter asks for 500 jerrycans of water.", "due_ms": 3_600_000,
        "sites": ["SHL-MANICA"], "items": [water]})
    sign("x-ack-logistics", logistics, "exercise.ack",
         {"inject": "MNC-01", "release": release.hash, "cell": "log-cluster"}, deps=(release,))
    sign("x-pause", trainer, "exercise.clock", {"action": "pause"})
    sign("x-jump-back", trainer, "exercise.clock", {"action": "jump", "scenario_ms": 0})
    sign("x-jump", trainer, "exercise.clock", {"action": "jump", "scenario_ms": 36_000_000})
    sign("x-resume", trainer, "exercise.clock", {"action": "resume"})
    sign("x-speed", trainer, "exercise.clock", {"action": "speed", "speed": 30})
    sign("x-ack-field", field_team, "exercise.ack",
         {"inject": "MNC-01", "release": release.hash, "cell": "field-team"}, deps=(release,))
    sign("x-ack-again", logistics, "exercise.ack",
         {"inject": "MNC-01", "release": release.hash, "cell": "log-cluster"}, deps=(release,))
    sign("x-ack-stranger", field_team, "exercise.ack",
         {"inject": "MNC-01", "release": release.hash, "cell": "medical"}, deps=(release,))
    sign("x-inject-again", trainer, "exercise.inject", {
        "inject": "MNC-01", "cells": ["field-team"], "kind": "message", "content": "Second wording.",
        "due_ms": 3_600_000})
    exercised = fold(sorted(held, key=lambda e: e.key))
    out["state-digest-exercise"] = {"entries": ", ".join(names), "tables": table_digests(exercised),
                                    "digest": exercised.digest()}
    return out


def out_hash(out: dict[str, dict[str, str]], name: str, held: list[entry_mod.Entry]) -> entry_mod.Entry:
    """The held entry a vector names (to refer to it again further down a ledger)."""
    return next(e for e in held if e.hash == out[name]["hash"])


def render(name: str, fields: dict[str, str]) -> str:
    lines = [f"```vector name={name}"] + [f"{key}: {value}" for key, value in fields.items()] + ["```"]
    return "\n".join(lines)


if __name__ == "__main__":
    for vector_name, vector_fields in vectors().items():
        print(render(vector_name, vector_fields))
        print()
