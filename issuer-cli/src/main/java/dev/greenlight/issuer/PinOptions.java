package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The user PIN of the PKCS#11 token that holds the signing key ({@code keygen --pkcs11}): from a
 * file, stdin, an environment variable or the terminal, never from the command line, where
 * {@code ps} and shell history would show it. Only on the commands that open a token.
 */
final class PinOptions {

    /** The PIN's variable when neither --pin-file nor --pin-env is given: what a service's unit file sets. */
    static final String PIN_VARIABLE = "GREENLIGHT_PKCS11_PIN";

    @Option(names = "--pin-file", paramLabel = "FILE",
            description = "For a key in a PKCS#11 token: read the token's user PIN from the first line of FILE; - for stdin "
                    + "(default: $" + PIN_VARIABLE + ", else asked on the terminal).")
    Path file;

    @Option(names = "--pin-env", paramLabel = "VAR",
            description = "For a key in a PKCS#11 token: read the token's user PIN from environment variable VAR.")
    String variable;

    /** Whether the PIN comes from stdin ({@code --pin-file -}). */
    boolean readsStdin() {
        return AtomicOutput.isStandardStream(file);
    }

    /** --pin-file, --pin-env, else $GREENLIGHT_PKCS11_PIN, else the terminal; read only when a token is opened. */
    PassphraseSource source(Environment environment) {
        if (file != null && variable != null) {
            throw new CliException(ExitCode.USAGE, "Give --pin-file or --pin-env, not both");
        }
        if (file != null) {
            return prompt -> readsStdin() ? PassphraseOptions.firstLineOfStdin(environment)
                    : PassphraseOptions.fromFile(environment.resolve(file), "The PIN file ");
        }
        if (variable != null) {
            return prompt -> PassphraseOptions.fromVariable(environment, variable);
        }
        return prompt -> environment.variable(PIN_VARIABLE) != null ? PassphraseOptions.fromVariable(environment, PIN_VARIABLE)
                : PassphraseOptions.fromConsole(environment.console(), prompt, false, "a PIN", "--pin-file or $" + PIN_VARIABLE);
    }
}
