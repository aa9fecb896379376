package dev.greenlight.issuer;

/** Where a passphrase comes from, asked only when one is needed. */
@FunctionalInterface
interface PassphraseSource {

    /**
     * @param prompt what to ask for, if the source is the terminal
     * @return a fresh array the caller clears after use
     */
    char[] read(String prompt);
}
