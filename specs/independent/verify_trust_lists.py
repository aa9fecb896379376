#!/usr/bin/env python3
"""Independent check of the signed trust lists of section 15 against vectors/trust-lists.json.

Written from greenlight-v1.md section 15 (and sections 3 and 9 for keys and codes), reusing the
curve arithmetic, key loaders and code verifier of verify_vectors.py. Standard library only.
Prints one line per mismatch, then "N passed, M failed"; exits 1 if anything failed.
"""
import base64
import calendar
import json
import os
import re
import sys
import unicodedata
from datetime import datetime

sys.dont_write_bytecode = True  # run from the build: leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_vectors as v  # noqa: E402

TYPE = "greenlight-trust-list+jws"
MAX_CHARS = 1048576
MAX_KEYS = 1024
MAX_SEQUENCE = 2 ** 53 - 1
MIN_MAX_AGE, MAX_MAX_AGE = 60, 31622400
LATEST = 2 ** 32
AHEAD = 600
PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
             "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
             "71", "81", "82"}
B64URL = re.compile(r"[A-Za-z0-9_-]+")
TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z")


class Refused(Exception):
    def __init__(self, reason, why):
        super().__init__("%s: %s" % (reason, why))
        self.reason = reason


class NotIJson(Exception):
    pass


def _b64url(part):
    """Section 15.3 step 2: non-empty, canonical unpadded base64url."""
    if not B64URL.fullmatch(part):
        raise Refused("SIGNATURE", "not unpadded base64url")
    raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != part:
        raise Refused("SIGNATURE", "non-canonical base64url")
    return raw


def _no_duplicates(pairs):
    out = {}
    for name, value in pairs:
        if name in out:
            raise NotIJson("duplicate member %r" % name)
        out[name] = value
    return out


def _refuse_constant(name):
    raise NotIJson("not JSON: %s" % name)


class _NotInteger:
    """A JSON number with a fraction or an exponent: never an integer of the format."""
    def __init__(self, text):
        self.text = text


def _check_strings(value):
    if isinstance(value, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise NotIJson("unpaired surrogate")
    elif isinstance(value, dict):
        for k, x in value.items():
            _check_strings(k)
            _check_strings(x)
    elif isinstance(value, list):
        for x in value:
            _check_strings(x)


def i_json(text):
    value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant,
                       parse_float=_NotInteger)
    _check_strings(value)
    return value


def ecdsa_verify(key, message, sig):
    """RFC 7518 3.4: r || s, 64 bytes; JWS does not require low S (section 15.1)."""
    if len(sig) != 64:
        return False
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:], "big")
    if not (1 <= r < v.N and 1 <= s < v.N):
        return False
    e = int.from_bytes(v.hashlib.sha256(message).digest(), "big")
    w = pow(s, -1, v.N)
    R = v.scalar_mult_add(e * w % v.N, v.G, r * w % v.N, key.point)
    return R is not v.INFINITY and R[0] % v.N == r


def _integer(doc, name, lo, hi):
    x = doc[name]
    if type(x) is not int or not (lo <= x <= hi):
        raise Refused("INVALID_DOCUMENT", "%s not an integer in %d..%d" % (name, lo, hi))
    return x


def _time(doc, name):
    x = doc[name]
    m = TIME.fullmatch(x) if isinstance(x, str) else None
    if not m:
        raise Refused("INVALID_DOCUMENT", "%s not a time" % name)
    y, mo, d, h, mi, s = (int(g) for g in m.groups())
    try:
        datetime(y, mo, d, h, mi, s)
    except ValueError:
        raise Refused("INVALID_DOCUMENT", "%s not a calendar date" % name)
    t = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))
    if not (0 <= t <= LATEST):
        raise Refused("INVALID_DOCUMENT", "%s out of range" % name)
    return t


def _exact(doc, names, what):
    if not isinstance(doc, dict) or set(doc) != set(names):
        raise Refused("INVALID_DOCUMENT", "%s members are not exactly %s" % (what, names))


