package dev.greenlight.codec.trust;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.SigningWindow;

/**
 * One issuer key of a trust list: the key, who holds it, where, and when it may sign.
 *
 * @param publicKey the issuer's P-256 public key
 * @param issuer    the issuing authority's name, for people: 1 to {@value #MAX_ISSUER_CHARS}
 *                  characters, none of them a control, line-separator or bidirectional formatting
 *                  character, no space separator (Unicode Zs) at either end
 * @param region    the issuer's region, a GB/T 2260 administrative division code: six digits whose
 *                  first two are a province-level code ({@code 110000} Beijing, {@code 440300} Shenzhen)
 * @param window    when the key may sign; whole seconds, inside the times a code can carry
 *                  ({@link TrustListDocument#EARLIEST} to {@link TrustListDocument#LATEST})
 */
public record TrustListEntry(ECPublicKey publicKey, String issuer, String region, SigningWindow window) {

    /** A name, not a description. */
    public static final int MAX_ISSUER_CHARS = 200;

    /**
     * The province-level codes of GB/T 2260: the first two digits of every division code. A code
     * outside them is a typo or another numbering, refused rather than shown as a region.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    /**
     * @param publicKey the issuer's P-256 public key
     * @param issuer    the issuing authority's name
     * @param region    a GB/T 2260 code
     * @param window    when the key may sign
     * @throws IllegalArgumentException if the issuer name, region or window breaks the rules above
     *         or the key is not a valid P-256 public key
     */
    public TrustListEntry {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(window, "window");
        KeyId.of(publicKey);
        requireIssuerName(issuer);
        requireRegion(region);
        requireTime(window.notBefore(), "notBefore");
        requireTime(window.notAfter(), "notAfter");
    }

    /** @return the key id derived from the key, the {@code kid} of its JWK */
    public KeyId keyId() {
        return KeyId.of(publicKey);
    }

    /**
     * @param now an instant
     * @return whether the key may sign at {@code now}
     */
    public boolean maySignAt(Instant now) {
        return window.contains(now);
    }

    /**
     * @param region a candidate region code
     * @return whether it is a GB/T 2260 code as a trust list accepts it
     */
    public static boolean isRegionCode(String region) {
        if (region.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (region.charAt(i) < '0' || region.charAt(i) > '9') {
                return false;
            }
        }
        return PROVINCES.contains(region.substring(0, 2));
    }

    static void requireRegion(String region) {
        if (!isRegionCode(region)) {
            throw new IllegalArgumentException("the region must be a GB/T 2260 code, six digits starting with a province "
                    + "(11 to 82, e.g. 110000), not \"" + printable(region) + "\"");
        }
    }

    static void requireIssuerName(String issuer) {
        if (issuer.isEmpty() || issuer.length() > MAX_ISSUER_CHARS) {
            throw new IllegalArgumentException("the issuer name must have 1 to " + MAX_ISSUER_CHARS + " characters, not " + issuer.length());
        }
        for (int i = 0; i < issuer.length(); i++) {
            if (isUnsafe(issuer.charAt(i))) {
                throw new IllegalArgumentException(String.format("the issuer name holds U+%04X at %d: controls, line separators and "
                        + "bidirectional formatting characters could disguise a name on a screen", (int) issuer.charAt(i), i));
            }
        }
        // Space separators (Unicode category Zs: U+0020, U+00A0, U+3000 ...): one rule every language can apply.
        if (Character.getType(issuer.charAt(0)) == Character.SPACE_SEPARATOR
                || Character.getType(issuer.charAt(issuer.length() - 1)) == Character.SPACE_SEPARATOR) {
            throw new IllegalArgumentException("the issuer name starts or ends with a space");
        }
    }

    /** The characters cli-support's Terminal.safe escapes: refused in a name rather than escaped on every screen. */
    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    static void requireTime(Instant time, String what) {
        if (time.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be a whole second, not " + time);
        }
        if (time.isBefore(TrustListDocument.EARLIEST) || time.isAfter(TrustListDocument.LATEST)) {
            throw new IllegalArgumentException(what + " must be from " + TrustListDocument.EARLIEST + " to "
                    + TrustListDocument.LATEST + ", not " + time);
        }
    }

    private static String printable(String text) {
        return dev.greenlight.codec.internal.json.StrictJson.printable(text);
    }

    @Override
    public String toString() {
        return "TrustListEntry[" + keyId() + " " + issuer + " " + region + " " + window + "]";
    }
}
