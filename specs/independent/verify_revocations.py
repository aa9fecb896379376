#!/usr/bin/env python3
"""Clean-room verifier for the Greenlight revocation lists (specification section 16).

Written from specs/greenlight-v1.md (sections 3, 5, 9, 13, 15, 16), specs/README.md,
specs/independent/README.md and the JSON files in specs/vectors/ only; no Java source and
no earlier revocation script was read. It reuses the P-256 arithmetic and PEM loader of
verify_vectors.py and the JWS profile of verify_trust_lists.py (both clean-room).
Standard library only.

Runs every case of ../vectors/revocations.json (and checks each list's stated payload
against its JWS), prints one line per mismatch and a final "N passed, M failed"; exit
status 1 on any failure.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_vectors as vv  # noqa: E402
import verify_trust_lists as tl  # noqa: E402  (the JWS profile shared by sections 15 and 16)

MAX_TEXT_CHARS = 50_331_648  # 48 MiB (16.1)
REVOCATIONS_TYP = "greenlight-revocations+jws"
MAX_SERIALS = 4_194_304  # per list: sum of declared counts (16.2); per chain: distinct pairs (16.3)
MAX_KEY_IDS = 65_536  # key count K and group count G (16.2)
U64_MAX = 2 ** 64 - 1


class Refused(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


# ---------------------------------------------------------------------------
# 16.1: the envelope.
# ---------------------------------------------------------------------------
def open_envelope(text, root_key):
    """16.1, in its order: size, profile and signature, then the value of typ."""
    text = tl.strip_line_end(text)  # one trailing LF or CR LF (16.1, as 15.3)
    if tl.utf16_len(text) > MAX_TEXT_CHARS:  # counted as in 15.3 step 1, before decoding
        raise Refused("TOO_LARGE", "text over 48 MiB")
    try:
        header, payload = tl.verify_compact_jws(text, root_key)
    except tl.JwsError as e:
        raise Refused("BAD_SIGNATURE", str(e))
    if header["typ"] != REVOCATIONS_TYP:  # signed by the root, but another document type
        raise Refused("WRONG_TYPE", "typ %r" % header["typ"])
    return payload


# ---------------------------------------------------------------------------
# 16.2: the binary payload.
# ---------------------------------------------------------------------------
class _Reader:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def remaining(self):
        return len(self.d) - self.i

    def take(self, n, what):
        if self.remaining() < n:
            raise Refused("MALFORMED", "%s runs past the payload" % what)
        b = self.d[self.i:self.i + n]
        self.i += n
        return b

    def uint(self, n, what):
        return int.from_bytes(self.take(n, what), "big")


def decode_rice(stream, count, k):
    """The serials of one group: 'count' Rice-coded gaps with parameter k, MSB first."""
    total_bits = 8 * len(stream)
    pos = 0

    def bit():
        nonlocal pos
        if pos >= total_bits:
            raise Refused("MALFORMED", "stream ends before %d serials" % count)
        b = (stream[pos >> 3] >> (7 - (pos & 7))) & 1
        pos += 1
        return b

    serials = []
    prev = None
    for i in range(count):
        q = 0
        while bit() == 1:
            q += 1
        low = 0
        for _ in range(k):
            low = (low << 1) | bit()
        g = (q << k) | low
        if i == 0:
            s = g
        else:
            if g == 0:
                raise Refused("MALFORMED", "gap 0: a repeated serial")
            s = prev + g
        if s > U64_MAX:
            raise Refused("MALFORMED", "serial past 2^64 - 1")
        serials.append(s)
        prev = s
    # Nothing but zero padding in the last byte may follow.
    if (pos + 7) // 8 != len(stream):
        raise Refused("MALFORMED", "bytes left after the serials")
    if pos < total_bits and stream[-1] & ((1 << (total_bits - pos)) - 1):
        raise Refused("MALFORMED", "padding bits set")
    return serials


def parse_payload(payload):
    """16.2, in the reader's order; the first failure gives the reason."""
    r = _Reader(payload)
    version = r.uint(1, "version")
    if version != 0x01:
        raise Refused("MALFORMED", "version %d" % version)
    kind = r.uint(1, "kind")
    if kind not in (0, 1):
        raise Refused("MALFORMED", "kind %d" % kind)
    seq = r.uint(8, "sequence")
    if seq >= 2 ** 63:
        raise Refused("MALFORMED", "sequence not below 2^63")
    issued = r.uint(4, "issued at")
    base = previous = None
    if kind == 1:
        base = r.uint(8, "base")
        previous = r.uint(8, "previous")
        if not (base <= previous < seq):
            raise Refused("MALFORMED", "not base <= previous < sequence")
    kcount = r.uint(4, "key count")
    if kcount > MAX_KEY_IDS:
        raise Refused("TOO_LARGE", "more than 65,536 key ids")
    if 4 * kcount > r.remaining():
        raise Refused("MALFORMED", "key ids run past the payload")
    keys = []
    for _ in range(kcount):
        kid = r.uint(4, "key id")
        if keys and kid <= keys[-1]:
            raise Refused("MALFORMED", "key ids not strictly increasing")
        keys.append(kid)
    gcount = r.uint(4, "group count")
    if gcount > MAX_KEY_IDS:
        raise Refused("TOO_LARGE", "more than 65,536 groups")
    if 13 * gcount > r.remaining():  # a group is at least 4 + 4 + 1 + 4 bytes
        raise Refused("MALFORMED", "groups run past the payload")
    groups = {}
    last_gid = None
    total = 0  # sum of the declared counts c over this list's groups so far
    for _ in range(gcount):
        gid = r.uint(4, "group key id")
        if last_gid is not None and gid <= last_gid:
            raise Refused("MALFORMED", "group key ids not strictly increasing")
        last_gid = gid
        c = r.uint(4, "serial count")
        k = r.uint(1, "Rice parameter")
        length = r.uint(4, "stream length")
        if c == 0:
            raise Refused("MALFORMED", "serial count 0")
        if k > 63:
            raise Refused("MALFORMED", "Rice parameter above 63")
        total += c
        if total > MAX_SERIALS:
            raise Refused("TOO_LARGE", "more than 4,194,304 serials")
        if length > r.remaining():
            raise Refused("MALFORMED", "stream runs past the payload")
        if c * (k + 1) > 8 * length:  # each serial costs at least k + 1 bits
            raise Refused("MALFORMED", "%d serials cannot fit in %d bytes" % (c, length))
        groups[gid] = decode_rice(r.take(length, "stream"), c, k)
    if r.remaining():
        raise Refused("MALFORMED", "bytes after the last group")
    return {"kind": kind, "sequence": seq, "issuedAt": issued, "base": base, "previous": previous,
            "keys": keys, "groups": groups, "declaredSerials": total}


