#!/usr/bin/env python3
"""Independent (clean-room) verifier for the Greenlight v1 test vectors.

Written from specs/greenlight-v1.md and the JSON files in specs/vectors/ only.
Standard library only. Runs every case of codes.json and every entry of
identities.json, prints one line per mismatch and a final "N passed, M failed".
"""

import base64
import calendar
import hashlib
import hmac
import json
import os
import re
import sys
from datetime import datetime, timezone
from fractions import Fraction

# ---------------------------------------------------------------------------
# Section 2: P-256 domain parameters.
# The spec gives only n; p, a, b and G are the standard ones (FIPS 186-4 D.1.2.3,
# SEC 2 secp256r1).
# ---------------------------------------------------------------------------
P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF
A = P - 3
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
GX = 0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296
GY = 0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5
G = (GX, GY)
HALF_N = N // 2  # n is odd: "s <= n/2" is "s <= (n-1)/2"

INFINITY = None  # affine point at infinity


def on_curve(pt):
    if pt is INFINITY:
        return False
    x, y = pt
    if not (0 <= x < P and 0 <= y < P):
        return False
    return (y * y - (x * x * x + A * x + B)) % P == 0


# Jacobian coordinates (X, Y, Z), affine x = X/Z^2, y = Y/Z^3; Z == 0 is infinity.
def _jac_double(p1):
    X1, Y1, Z1 = p1
    if Z1 == 0 or Y1 == 0:
        return (1, 1, 0)
    YY = Y1 * Y1 % P
    S = 4 * X1 * YY % P
    ZZ = Z1 * Z1 % P
    M = 3 * (X1 - ZZ) * (X1 + ZZ) % P  # a = -3
    X3 = (M * M - 2 * S) % P
    Y3 = (M * (S - X3) - 8 * YY * YY) % P
    Z3 = 2 * Y1 * Z1 % P
    return (X3, Y3, Z3)


def _jac_add(p1, p2):
    X1, Y1, Z1 = p1
    X2, Y2, Z2 = p2
    if Z1 == 0:
        return p2
    if Z2 == 0:
        return p1
    Z1Z1 = Z1 * Z1 % P
    Z2Z2 = Z2 * Z2 % P
    U1 = X1 * Z2Z2 % P
    U2 = X2 * Z1Z1 % P
    S1 = Y1 * Z2 * Z2Z2 % P
    S2 = Y2 * Z1 * Z1Z1 % P
    if U1 == U2:
        if S1 != S2:
            return (1, 1, 0)
        return _jac_double(p1)
    H = (U2 - U1) % P
    R = (S2 - S1) % P
    HH = H * H % P
    HHH = H * HH % P
    V = U1 * HH % P
    X3 = (R * R - HHH - 2 * V) % P
    Y3 = (R * (V - X3) - S1 * HHH) % P
    Z3 = H * Z1 * Z2 % P
    return (X3, Y3, Z3)


def _to_jac(pt):
    if pt is INFINITY:
        return (1, 1, 0)
    return (pt[0], pt[1], 1)


def _to_affine(jp):
    X, Y, Z = jp
    if Z == 0:
        return INFINITY
    zi = pow(Z, -1, P)
    zi2 = zi * zi % P
    return (X * zi2 % P, Y * zi2 * zi % P)


def scalar_mult_add(k1, p1, k2, p2):
    """k1*p1 + k2*p2 (Shamir's trick), affine in, affine out."""
    j1, j2 = _to_jac(p1), _to_jac(p2)
    j12 = _jac_add(j1, j2)
    acc = (1, 1, 0)
    for i in range(max(k1.bit_length(), k2.bit_length()) - 1, -1, -1):
        acc = _jac_double(acc)
        b1, b2 = (k1 >> i) & 1, (k2 >> i) & 1
        if b1 and b2:
            acc = _jac_add(acc, j12)
        elif b1:
            acc = _jac_add(acc, j1)
        elif b2:
            acc = _jac_add(acc, j2)
    return _to_affine(acc)


