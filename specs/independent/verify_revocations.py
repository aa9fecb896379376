#!/usr/bin/env python3
"""Clean-room check of specs/vectors/revocations.json against section 16 of the specification.

Written from the specification text, not from the Java code; reuses only the curve arithmetic and
key loading of verify_vectors.py. Prints one line per mismatch, then "N passed, M failed".
"""
import base64
import json
import os
import re
import sys

import hashlib

from verify_vectors import (HALF_N, N, G, INFINITY, KeyError_, load_key_spki_pem, scalar_mult_add)

TYPE = "greenlight-revocations+jws"
MAX_TEXT = 48 << 20
MAX_SERIALS = 4_194_304
MAX_KEYS = 65_536


class Refused(Exception):
    def __init__(self, reason, why):
        super().__init__("%s: %s" % (reason, why))
        self.reason = reason


def b64url(part):
    if not re.fullmatch(r"[A-Za-z0-9_-]+", part) or len(part) % 4 == 1:
        raise Refused("BAD_SIGNATURE", "not unpadded base64url")
    raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != part:
        raise Refused("BAD_SIGNATURE", "non-canonical base64url")
    return raw


def es256_valid(key, message, sig):
    # RFC 7518 ES256: raw r||s; JWS accepts either s, so a high s is mirrored (same validity).
    if len(sig) != 64:
        return False
    r, s = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
    if not (1 <= r < N and 1 <= s < N):
        return False
    if s > HALF_N:
        s = N - s
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")
    w = pow(s, -1, N)
    R = scalar_mult_add(e * w % N, G, r * w % N, key.point)
    return R is not INFINITY and R[0] % N == r


