package dev.greenlight.codec.internal;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM armour (RFC 7468), read strictly: one block, the expected label, clean Base64 inside. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The label of the only PEM block in {@code text}. */
    public static Block decode(String text) {
        Matcher matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...-----) found");
        }
        String label = matcher.group(1);
        String body = matcher.group(2).replaceAll("[\\r\\n]", "");
        if (matcher.find()) {
            throw new IllegalArgumentException("more than one PEM block; expected exactly one");
        }
        try {
            return new Block(label, Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Base64 inside the PEM block '" + label + "' is invalid: " + e.getMessage(), e);
        }
    }

    public record Block(String label, byte[] der) {
    }
}