def scalar_mult(k, pt):
    return scalar_mult_add(k, pt, 0, INFINITY)


# ---------------------------------------------------------------------------
# Section 3: keys and key ids.
# ---------------------------------------------------------------------------
class KeyError_(Exception):
    pass


class PublicKey:
    def __init__(self, point, name=None):
        if point is INFINITY or not on_curve(point):
            raise KeyError_("point not on P-256 (or at infinity)")
        # P-256 has cofactor 1, so every on-curve point other than infinity has order n.
        self.point = point
        self.name = name
        self.uncompressed = b"\x04" + point[0].to_bytes(32, "big") + point[1].to_bytes(32, "big")
        self.key_id = hashlib.sha256(self.uncompressed).digest()[:4]


def decode_point(data):
    """SEC 1 2.3.4: uncompressed (04||X||Y) or, as section 3 allows, compressed (02/03||X)."""
    if len(data) == 65 and data[0] == 0x04:
        x = int.from_bytes(data[1:33], "big")
        y = int.from_bytes(data[33:65], "big")
        if x >= P or y >= P:
            raise KeyError_("coordinate not reduced modulo p")
        return (x, y)
    if len(data) == 33 and data[0] in (0x02, 0x03):
        x = int.from_bytes(data[1:], "big")
        if x >= P:
            raise KeyError_("coordinate not reduced modulo p")
        rhs = (x * x * x + A * x + B) % P
        y = pow(rhs, (P + 1) // 4, P)  # p = 3 mod 4
        if y * y % P != rhs:
            raise KeyError_("compressed x has no point on the curve")
        if (y & 1) != (data[0] & 1):
            y = P - y
        return (x, y)
    raise KeyError_("unsupported point encoding")


def load_key_uncompressed(hexstr, name=None):
    return PublicKey(decode_point(bytes.fromhex(hexstr)), name)


def _b64url_decode_strict(s):
    # RFC 7515 section 2: base64url without padding.
    if not isinstance(s, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", s):
        raise KeyError_("not unpadded base64url")
    raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != s:
        raise KeyError_("non-canonical base64url")
    return raw


def load_key_jwk(jwk, name=None):
    if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256":
        raise KeyError_("JWK not EC P-256")
    if "d" in jwk:
        raise KeyError_("JWK carries a private part d")
    x = _b64url_decode_strict(jwk.get("x"))
    y = _b64url_decode_strict(jwk.get("y"))
    if len(x) != 32 or len(y) != 32:
        raise KeyError_("JWK x/y not exactly 32 bytes")
    key = PublicKey(decode_point(b"\x04" + x + y), name)
    if "kid" in jwk and jwk["kid"] != key.key_id.hex():
        raise KeyError_("JWK kid differs from the derived key id")
    return key


# DER SubjectPublicKeyInfo for id-ecPublicKey + prime256v1 with an uncompressed point:
# the only canonical DER form, so a byte comparison of the header is a full DER check.
_SPKI_PREFIX_UNCOMPRESSED = bytes.fromhex(
    "3059301306072a8648ce3d020106082a8648ce3d030107034200")
_SPKI_PREFIX_COMPRESSED = bytes.fromhex(
    "3039301306072a8648ce3d020106082a8648ce3d030107032200")


def load_key_spki_pem(pem, name=None):
    m = re.fullmatch(r"-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=\n]+)-----END PUBLIC KEY-----\n?", pem)
    if not m:
        raise KeyError_("not a PUBLIC KEY PEM")
    der = base64.b64decode(m.group(1).replace("\n", ""), validate=True)
    for prefix, plen in ((_SPKI_PREFIX_UNCOMPRESSED, 65), (_SPKI_PREFIX_COMPRESSED, 33)):
        if der[:len(prefix)] == prefix and len(der) == len(prefix) + plen:
            return PublicKey(decode_point(der[len(prefix):]), name)
    raise KeyError_("SPKI not canonical DER for named-curve P-256")


# ---------------------------------------------------------------------------
# Section 6: ECDSA P-256 / SHA-256 verification, raw r||s, low S.
# ---------------------------------------------------------------------------
def ecdsa_verify_low_s(key, message, sig):
    if len(sig) != 64:
        return False
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:], "big")
    if not (1 <= r < N):
        return False
    if not (1 <= s <= HALF_N):
        return False
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")  # 256 bits = bitlen(n): no truncation
    w = pow(s, -1, N)
    u1 = e * w % N
    u2 = r * w % N
    R = scalar_mult_add(u1, G, u2, key.point)
    if R is INFINITY:
        return False
    return R[0] % N == r