# ---------------------------------------------------------------------------
# 16.3 and 16.4: chains and rollback.
# ---------------------------------------------------------------------------
def load_chain(texts, root_key, highest_accepted=None, recorded_digest=None):
    """16.3 and 16.4. highest_accepted and recorded_digest are the device's record (the highest
    sequence it accepted and the SHA-256 hex of that chain's last list's text; either may be None)."""
    # 1. Every list is read, in chain order, under 16.1 and 16.2: the first refusal wins,
    #    even when an earlier list would break the chain.
    docs = [parse_payload(open_envelope(text, root_key)) for text in texts]
    # 2. The chain, delta by delta: its WRONG_BASE checks, then the serial cap of the union.
    revoked_keys = set()
    revoked_serials = set()
    base_seq = prev_seq = None
    for idx, doc in enumerate(docs):
        if idx == 0:
            if doc["kind"] != 0:
                raise Refused("WRONG_BASE", "chain starts with a delta")
            base_seq = doc["sequence"]
        else:
            if doc["kind"] != 1:
                raise Refused("WRONG_BASE", "a base after the first list")
            if doc["base"] != base_seq or doc["previous"] != prev_seq:
                raise Refused("WRONG_BASE", "delta base %d previous %d after base %d, list %d"
                              % (doc["base"], doc["previous"], base_seq, prev_seq))
        prev_seq = doc["sequence"]
        revoked_keys.update(doc["keys"])
        for gid, serials in doc["groups"].items():
            revoked_serials.update((gid, s) for s in serials)
        if len(revoked_serials) > MAX_SERIALS:  # distinct (key id, serial) pairs in force
            raise Refused("TOO_LARGE", "the chain holds more than 4,194,304 serials")
    # 3. Rollback (16.4): a lower last sequence; the same sequence with another digest.
    if highest_accepted is not None:
        if prev_seq < highest_accepted:
            raise Refused("ROLLBACK", "last sequence %d below %d" % (prev_seq, highest_accepted))
        if (prev_seq == highest_accepted and recorded_digest is not None
                and tl.list_digest(texts[-1]) != recorded_digest):
            raise Refused("ROLLBACK", "sequence %d with another digest" % prev_seq)
    return {"sequence": prev_seq, "keys": revoked_keys, "serials": revoked_serials,
            "digest": tl.list_digest(texts[-1])}


