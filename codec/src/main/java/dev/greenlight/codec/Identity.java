package dev.greenlight.codec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's identity document, validated and normalised, ready to be turned into an
 * {@link IdentityHash}. Two spellings of the same document ({@code x} or {@code X} as a check
 * character, a passport number in lower case) give the same normalised form, hence the same hash.
 *
 * <p>Normalised forms (what is hashed, as US-ASCII):
 * <ul>
 *   <li>Chinese resident identity card: {@code CNID:} and the 18 characters, check character
 *       upper case, e.g. {@code CNID:11010519491231002X};</li>
 *   <li>passport: {@code PP-} and the issuing country's ISO 3166-1 alpha-3 code, a colon, and
 *       the number in upper case, e.g. {@code PP-FRA:18AV12345}.</li>
 * </ul>
 *
 * <p>{@link #toString()} hides the number: identities end up in logs.
 */
public final class Identity {

    /** ISO 7064 MOD 11-2 weights for the first 17 digits: 2^(17-i) mod 11. */
    private static final int[] CNID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CNID_CHECK_CHARACTERS = "10X98765432";
    private static final int MAX_PASSPORT_NUMBER_LENGTH = 20;

    private final String documentType;
    private final String normalised;

    private Identity(String documentType, String normalised) {
        this.documentType = documentType;
        this.normalised = normalised;
    }

    /**
     * Parses a document type and number as an operator supplies them: {@code CNID} (any case) for
     * a Chinese resident identity card, {@code PP-XXX} for a passport of country XXX.
     *
     * @param documentType {@code CNID} or {@code PP-XXX}, in any case
     * @param number       the document number, validated as {@link #chineseResidentId} or
     *                     {@link #passport} do
     * @return the identity, normalised
     * @throws InvalidIdentityException if the type is unknown or the number invalid for it
     */
    public static Identity of(String documentType, String number) {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(number, "number");
        String type = asciiUpperCase(stripAsciiWhitespace(documentType));
        if (type.equals("CNID")) {
            return chineseResidentId(number);
        }
        if (type.matches("PP-[A-Z]{3}")) {
            return passport(type.substring(3), number);
        }
        throw new InvalidIdentityException("Unknown document type '" + documentType
                + "': expected CNID (Chinese resident identity card) or PP-XXX (passport, XXX = ISO 3166-1 alpha-3 country)");
    }

    /**
     * A Chinese resident identity number: 17 digits, a birth date among them, and a MOD 11-2 check
     * character.
     *
     * @param number the 18 characters; surrounding ASCII white space and a lower-case {@code x} are accepted
     * @return the identity, normalised
     * @throws InvalidIdentityException if the length, a digit, the birth date or the check character is wrong
     */
    public static Identity chineseResidentId(String number) {
        String id = asciiUpperCase(stripAsciiWhitespace(number));
        if (id.length() != 18) {
            throw new InvalidIdentityException("A resident identity number has 18 characters, this one has " + id.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentityException("Character " + (i + 1) + " of a resident identity number must be a digit");
            }
            sum += (c - '0') * CNID_WEIGHTS[i];
        }
        char expected = CNID_CHECK_CHARACTERS.charAt(sum % 11);
        if (id.charAt(17) != expected) {
            throw new InvalidIdentityException("The check character of the resident identity number is wrong (ISO 7064 MOD 11-2)");
        }
        requireBirthDate(id.substring(6, 14));
        return new Identity("CNID", "CNID:" + id);
    }

    /**
     * A passport: the issuing country as ISO 3166-1 alpha-3 and the number, letters and digits only
     * (as printed in the machine-readable zone, without filler characters).
     *
     * @param country the ISO 3166-1 alpha-3 code, in any case
     * @param number  the passport number, in any case
     * @return the identity, normalised
     * @throws InvalidIdentityException if the country is not three letters, or the number is empty,
     *                                  too long, or has other characters than letters and digits
     */
    public static Identity passport(String country, String number) {
        String countryCode = asciiUpperCase(stripAsciiWhitespace(country));
        if (!countryCode.matches("[A-Z]{3}")) {
            throw new InvalidIdentityException("A passport's country is an ISO 3166-1 alpha-3 code of three letters, not '" + country + "'");
        }
        String passportNumber = asciiUpperCase(stripAsciiWhitespace(number));
        if (passportNumber.isEmpty() || passportNumber.length() > MAX_PASSPORT_NUMBER_LENGTH) {
            throw new InvalidIdentityException("A passport number has 1 to " + MAX_PASSPORT_NUMBER_LENGTH
                    + " characters, this one has " + passportNumber.length());
        }
        if (!passportNumber.matches("[A-Z0-9]+")) {
            throw new InvalidIdentityException("A passport number has only letters A-Z and digits");
        }
        return new Identity("PP-" + countryCode, "PP-" + countryCode + ":" + passportNumber);
    }

    /**
     * Only ASCII white space (tab, line feed, vertical tab, form feed, carriage return, space) is
     * stripped: anything else, an ideographic space for one, is refused by validation rather than
     * silently removed, so that every implementation normalises alike.
     */
    private static String stripAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Upper-cases a-z only: Unicode case mapping would turn a dotless i into I, or depend on the locale. */
    private static String asciiUpperCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static void requireBirthDate(String yyyymmdd) {
        try {
            LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidIdentityException("Characters 7 to 14 of a resident identity number are not a valid birth date");
        }
    }

    /** @return {@code CNID} or {@code PP-XXX} */
    public String documentType() {
        return documentType;
    }

    /** @return the exact string that is hashed. It contains the document number: do not log it. */
    public String normalised() {
        return normalised;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identity that && normalised.equals(that.normalised);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode();
    }

    @Override
    public String toString() {
        return "Identity[" + documentType + ", number hidden]";
    }
}