# ---------------------------------------------------------------------------
# Section 7: strict Base45 (RFC 9285).
# ---------------------------------------------------------------------------
B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
B45_VAL = {c: i for i, c in enumerate(B45)}


class Base45Error(Exception):
    pass


def b45_decode_strict(s):
    if len(s) % 3 == 1:
        raise Base45Error("length 1 mod 3")
    vals = []
    for ch in s:
        v = B45_VAL.get(ch)
        if v is None:
            raise Base45Error("character %r outside the alphabet" % ch)
        vals.append(v)
    out = bytearray()
    i = 0
    while i + 3 <= len(vals):
        n = vals[i] + 45 * vals[i + 1] + 2025 * vals[i + 2]
        if n > 65535:
            raise Base45Error("triple value %d > 65535" % n)
        out += bytes((n >> 8, n & 0xFF))
        i += 3
    if len(vals) - i == 2:
        n = vals[i] + 45 * vals[i + 1]
        if n > 255:
            raise Base45Error("pair value %d > 255" % n)
        out.append(n)
    return bytes(out)


def b45_encode(data):
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out += [B45[c], B45[d], B45[e]]
    if len(data) % 2:
        a = data[-1]
        out += [B45[a % 45], B45[a // 45]]
    return "".join(out)


# ---------------------------------------------------------------------------
# Sections 5, 9, 10: payload layout and the verification algorithm.
# ---------------------------------------------------------------------------
MAX_SKEW = 600
COLOURS = {0: "green", 1: "yellow", 2: "red"}
_OTHER_VERSION = re.compile(r"GL[0-9]{1,10}:")  # ASCII digits only


class Result:
    def __init__(self, reason=None, fields=None, key=None):
        self.reason = reason  # None means valid
        self.fields = fields
        self.key = key


def parse_fields(payload):
    issued = int.from_bytes(payload[30:34], "big")
    validity = int.from_bytes(payload[34:36], "big")
    return {
        "version": payload[0],
        "keyId": payload[1:5].hex(),
        "serial": payload[5:13].hex(),
        "identityHash": payload[13:29].hex(),
        "colourByte": payload[29],
        "issuedAtSeconds": issued,
        "validityMinutes": validity,
        "expiresAtSeconds": issued + 60 * validity,
    }


def verify(text, trusted_keys, now, skew, windows=None, revoked_serials=(), revoked_keys=()):
    """now: a Fraction/int of UTC seconds; skew: seconds, 0..600.
    windows: key name -> (notBefore, notAfter) in seconds, half-open; a key without one has none.
    revoked_serials: set of (keyIdHex, serialHex); revoked_keys: set of keyIdHex."""
    if not (0 <= skew <= MAX_SKEW):
        raise ValueError("skew outside 0..600 seconds")
    # 1. length cap (counted in Unicode code points here; see README)
    if len(text) > 1024:
        return Result("MALFORMED")
    # 2. prefix
    if not text.startswith("GL1:"):
        if _OTHER_VERSION.match(text):
            return Result("UNSUPPORTED_VERSION")
        return Result("MALFORMED")
    # 3. strict Base45
    try:
        payload = b45_decode_strict(text[4:])
    except Base45Error:
        return Result("MALFORMED")
    # 4. not empty
    if len(payload) == 0:
        return Result("MALFORMED")
    # 5. version byte
    if payload[0] != 0x01:
        return Result("UNSUPPORTED_VERSION")
    # 6. exactly 100 bytes
    if len(payload) != 100:
        return Result("MALFORMED")
    # 7. key lookup by key id (every key with that id)
    kid = payload[1:5]
    candidates = [k for k in trusted_keys if k.key_id == kid]
    if not candidates:
        return Result("UNKNOWN_KEY")
    # 8. signature under at least one candidate
    signed, sig = payload[:36], payload[36:100]
    verified_by = None
    for k in candidates:
        if ecdsa_verify_low_s(k, signed, sig):
            verified_by = k
            break
    if verified_by is None:
        return Result("BAD_SIGNATURE")
    fields = parse_fields(payload)
    # 9. colour
    if fields["colourByte"] not in COLOURS:
        return Result("INVALID_FIELD", fields, verified_by)
    # 10. validity
    if fields["validityMinutes"] == 0:
        return Result("INVALID_FIELD", fields, verified_by)
    # 11. the key's signing window holds the issue time (no skew: the issuer's own clock)
    window = (windows or {}).get(verified_by.name)
    if window is not None and not (window[0] <= fields["issuedAtSeconds"] < window[1]):
        return Result("OUTSIDE_KEY_WINDOW", fields, verified_by)
    # 12. revoked: the code by key id and serial, or its whole key
    kid_hex = payload[1:5].hex()
    if kid_hex in revoked_keys or (kid_hex, payload[5:13].hex()) in revoked_serials:
        return Result("REVOKED", fields, verified_by)
    # 13. not yet valid
    if not (now + skew >= fields["issuedAtSeconds"]):
        return Result("NOT_YET_VALID", fields, verified_by)
    # 14. expired
    if not (now - skew < fields["expiresAtSeconds"]):
        return Result("EXPIRED", fields, verified_by)
    return Result(None, fields, verified_by)


# ---------------------------------------------------------------------------
# Section 4: identity normalisation and pseudonym.
# ---------------------------------------------------------------------------
class IdentityError(Exception):
    pass


_CNID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ASCII_DIGITS = "0123456789"
_ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# "White space" is not defined by the spec; ASCII/Java-trim style set assumed (see README).
_WS = " \t\n\r\x0b\x0c"


def _ascii_upper(s):
    # Upper-case ASCII letters only: no Unicode case mapping (see README).
    return "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in s)


def _real_date(y, m, d):
    if not (1 <= m <= 12):
        return False
    leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return 1 <= d <= days


def normalise_identity(doc_type, number):
    doc_type = doc_type.strip(_WS)
    number = number.strip(_WS)
    t = _ascii_upper(doc_type)
    num = _ascii_upper(number)
    if t == "CNID":
        if len(num) != 18:
            raise IdentityError("CNID not 18 characters")
        if any(c not in _ASCII_DIGITS for c in num[:17]):
            raise IdentityError("CNID first 17 not digits")
        if num[17] not in _ASCII_DIGITS + "X":
            raise IdentityError("CNID bad check character")
        y, m, d = int(num[6:10]), int(num[10:12]), int(num[12:14])
        if not _real_date(y, m, d):
            raise IdentityError("CNID birth date not a real date")
        total = sum(int(num[i]) * _CNID_WEIGHTS[i] for i in range(17))
        if "10X98765432"[total % 11] != num[17]:
            raise IdentityError("CNID wrong check character")
        return "CNID:" + num
    if len(t) == 6 and t.startswith("PP-") and all(c in _ASCII_UPPER for c in t[3:]):
        if not (1 <= len(num) <= 20):
            raise IdentityError("passport number length")
        if any(c not in _ASCII_UPPER + _ASCII_DIGITS for c in num):
            raise IdentityError("passport number character")
        return t + ":" + num
    raise IdentityError("unknown document type")


def identity_hash(secret, normalised):
    return hmac.new(secret, normalised.encode("ascii"), hashlib.sha256).digest()[:16]


# ---------------------------------------------------------------------------
# Vector runner.
# ---------------------------------------------------------------------------
def parse_clock(s):
    """ISO 8601 UTC instant ending in Z, optional fractional seconds -> exact Fraction."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z", s)
    if not m:
        raise ValueError("unparsed clock %r" % s)
    y, mo, d, h, mi, se = (int(g) for g in m.groups()[:6])
    whole = calendar.timegm((y, mo, d, h, mi, se, 0, 0, 0))
    frac = Fraction(int(m.group(7)), 10 ** len(m.group(7))) if m.group(7) else Fraction(0)
    return whole + frac


def iso(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    vdir = os.path.join(here, "..", "vectors")
    with open(os.path.join(vdir, "keys.json"), encoding="utf-8") as f:
        keys_doc = json.load(f)
    with open(os.path.join(vdir, "codes.json"), encoding="utf-8") as f:
        codes_doc = json.load(f)
    with open(os.path.join(vdir, "identities.json"), encoding="utf-8") as f:
        ids_doc = json.load(f)

    passed = failed = 0
    mismatches = []

    # Keys (setup; a failure here is reported and counted as a failure).
    keys = {}
    for name, kd in keys_doc["keys"].items():
        problems = []
        try:
            key = load_key_uncompressed(kd["publicUncompressed"], name)
        except KeyError_ as ex:
            mismatches.append("key %s: publicUncompressed refused: %s" % (name, ex))
            failed += 1
            continue
        if key.key_id.hex() != kd["keyId"]:
            problems.append("derived key id %s != %s" % (key.key_id.hex(), kd["keyId"]))
        if "%064x" % key.point[0] != kd["publicX"] or "%064x" % key.point[1] != kd["publicY"]:
            problems.append("publicX/publicY differ from publicUncompressed")
        try:
            jk = load_key_jwk(kd["publicJwk"], name)
            if jk.point != key.point:
                problems.append("JWK point differs")
        except KeyError_ as ex:
            problems.append("JWK refused: %s" % ex)
        try:
            sk = load_key_spki_pem(kd["publicKeySpkiPem"], name)
            if sk.point != key.point:
                problems.append("SPKI point differs")
        except KeyError_ as ex:
            problems.append("SPKI refused: %s" % ex)
        # Self-test of the curve arithmetic: d*G must be the published public point.
        d = int(kd["privateScalar"], 16)
        if scalar_mult(d, G) != key.point:
            problems.append("privateScalar * G != public point (curve arithmetic?)")
        if problems:
            for p in problems:
                mismatches.append("key %s: %s" % (name, p))
            failed += 1
        keys[name] = key

    secret = bytes.fromhex(keys_doc["identitySecret"])

    # Code cases.
    for case in codes_doc["cases"]:
        cid = case["id"]
        problems = []
        try:
            trusted = [keys[k] for k in case["trustedKeys"]]
            now = parse_clock(case["clock"])
            windows = {name: (parse_clock(w["notBefore"]), parse_clock(w["notAfter"]))
                       for name, w in case.get("signingWindows", {}).items()}
            revoked = case.get("revoked", {})
            revoked_serials = {(r["keyId"], r["serial"]) for r in revoked.get("serials", [])}
            revoked_keys = set(revoked.get("keys", []))
            res = verify(case["text"], trusted, now, case["clockSkewSeconds"], windows, revoked_serials, revoked_keys)
        except Exception as ex:  # noqa: BLE001 - any exception is a mismatch
            mismatches.append("%s: exception %r" % (cid, ex))
            failed += 1
            continue
        exp = case["expected"]
        got = "valid" if res.reason is None else "rejected"
        if got != exp["result"]:
            problems.append("expected %s, got %s%s" % (
                exp["result"], got, "" if res.reason is None else " " + res.reason))
        elif got == "rejected" and res.reason != exp.get("reason"):
            problems.append("expected reason %s, got %s" % (exp.get("reason"), res.reason))

        # Cross-checks of the stated stages, where present.
        body = case["text"][4:] if case["text"].startswith("GL1:") else None
        decoded = None
        if body is not None:
            try:
                decoded = b45_decode_strict(body)
            except Base45Error:
                decoded = None
        if "payload" in case:
            pl = bytes.fromhex(case["payload"])
            if decoded is not None and decoded != pl:
                problems.append("decoded bytes differ from the stated payload")
            if decoded is None and b45_encode(pl) != body:
                problems.append("stated payload does not encode to the text body")
        if "signedBytes" in case:
            sb = bytes.fromhex(case["signedBytes"])
            pl = bytes.fromhex(case["payload"])
            if pl[:36] != sb or pl[36:].hex() != case["signature"]:
                problems.append("payload != signedBytes || signature")
            if hashlib.sha256(sb).hexdigest() != case["signedBytesSha256"]:
                problems.append("signedBytesSha256 mismatch")
            signer = keys.get(case.get("signedBy"))
            if signer is not None and not ecdsa_verify_low_s(signer, sb, bytes.fromhex(case["signature"])):
                problems.append("signature does not verify under signedBy")
            if decoded is not None and b45_encode(decoded) != body:
                problems.append("text is not the unique Base45 form of the payload")
        if "fields" in case:
            fx = case["fields"]
            mine = parse_fields(bytes.fromhex(case["payload"]))
            for k in ("version", "keyId", "serial", "identityHash", "colourByte",
                      "issuedAtSeconds", "validityMinutes"):
                if fx.get(k) != mine[k]:
                    problems.append("field %s: stated %r, decoded %r" % (k, fx.get(k), mine[k]))
            if fx.get("colour") != COLOURS.get(mine["colourByte"]):
                problems.append("field colour: stated %r" % fx.get("colour"))
            if fx.get("issuedAt") != iso(mine["issuedAtSeconds"]):
                problems.append("field issuedAt: stated %r, computed %r" % (fx.get("issuedAt"), iso(mine["issuedAtSeconds"])))
            if fx.get("expiresAt") != iso(mine["expiresAtSeconds"]):
                problems.append("field expiresAt: stated %r, computed %r" % (fx.get("expiresAt"), iso(mine["expiresAtSeconds"])))
            if "identity" in case:
                if identity_hash(secret, case["identity"]["normalised"]).hex() != mine["identityHash"]:
                    problems.append("identity hash is not HMAC of identity.normalised")
        if res.reason is None and res.fields is not None and "fields" in case:
            if res.key is not keys.get(case.get("signedBy")):
                problems.append("verified by %s, stated signedBy %s" % (res.key.name, case.get("signedBy")))

        if problems:
            for p in problems:
                mismatches.append("%s: %s" % (cid, p))
            failed += 1
        else:
            passed += 1

    # Identities.
    for i, entry in enumerate(ids_doc["valid"]):
        label = "identities.valid[%d] %r/%r" % (i, entry["documentType"], entry["number"])
        try:
            norm = normalise_identity(entry["documentType"], entry["number"])
        except IdentityError as ex:
            mismatches.append("%s: refused (%s), expected %s" % (label, ex, entry["normalised"]))
            failed += 1
            continue
        problems = []
        if norm != entry["normalised"]:
            problems.append("normalised %r, expected %r" % (norm, entry["normalised"]))
        h = identity_hash(secret, norm).hex()
        if h != entry["identityHash"]:
            problems.append("hash %s, expected %s" % (h, entry["identityHash"]))
        if problems:
            mismatches.append("%s: %s" % (label, "; ".join(problems)))
            failed += 1
        else:
            passed += 1
    for i, entry in enumerate(ids_doc["invalid"]):
        label = "identities.invalid[%d] %r/%r (%s)" % (i, entry["documentType"], entry["number"], entry.get("why"))
        try:
            norm = normalise_identity(entry["documentType"], entry["number"])
        except IdentityError:
            passed += 1
            continue
        mismatches.append("%s: accepted as %r, expected refusal" % (label, norm))
        failed += 1

    for line in mismatches:
        print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