def is_revoked(chain, key_id, serial):
    return key_id in chain["keys"] or (key_id, serial) in chain["serials"]


# ---------------------------------------------------------------------------
# Vector runner.
# ---------------------------------------------------------------------------
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "vectors", "revocations.json"), encoding="utf-8") as f:
        doc = json.load(f)

    root_doc = doc["root"]
    root = vv.load_key_spki_pem(root_doc["publicKeyPem"], "root")
    if root.key_id.hex() != root_doc["keyId"] or vv.scalar_mult(int(root_doc["privateScalar"], 16), vv.G) != root.point:
        print("setup: root key inconsistent")

    passed = failed = 0
    lines = []

    # Each list: its stated payload is the payload part of its JWS.
    for name, lst in doc["lists"].items():
        parts = lst["jws"].split(".")
        got = tl.b64url_strict(parts[1]) if len(parts) == 3 else None
        if got is None or got.hex() != lst["payload"]:
            lines.append("list %s: stated payload differs from the JWS payload part" % name)
            failed += 1
        else:
            passed += 1

    for case in doc["cases"]:
        cid = case["id"]
        exp = case["expected"]
        texts = [doc["lists"][n]["jws"] for n in case["lists"]]
        ok = True
        try:
            chain = load_chain(texts, root, case.get("highestAccepted"))
        except Refused as e:
            if exp["result"] != "refused" or exp["reason"] != e.reason:
                lines.append("%s: expected %s, got refused %s (%s)" % (cid, json.dumps(exp)[:80], e.reason, e.detail))
                ok = False
        else:
            if exp["result"] != "accepted":
                lines.append("%s: expected refused %s, got accepted" % (cid, exp.get("reason")))
                ok = False
            else:
                got = (chain["sequence"], len(chain["serials"]), len(chain["keys"]))
                want = (exp["sequence"], exp["serialCount"], exp["keyCount"])
                if got != want:
                    lines.append("%s: (sequence, serialCount, keyCount) %s, expected %s" % (cid, got, want))
                    ok = False
                for chk in exp["checks"]:
                    r = is_revoked(chain, int(chk["keyId"], 16), int(chk["serial"], 16))
                    if r != chk["revoked"]:
                        lines.append("%s: %s/%s revoked %s, expected %s"
                                     % (cid, chk["keyId"], chk["serial"], r, chk["revoked"]))
                        ok = False
        # 16.4, same sequence with another digest (the vectors' highestAccepted is a bare
        # sequence): for the case that states "not a rollback", also check the digest rule
        # both ways with a record of its own last list and of another list.
        if ok and exp["result"] == "accepted" and case.get("highestAccepted") == exp["sequence"]:
            try:
                load_chain(texts, root, exp["sequence"], tl.list_digest(texts[-1]))
            except Refused as e:
                lines.append("%s: refused %s with its own digest recorded" % (cid, e.reason))
                ok = False
            other = tl.list_digest(texts[0] + "x")
            try:
                load_chain(texts, root, exp["sequence"], other)
                lines.append("%s: accepted with another digest recorded for its sequence" % cid)
                ok = False
            except Refused as e:
                if e.reason != "ROLLBACK":
                    lines.append("%s: %s with another digest recorded, expected ROLLBACK" % (cid, e.reason))
                    ok = False
        if ok:
            passed += 1
        else:
            failed += 1

    for line in lines:
        print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
