package dev.greenlight.issuer;

/** Where a passphrase (or a token's PIN) comes from, asked only when one is needed. */
@FunctionalInterface
interface PassphraseSource {

    /**
     * @param prompt what to ask for, if the source is the terminal
     * @return a fresh array the caller clears after use
     */
    char[] read(String prompt);

    /**
     * Where the PIN of a PKCS#11 token comes from, when the signing key is in one: by default the
     * same place as the passphrase; {@link PassphraseOptions#source(Environment, PinOptions)} takes it from {@link PinOptions}.
     */
    default PassphraseSource pin() {
        return this;
    }
}