def _unsafe(c):
    o = ord(c)
    return (o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0x061C, 0x200E, 0x200F)
            or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069)


def verify_list(jws, root, now, strict, highest):
    """Section 15.3. Returns (document, keys, warning) or raises Refused."""
    if len(jws) > MAX_CHARS:  # step 1 (the vectors are ASCII, so characters = code units)
        raise Refused("TOO_LARGE", "too long")
    parts = jws.split(".")  # step 2
    if len(parts) != 3:
        raise Refused("SIGNATURE", "not three parts")
    header_raw, payload_raw, sig = (_b64url(p) for p in parts)
    try:
        header = i_json(header_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, NotIJson):
        raise Refused("SIGNATURE", "header not JSON")
    if not isinstance(header, dict) or not set(header) <= {"alg", "typ", "kid"}:
        raise Refused("SIGNATURE", "header members")
    if header.get("alg") != "ES256" or header.get("typ") != TYPE:
        raise Refused("SIGNATURE", "alg or typ")
    if "kid" in header and not isinstance(header["kid"], str):
        raise Refused("SIGNATURE", "kid not a string")
    if not ecdsa_verify(root, (parts[0] + "." + parts[1]).encode("ascii"), sig):
        raise Refused("SIGNATURE", "signature")
    # Step 3: only now is the payload read.
    if payload_raw.startswith(b"\xef\xbb\xbf"):
        raise Refused("INVALID_DOCUMENT", "byte-order mark")
    try:
        doc = i_json(payload_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, NotIJson) as ex:
        raise Refused("INVALID_DOCUMENT", "not I-JSON: %s" % ex)
    _exact(doc, ["format", "version", "sequence", "issuedAt", "maxAge", "keys"], "list")
    if doc["format"] != "greenlight-trust-list":
        raise Refused("INVALID_DOCUMENT", "format")
    _integer(doc, "version", 1, 1)
    sequence = _integer(doc, "sequence", 0, MAX_SEQUENCE)
    issued = _time(doc, "issuedAt")
    max_age = _integer(doc, "maxAge", MIN_MAX_AGE, MAX_MAX_AGE)
    if not isinstance(doc["keys"], list):
        raise Refused("INVALID_DOCUMENT", "keys not an array")
    if len(doc["keys"]) > MAX_KEYS:  # step 4
        raise Refused("TOO_MANY_KEYS", "%d keys" % len(doc["keys"]))
    keys, windows, points = [], {}, set()
    for i, entry in enumerate(doc["keys"]):  # step 5
        _exact(entry, ["issuer", "region", "notBefore", "notAfter", "jwk"], "keys[%d]" % i)
        name = entry["issuer"]
        if (not isinstance(name, str) or not 1 <= len(name.encode("utf-16-le")) // 2 <= 200
                or any(_unsafe(c) for c in name)
                or unicodedata.category(name[0]) == "Zs" or unicodedata.category(name[-1]) == "Zs"):
            raise Refused("INVALID_DOCUMENT", "keys[%d].issuer" % i)
        region = entry["region"]
        if not isinstance(region, str) or not re.fullmatch(r"[0-9]{6}", region) or region[:2] not in PROVINCES:
            raise Refused("INVALID_DOCUMENT", "keys[%d].region" % i)
        nb, na = _time(entry, "notBefore"), _time(entry, "notAfter")
        if not na > nb:
            raise Refused("INVALID_DOCUMENT", "keys[%d] window" % i)
        jwk = entry["jwk"]
        _exact(jwk, ["kty", "crv", "x", "y", "kid"], "keys[%d].jwk" % i)
        if not all(isinstance(x, str) for x in jwk.values()):
            raise Refused("INVALID_DOCUMENT", "keys[%d].jwk member not a string" % i)
        try:
            key = v.load_key_jwk(jwk, "list-key-%d" % i)
        except (v.KeyError_, ValueError) as ex:
            raise Refused("INVALID_DOCUMENT", "keys[%d].jwk: %s" % (i, ex))
        if key.point in points:
            raise Refused("INVALID_DOCUMENT", "keys[%d] listed twice" % i)
        points.add(key.point)
        keys.append(key)
        windows[key.name] = (nb, na)
    if highest is not None and sequence < highest:  # step 6
        raise Refused("ROLLBACK", "sequence %d < %d" % (sequence, highest))
    warning = None
    if issued > now + AHEAD:  # step 7
        if strict:
            raise Refused("NOT_YET_VALID", "issued ahead")
        warning = "ahead"
    if not now < issued + max_age:  # step 8
        if strict:
            raise Refused("STALE", "stale")
        warning = "stale"
    return doc, keys, windows, warning


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    vdir = os.path.join(here, "..", "vectors")
    with open(os.path.join(vdir, "keys.json"), encoding="utf-8") as f:
        keys_doc = json.load(f)
    with open(os.path.join(vdir, "trust-lists.json"), encoding="utf-8") as f:
        doc = json.load(f)
    roots = {name: v.load_key_spki_pem(r["publicKeySpkiPem"], name) for name, r in doc["roots"].items()}
    issuers = {name: v.load_key_uncompressed(k["publicUncompressed"], name) for name, k in keys_doc["keys"].items()}
    for name, k in doc["issuerKeys"].items():
        issuers[name] = v.load_key_spki_pem(k["publicKeySpkiPem"], name)
    passed = failed = 0
    mismatches = []
    lists = {}
    for case in doc["lists"]:
        cid, exp = case["id"], case["expected"]
        try:
            got = verify_list(case["jws"], roots[case["root"]], v.parse_clock(case["clock"]),
                              case["freshness"] == "strict", case.get("highestAccepted"))
            result, reason = "valid", None
        except Refused as ex:
            got, result, reason = None, "rejected", ex.reason
        problems = []
        if result != exp["result"]:
            problems.append("expected %s, got %s %s" % (exp["result"], result, reason or ""))
        elif result == "rejected" and reason != exp["reason"]:
            problems.append("expected reason %s, got %s" % (exp["reason"], reason))
        elif result == "valid":
            listed, keys, windows, warning = got
            lists[cid] = (keys, windows)
            if listed["sequence"] != exp["sequence"]:
                problems.append("sequence %d" % listed["sequence"])
            if (warning is not None) != exp["warning"]:
                problems.append("warning %r" % warning)
            stated = [(k["keyId"], k["issuer"], k["region"], k["notBefore"], k["notAfter"]) for k in exp["keys"]]
            mine = [(key.key_id.hex(), e["issuer"], e["region"], e["notBefore"], e["notAfter"])
                    for key, e in zip(keys, listed["keys"])]
            if stated != mine:
                problems.append("keys differ: %r" % mine)
        if problems:
            mismatches.extend("%s: %s" % (cid, p) for p in problems)
            failed += 1
        else:
            passed += 1
    for case in doc["codes"]:
        cid, exp = case["id"], case["expected"]
        if case["list"] not in lists:
            mismatches.append("%s: list %s did not verify" % (cid, case["list"]))
            failed += 1
            continue
        keys, windows = lists[case["list"]]
        res = v.verify(case["text"], keys, v.parse_clock(case["clock"]), case["clockSkewSeconds"], windows)
        got = "valid" if res.reason is None else "rejected"
        if got != exp["result"] or (got == "rejected" and res.reason != exp["reason"]):
            mismatches.append("%s: expected %s %s, got %s %s" % (cid, exp["result"], exp.get("reason", ""), got, res.reason or ""))
            failed += 1
        elif got == "valid" and res.key.key_id != issuers[case["signedBy"]].key_id:
            mismatches.append("%s: verified by another key than %s" % (cid, case["signedBy"]))
            failed += 1
        else:
            passed += 1
    for line in mismatches:
        print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
