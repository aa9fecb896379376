#!/usr/bin/env python3
"""Clean-room verifier for the Greenlight signed trust lists (specification section 15).

Written from specs/greenlight-v1.md (sections 2, 3, 6, 9, 10, 13, 15), specs/README.md,
specs/independent/README.md and the JSON files in specs/vectors/ only; no Java source and
no earlier trust-list script was read. It reuses the P-256 arithmetic, the key-id
derivation, the PEM loader and the section 9 code verifier of verify_vectors.py (itself
clean-room). Standard library only.

Runs every list case and every code case of ../vectors/trust-lists.json, prints one line
per mismatch and a final "N passed, M failed"; exit status 1 on any failure.
"""

import base64
import calendar
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_vectors as vv  # noqa: E402  (clean-room curve arithmetic and section 9)

# ---------------------------------------------------------------------------
# Section 15.1 / 15.3 constants.
# ---------------------------------------------------------------------------
MAX_LIST_CHARS = 1_048_576
MAX_KEYS = 1024
TRUST_TYP = "greenlight-trust-list+jws"
FORMAT = "greenlight-trust-list"
MAX_SEQUENCE = 2 ** 53 - 1
MIN_MAX_AGE = 60
MAX_MAX_AGE = 31_622_400
FUTURE_ALLOWANCE = 600  # 15.3 step 7: "the largest clock skew of section 9"
TIME_MIN = 0
TIME_MAX = 2 ** 32  # 2106-02-07T06:28:16Z, inclusive (15.1)
PROVINCES = set(range(11, 16)) | set(range(21, 24)) | set(range(31, 38)) | set(range(41, 47)) \
    | set(range(50, 55)) | set(range(61, 66)) | {71, 81, 82}