def verify_list(text, root):
    """Section 16.1 then 16.2: the signature over the received text first, then the payload."""
    if len(text) > MAX_TEXT:
        raise Refused("TOO_LARGE", "text over 48 MiB")
    parts = text.split(".")
    if len(parts) != 3:
        raise Refused("BAD_SIGNATURE", "not three parts")
    header_raw, payload, sig = (b64url(p) for p in parts)
    try:
        header = json.loads(header_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused("BAD_SIGNATURE", "header is not JSON")
    if not isinstance(header, dict) or not set(header) <= {"alg", "typ", "kid"} or header.get("alg") != "ES256":
        raise Refused("BAD_SIGNATURE", "header outside the profile")
    if not es256_valid(root, (parts[0] + "." + parts[1]).encode("ascii"), sig):
        raise Refused("BAD_SIGNATURE", "signature")
    if header.get("typ") != TYPE:
        raise Refused("WRONG_TYPE", "typ %r" % header.get("typ"))
    return decode_payload(payload)


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise Refused("MALFORMED", "truncated")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return int.from_bytes(chunk, "big")


def decode_payload(data):
    rd = Reader(data)
    if rd.take(1) != 1:
        raise Refused("MALFORMED", "version")
    kind = rd.take(1)
    if kind not in (0, 1):
        raise Refused("MALFORMED", "kind")
    seq = rd.take(8)
    if seq >= 1 << 63:
        raise Refused("MALFORMED", "sequence")
    rd.take(4)
    lst = {"delta": kind == 1, "sequence": seq, "base": seq, "previous": None}
    if kind == 1:
        lst["base"], lst["previous"] = rd.take(8), rd.take(8)
        if lst["base"] >= 1 << 63 or lst["previous"] >= 1 << 63 or not lst["base"] <= lst["previous"] < seq:
            raise Refused("MALFORMED", "base/previous")
    nkeys = rd.take(4)
    if nkeys > MAX_KEYS:
        raise Refused("TOO_LARGE", "keys")
    keys = [rd.take(4) for _ in range(nkeys)]
    if any(b <= a for a, b in zip(keys, keys[1:])):
        raise Refused("MALFORMED", "key ids not increasing")
    ngroups = rd.take(4)
    if ngroups > MAX_KEYS:
        raise Refused("TOO_LARGE", "groups")
    serials, total, last_kid = set(), 0, -1
    for _ in range(ngroups):
        kid, count, k, length = rd.take(4), rd.take(4), rd.take(1), rd.take(4)
        if kid <= last_kid or count == 0 or k > 63:
            raise Refused("MALFORMED", "group header")
        last_kid = kid
        total += count
        if total > MAX_SERIALS:
            raise Refused("TOO_LARGE", "serials")
        if rd.pos + length > len(data):
            raise Refused("MALFORMED", "truncated stream")
        stream = data[rd.pos:rd.pos + length]
        rd.pos += length
        bits = "".join(format(b, "08b") for b in stream)
        at, prev = 0, 0
        for i in range(count):
            q = 0
            while True:
                if at >= len(bits):
                    raise Refused("MALFORMED", "truncated serial")
                at += 1
                if bits[at - 1] == "0":
                    break
                q += 1
            if at + k > len(bits):
                raise Refused("MALFORMED", "truncated serial")
            gap = (q << k) | (int(bits[at:at + k], 2) if k else 0)
            at += k
            if i > 0 and gap == 0:
                raise Refused("MALFORMED", "repeated serial")
            prev = prev + gap
            if prev >= 1 << 64:
                raise Refused("MALFORMED", "serial past 2^64 - 1")
            serials.add((kid, prev))
        if len(bits) - at >= 8 or "1" in bits[at:]:
            raise Refused("MALFORMED", "bytes or bits after the last serial")
    if rd.pos != len(data):
        raise Refused("MALFORMED", "trailing bytes")
    lst["keys"], lst["serials"] = set(keys), serials
    return lst


def chain(lists, highest):
    """Section 16.3 and 16.4."""
    base = lists[0]
    if base["delta"]:
        raise Refused("WRONG_BASE", "first is a delta")
    keys, serials, last = set(base["keys"]), set(base["serials"]), base
    for d in lists[1:]:
        if not d["delta"] or d["base"] != base["sequence"] or d["previous"] != last["sequence"]:
            raise Refused("WRONG_BASE", "delta does not follow")
        keys |= d["keys"]
        serials |= d["serials"]
        if len(serials) > MAX_SERIALS:
            raise Refused("TOO_LARGE", "union")
        last = d
    if highest is not None and last["sequence"] < highest:
        raise Refused("ROLLBACK", "older than accepted")
    return last["sequence"], keys, serials


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "vectors", "revocations.json"), encoding="utf-8") as f:
        doc = json.load(f)
    root = load_key_spki_pem(doc["root"]["publicKeyPem"])
    passed = failed = 0
    for case in doc["cases"]:
        exp = case["expected"]
        try:
            texts = [doc["lists"][name]["jws"] for name in case["lists"]]
            seq, keys, serials = chain([verify_list(t, root) for t in texts], case.get("highestAccepted"))
            got = "accepted"
        except Refused as ex:
            got, reason = "refused", ex.reason
        except (KeyError_, ValueError) as ex:
            print("%s: exception %r" % (case["id"], ex))
            failed += 1
            continue
        problems = []
        if got != exp["result"]:
            problems.append("expected %s, got %s" % (exp["result"], got))
        elif got == "refused" and reason != exp["reason"]:
            problems.append("expected %s, got %s" % (exp["reason"], reason))
        elif got == "accepted":
            if seq != exp["sequence"] or len(serials) != exp["serialCount"] or len(keys) != exp["keyCount"]:
                problems.append("sequence/counts differ")
            for c in exp["checks"]:
                kid, serial = int(c["keyId"], 16), int(c["serial"], 16)
                if ((kid in keys) or ((kid, serial) in serials)) != c["revoked"]:
                    problems.append("check %s/%s" % (c["keyId"], c["serial"]))
        if problems:
            print("%s: %s" % (case["id"], "; ".join(problems)))
            failed += 1
        else:
            passed += 1
    for name, lst in doc["lists"].items():
        if b64url(lst["jws"].split(".")[1]).hex() != lst["payload"]:
            print("list %s: payload differs from the JWS" % name)
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