BIDI = {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
# 15.1: the space separators listed in the text (not the local character database).
ZS = {0x0020, 0x00A0, 0x1680} | set(range(0x2000, 0x200B)) | {0x202F, 0x205F, 0x3000}
MAX_NESTING = 32  # 15.1: the outermost object is level 1


def strip_line_end(text):
    """15.3 input (and 16.1): one trailing LF or CR LF is removed before step 1."""
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text


def list_digest(text):
    """15.3 Rollback / 16.4: SHA-256 of the compact JWS text as received, without its line end."""
    return hashlib.sha256(strip_line_end(text).encode("ascii")).hexdigest()


class Refused(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


# ---------------------------------------------------------------------------
# Strict JSON (RFC 8259) with the I-JSON rules of RFC 7493 (15.1): duplicate member
# names refused at any depth, unpaired surrogates and noncharacters refused, nesting of
# objects and arrays at most 32 levels (the outermost container is level 1).
# Integers (no fraction, no exponent) become int; other numbers become Num.
# ---------------------------------------------------------------------------
class JsonError(Exception):
    pass


class Num:
    """A JSON number written with a fraction or an exponent: not an 'integer' of 15.1."""

    def __init__(self, text):
        self.text = text


_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WS = " \t\n\r"


class _Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in _WS:
            self.i += 1

    def value(self, depth=0):
        """depth: the number of objects and arrays that enclose this value."""
        self.ws()
        if self.i >= len(self.s):
            raise JsonError("unexpected end")
        c = self.s[self.i]
        if c in "{[" and depth + 1 > MAX_NESTING:  # refused while reading (15.1)
            raise JsonError("nesting deeper than %d levels" % MAX_NESTING)
        if c == "{":
            return self.obj(depth)
        if c == "[":
            return self.arr(depth)
        if c == '"':
            return self.string()
        for lit, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(lit, self.i):
                self.i += len(lit)
                return val
        m = _NUMBER.match(self.s, self.i)
        if m and m.end() > self.i:
            self.i = m.end()
            if m.group(1) is None and m.group(2) is None:
                return int(m.group(0))
            return Num(m.group(0))
        raise JsonError("unexpected character %r" % c)

    def obj(self, depth):
        self.i += 1
        out = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            if not self.s.startswith('"', self.i):
                raise JsonError("member name expected")
            name = self.string()
            if name in out:
                raise JsonError("duplicate member %r" % name)
            self.ws()
            if not self.s.startswith(":", self.i):
                raise JsonError("':' expected")
            self.i += 1
            out[name] = self.value(depth + 1)
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("}", self.i):
                self.i += 1
                return out
            raise JsonError("',' or '}' expected")

    def arr(self, depth):
        self.i += 1
        out = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            out.append(self.value(depth + 1))
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("]", self.i):
                self.i += 1
                return out
            raise JsonError("',' or ']' expected")

    def string(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                raise JsonError("unterminated string")
            c = self.s[self.i]
            if c == '"':
                self.i += 1
                break
            if ord(c) < 0x20:
                raise JsonError("control character in string")
            if c != "\\":
                out.append(c)
                self.i += 1
                continue
            self.i += 1
            e = self.s[self.i:self.i + 1]
            simple = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
            if e in simple:
                out.append(simple[e])
                self.i += 1
                continue
            if e != "u":
                raise JsonError("bad escape")
            cu = self.hex4()
            if 0xD800 <= cu <= 0xDBFF:
                if self.s[self.i:self.i + 2] != "\\u":
                    raise JsonError("unpaired high surrogate")
                self.i += 1
                lo = self.hex4()
                if not 0xDC00 <= lo <= 0xDFFF:
                    raise JsonError("unpaired high surrogate")
                out.append(chr(0x10000 + ((cu - 0xD800) << 10) + (lo - 0xDC00)))
            elif 0xDC00 <= cu <= 0xDFFF:
                raise JsonError("unpaired low surrogate")
            else:
                out.append(chr(cu))
        value = "".join(out)
        # RFC 7493 section 2.1: no surrogates (above) and no Unicode noncharacters.
        for ch in value:
            o = ord(ch)
            if 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE:
                raise JsonError("noncharacter U+%04X (not I-JSON)" % o)
        return value

    def hex4(self):
        h = self.s[self.i + 1:self.i + 5]
        if not re.fullmatch(r"[0-9A-Fa-f]{4}", h):
            raise JsonError("bad \\u escape")
        self.i += 5
        return int(h, 16)


def parse_i_json(data):
    """bytes -> value; UTF-8 without BOM, one JSON text, I-JSON."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonError("byte-order mark")
    try:
        text = data.decode("utf-8", errors="strict")  # refuses encoded surrogates too
    except UnicodeDecodeError as e:
        raise JsonError("not UTF-8: %s" % e)
    p = _Parser(text)
    v = p.value()
    p.ws()
    if p.i != len(text):
        raise JsonError("text after the JSON value")
    return v


# ---------------------------------------------------------------------------
# The JWS profile (15.1, 15.2, 15.3 step 2; reused by section 16.1).
# ---------------------------------------------------------------------------
_B64URL = re.compile(r"[A-Za-z0-9_-]*")


def b64url_strict(part):
    """Canonical unpadded base64url: alphabet only, no '=', no set bits after the last byte."""
    if not _B64URL.fullmatch(part) or len(part) % 4 == 1:
        return None
    raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    if base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=") != part:
        return None
    return raw


def ecdsa_verify_any_s(key, message, sig):
    """ES256 as RFC 7518 3.4: 64-byte r||s, 1 <= r, s < n, no low-S rule (15.1)."""
    if len(sig) != 64:
        return False
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:], "big")
    if not (1 <= r < vv.N and 1 <= s < vv.N):
        return False
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")
    w = pow(s, -1, vv.N)
    R = vv.scalar_mult_add(e * w % vv.N, vv.G, r * w % vv.N, key.point)
    return R is not vv.INFINITY and R[0] % vv.N == r


class JwsError(Exception):
    pass


def verify_compact_jws(text, root_key):
    """Returns (header dict, payload bytes) of a JWS of the Greenlight profile whose signature
    verifies under root_key over the exact received header.payload. typ is NOT checked here
    (its handling differs between sections 15 and 16); everything else of the profile is.
    Raises JwsError."""
    if not isinstance(text, str):
        raise JwsError("not text")
    parts = text.split(".")
    if len(parts) != 3:
        raise JwsError("not three parts")
    decoded = [b64url_strict(p) for p in parts]
    if any(d is None for d in decoded):
        raise JwsError("a part is not canonical unpadded base64url")
    hbytes, payload, sig = decoded
    try:
        header = parse_i_json(hbytes)
    except JsonError as e:
        raise JwsError("header: %s" % e)
    if not isinstance(header, dict):
        raise JwsError("header not an object")
    if not set(header) <= {"alg", "typ", "kid"} or "alg" not in header or "typ" not in header:
        raise JwsError("header members %s" % sorted(header))
    if header["alg"] != "ES256":  # refused before any signature is checked (15.2)
        raise JwsError("alg %r" % (header["alg"],))
    if not isinstance(header["typ"], str):
        raise JwsError("typ not a string")
    if "kid" in header and not isinstance(header["kid"], str):
        raise JwsError("kid not a string")
    signing_input = (parts[0] + "." + parts[1]).encode("ascii")
    if not ecdsa_verify_any_s(root_key, signing_input, sig):
        raise JwsError("signature does not verify under the pinned root")
    return header, payload


# ---------------------------------------------------------------------------
# Document rules (15.1).
# ---------------------------------------------------------------------------
_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")


def parse_time(v):
    """A 15.1 'time' -> epoch seconds, or None."""
    if not isinstance(v, str):
        return None
    m = _TIME.fullmatch(v)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) for g in m.groups())
    if not (1 <= mo <= 12) or h > 23 or mi > 59 or s > 59:
        return None
    mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    if not (1 <= d <= mdays):
        return None
    t = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))
    if not (TIME_MIN <= t <= TIME_MAX):
        return None
    return t


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def utf16_len(s):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


def issuer_ok(s):
    if not isinstance(s, str) or not (1 <= utf16_len(s) <= 200):
        return False
    for c in s:
        o = ord(c)
        if o <= 0x1F or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029) or o in BIDI:
            return False
    if ord(s[0]) in ZS or ord(s[-1]) in ZS:
        return False
    return True


def region_ok(s):
    return isinstance(s, str) and re.fullmatch(r"[0-9]{6}", s) is not None and int(s[:2]) in PROVINCES


TOP_MEMBERS = {"format", "version", "sequence", "issuedAt", "maxAge", "keys"}
ENTRY_MEMBERS = {"issuer", "region", "notBefore", "notAfter", "jwk"}
JWK_MEMBERS = {"kty", "crv", "x", "y", "kid"}


def load_entry_jwk(jwk, name):
    if not isinstance(jwk, dict) or set(jwk) != JWK_MEMBERS:
        raise Refused("INVALID_DOCUMENT", "jwk members %s" % (sorted(jwk) if isinstance(jwk, dict) else jwk))
    for m in JWK_MEMBERS:
        if not isinstance(jwk[m], str):
            raise Refused("INVALID_DOCUMENT", "jwk %s not a string" % m)
    if len(jwk["x"]) != 43 or len(jwk["y"]) != 43:
        raise Refused("INVALID_DOCUMENT", "jwk x/y not 43 characters")
    try:
        key = vv.load_key_jwk(jwk, name)  # EC/P-256, canonical base64url, 32 bytes, on curve, kid
    except vv.KeyError_ as e:
        raise Refused("INVALID_DOCUMENT", "jwk: %s" % e)
    if jwk["kid"] != key.key_id.hex():  # required and compared as a string (section 3)
        raise Refused("INVALID_DOCUMENT", "kid")
    return key


def verify_trust_list(jws, root_key, now, strict, highest_accepted, recorded_digest=None):
    """Section 15.3. highest_accepted and recorded_digest are the device's record (the highest
    sequence it accepted and the SHA-256 hex of that list's text; either may be None).
    Returns dict(sequence, warning, issuedAt, maxAge, digest,
    entries[(key, issuer, region, nb, na, nbText, naText)])."""
    jws = strip_line_end(jws)  # one trailing LF or CR LF, before step 1
    # Step 1: UTF-16 code units, as in section 9 step 1
    if utf16_len(jws) > MAX_LIST_CHARS:
        raise Refused("TOO_LARGE")
    # Step 2
    try:
        header, payload = verify_compact_jws(jws, root_key)
    except JwsError as e:
        raise Refused("SIGNATURE", str(e))
    if header["typ"] != TRUST_TYP:
        raise Refused("SIGNATURE", "typ %r" % header["typ"])
    # Step 3
    try:
        doc = parse_i_json(payload)
    except JsonError as e:
        raise Refused("INVALID_DOCUMENT", str(e))
    if not isinstance(doc, dict) or set(doc) != TOP_MEMBERS:
        raise Refused("INVALID_DOCUMENT", "members")
    if doc["format"] != FORMAT:
        raise Refused("INVALID_DOCUMENT", "format")
    if not is_int(doc["version"]) or doc["version"] != 1:
        raise Refused("INVALID_DOCUMENT", "version")
    seq = doc["sequence"]
    if not is_int(seq) or not (0 <= seq <= MAX_SEQUENCE):
        raise Refused("INVALID_DOCUMENT", "sequence")
    issued = parse_time(doc["issuedAt"])
    if issued is None:
        raise Refused("INVALID_DOCUMENT", "issuedAt")
    max_age = doc["maxAge"]
    if not is_int(max_age) or not (MIN_MAX_AGE <= max_age <= MAX_MAX_AGE):
        raise Refused("INVALID_DOCUMENT", "maxAge")
    keys = doc["keys"]
    if not isinstance(keys, list):
        raise Refused("INVALID_DOCUMENT", "keys not an array")
    # Step 4: counted before any entry is read
    if len(keys) > MAX_KEYS:
        raise Refused("TOO_MANY_KEYS")
    # Step 5
    entries = []
    seen_points = set()
    for idx, e in enumerate(keys):
        if not isinstance(e, dict) or set(e) != ENTRY_MEMBERS:
            raise Refused("INVALID_DOCUMENT", "entry %d members" % idx)
        if not issuer_ok(e["issuer"]):
            raise Refused("INVALID_DOCUMENT", "entry %d issuer" % idx)
        if not region_ok(e["region"]):
            raise Refused("INVALID_DOCUMENT", "entry %d region" % idx)
        nb, na = parse_time(e["notBefore"]), parse_time(e["notAfter"])
        if nb is None or na is None:
            raise Refused("INVALID_DOCUMENT", "entry %d time" % idx)
        if not na > nb:
            raise Refused("INVALID_DOCUMENT", "entry %d window" % idx)
        key = load_entry_jwk(e["jwk"], "entry-%d" % idx)
        if key.point in seen_points:
            raise Refused("INVALID_DOCUMENT", "entry %d: key listed twice" % idx)
        seen_points.add(key.point)
        entries.append((key, e["issuer"], e["region"], nb, na, e["notBefore"], e["notAfter"]))
    # Step 6
    if highest_accepted is not None and seq < highest_accepted:
        raise Refused("ROLLBACK")
    warning = False
    # Step 7
    if not (issued <= now + FUTURE_ALLOWANCE):
        if strict:
            raise Refused("NOT_YET_VALID")
        warning = True
    # Step 8
    if not (now < issued + max_age):
        if strict:
            raise Refused("STALE")
        warning = True
    # Step 9: the same sequence as recorded must be the same text (ASCII: step 2 passed)
    digest = list_digest(jws)
    if (highest_accepted is not None and recorded_digest is not None
            and seq == highest_accepted and digest != recorded_digest):
        raise Refused("ROLLBACK", "sequence %d reused with another text" % seq)
    return {"sequence": seq, "warning": warning, "entries": entries, "payload": payload,
            "issuedAt": issued, "maxAge": max_age, "digest": digest}


# ---------------------------------------------------------------------------
# Vector runner.
# ---------------------------------------------------------------------------
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    vdir = os.path.join(here, "..", "vectors")
    with open(os.path.join(vdir, "trust-lists.json"), encoding="utf-8") as f:
        doc = json.load(f)
    with open(os.path.join(vdir, "keys.json"), encoding="utf-8") as f:
        keys_doc = json.load(f)

    passed = failed = 0
    lines = []

    def fail(case_id, msg):
        lines.append("%s: %s" % (case_id, msg))

    # Set-up: the pinned roots and the issuer keys (cross-checked; a problem is printed, not counted).
    roots = {}
    for name, r in doc["roots"].items():
        k = vv.load_key_spki_pem(r["publicKeySpkiPem"], name)
        if (k.point != (int(r["publicX"], 16), int(r["publicY"], 16)) or k.key_id.hex() != r["keyId"]
                or vv.scalar_mult(int(r["privateScalar"], 16), vv.G) != k.point):
            print("setup: root %s inconsistent" % name)
        roots[name] = k
    signers = {}
    for name, kd in keys_doc["keys"].items():
        signers[name] = vv.load_key_spki_pem(kd["publicKeySpkiPem"], name)
    for name, kd in doc["issuerKeys"].items():
        k = vv.load_key_spki_pem(kd["publicKeySpkiPem"], name)
        if k.key_id.hex() != kd["keyId"]:
            print("setup: issuer key %s: key id mismatch" % name)
        signers[name] = k
    if doc.get("maxKeys") != MAX_KEYS or doc.get("maxListChars") != MAX_LIST_CHARS:
        print("setup: maxKeys/maxListChars differ from section 15")

    loaded = {}  # list id -> result, for the code cases
    by_id = {c["id"]: c for c in doc["lists"]}
    freshness = {c["id"]: c["freshness"] for c in doc["lists"]}
    for case in doc["lists"]:
        cid = case["id"]
        ok = True
        # Cross-check an edited document's stated payload against the JWS.
        if "payload" in case or "payloadHex" in case:
            want = case["payload"].encode("utf-8", "surrogatepass") if "payload" in case \
                else bytes.fromhex(case["payloadHex"])
            parts = case["jws"].split(".")
            got = b64url_strict(parts[1]) if len(parts) == 3 else None
            if got != want:
                fail(cid, "stated payload differs from the JWS payload part")
                ok = False
        now = vv.parse_clock(case["clock"])
        strict = {"strict": True, "lenient": False}[case["freshness"]]
        exp = case["expected"]
        try:
            res = verify_trust_list(case["jws"], roots[case["root"]], now, strict, case.get("highestAccepted"))
        except Refused as e:
            if exp["result"] != "rejected" or exp.get("reason") != e.reason:
                fail(cid, "expected %s, got rejected %s (%s)" % (json.dumps(exp)[:80], e.reason, e.detail))
                ok = False
        else:
            loaded[cid] = res
            # 15.3 Rollback, step 9 (the vectors' highestAccepted carries no digest): the text
            # names valid-high-s as refused by a device that recorded valid-two-keys; the same
            # text again is accepted.
            if cid == "valid-high-s" and "valid-two-keys" in by_id:
                rec = by_id["valid-two-keys"]["jws"]
                try:
                    verify_trust_list(case["jws"], roots[case["root"]], now, strict, 7, list_digest(rec))
                    fail(cid, "accepted under a record of valid-two-keys (step 9 expects ROLLBACK)")
                    ok = False
                except Refused as e2:
                    if e2.reason != "ROLLBACK":
                        fail(cid, "under a record of valid-two-keys: %s, expected ROLLBACK" % e2.reason)
                        ok = False
            if exp["result"] == "valid":
                try:
                    verify_trust_list(case["jws"], roots[case["root"]], now, strict,
                                      res["sequence"], res["digest"])
                except Refused as e2:
                    fail(cid, "refused %s when its own text was recorded" % e2.reason)
                    ok = False
            if exp["result"] != "valid":
                fail(cid, "expected rejected %s, got valid" % exp.get("reason"))
                ok = False
            else:
                got_keys = [{"keyId": k.key_id.hex(), "issuer": iss, "region": reg,
                             "notBefore": nbt, "notAfter": nat}
                            for (k, iss, reg, nb, na, nbt, nat) in res["entries"]]
                if res["sequence"] != exp["sequence"]:
                    fail(cid, "sequence %s, expected %s" % (res["sequence"], exp["sequence"]))
                    ok = False
                if res["warning"] != exp["warning"]:
                    fail(cid, "warning %s, expected %s" % (res["warning"], exp["warning"]))
                    ok = False
                if got_keys != exp["keys"]:
                    fail(cid, "keys %s, expected %s" % (got_keys, exp["keys"]))
                    ok = False
        if ok:
            passed += 1
        else:
            failed += 1

    for case in doc["codes"]:
        cid = case["id"]
        ok = True
        lst = loaded.get(case["list"])
        if lst is None:
            fail(cid, "its list %s was not accepted" % case["list"])
            failed += 1
            continue
        trusted = [e[0] for e in lst["entries"]]
        windows = {e[0].name: (e[3], e[4]) for e in lst["entries"]}
        now = vv.parse_clock(case["clock"])
        res = vv.verify(case["text"], trusted, now, case["clockSkewSeconds"], windows=windows)
        exp = case["expected"]
        got = {"result": "valid"} if res.reason is None else {"result": "rejected", "reason": res.reason}
        if got != exp:
            fail(cid, "expected %s, got %s" % (exp, got))
            ok = False
        # 15.3 Freshness / 15.5: step 8 again with this code's now. Under the strict policy a
        # stale list refuses every code (the deployment's refusal, outside section 9's reasons);
        # section 15.5 says every code vector's clock lies within its list's maxAge.
        if not (now < lst["issuedAt"] + lst["maxAge"]) and freshness[case["list"]] == "strict":
            fail(cid, "its list is stale at the code's clock: the strict policy refuses every code")
            ok = False
        # Cross-checks of the case's own statements: signedBy and issuedAt.
        payload = vv.b45_decode_strict(case["text"][4:])
        if not vv.ecdsa_verify_low_s(signers[case["signedBy"]], payload[:36], payload[36:]):
            fail(cid, "text not signed by %s" % case["signedBy"])
            ok = False
        if vv.iso(int.from_bytes(payload[30:34], "big")) != case["issuedAt"]:
            fail(cid, "issuedAt differs from the code's field")
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
