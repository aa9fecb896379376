package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.LineReader;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * The passphrase of an encrypted signing key: from a file, an environment variable or the
 * terminal, never from the command line, where {@code ps} and shell history would show it.
 * {@link PinOptions} does the same for the PIN of a PKCS#11 token, with the readers here.
 */
final class PassphraseOptions {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key passphrase from the first line of FILE; - reads it from stdin "
                    + "(not with a command whose data input is stdin too).")
    Path file;

    /** Longer than any passphrase; bounds what a mistaken pipe can cost. */
    static final int MAX_STDIN_BYTES = 4096;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the key passphrase from environment variable VAR.")
    String variable;

    boolean isGiven() {
        return file != null || variable != null;
    }

    /** Whether the passphrase comes from stdin ({@code --passphrase-file -}). */
    boolean readsStdin() {
        return AtomicOutput.isStandardStream(file);
    }

    /**
     * Refuses {@code --passphrase-file -} when the command reads its data from stdin too: the
     * first data line would be taken for the passphrase, and the passphrase for a data row.
     *
     * @param dataInput how the command's own stdin input is given, for the message (e.g. "batch -")
     */
    void requireStdinFree(boolean dataFromStdin, String dataInput) {
        if (dataFromStdin && readsStdin()) {
            throw new CliException(ExitCode.USAGE, "--passphrase-file - and " + dataInput
                    + " both read stdin: put the passphrase in a file, or use --passphrase-env");
        }
    }

    /**
     * The configured source; with none configured, the terminal if there is one.
     *
     * @param environment where files, variables and the console are found
     */
    PassphraseSource source(Environment environment) {
        if (file != null && variable != null) {
            throw new CliException(ExitCode.USAGE, "Give --passphrase-file or --passphrase-env, not both");
        }
        if (readsStdin()) {
            return prompt -> fromStdin(environment);
        }
        if (file != null) {
            return prompt -> fromFile(environment.resolve(file));
        }
        if (variable != null) {
            return prompt -> fromVariable(environment, variable);
        }
        return prompt -> fromConsole(environment.console(), prompt, false);
    }

    /**
     * As {@link #source(Environment)}, for a command that signs: if the active key is in a PKCS#11
     * token, its PIN comes from {@code pin} instead.
     */
    PassphraseSource source(Environment environment, PinOptions pin) {
        // Which of the two is read depends on where the active key is; either way both would want the first line.
        if (readsStdin() && pin.readsStdin()) {
            throw new CliException(ExitCode.USAGE, "--passphrase-file - and --pin-file - both read stdin: "
                    + "put one of them in a file, or use --passphrase-env or --pin-env");
        }
        PassphraseSource passphrase = source(environment);
        PassphraseSource pinSource = pin.source(environment);
        return new PassphraseSource() {
            @Override
            public char[] read(String prompt) {
                return passphrase.read(prompt);
            }

            @Override
            public PassphraseSource pin() {
                return pinSource;
            }
        };
    }

    /**
     * One line, read a byte at a time so that nothing after it is consumed: {@code batch -} can
     * read its rows from the rest of stdin.
     */
    static char[] firstLineOfStdin(Environment environment) {
        // A plain array rather than a ByteArrayOutputStream, whose buffer could not be cleared.
        byte[] bytes = new byte[MAX_STDIN_LINE];
        int length = 0;
        try {
            for (int b = environment.stdin().read(); b >= 0 && b != '\n'; b = environment.stdin().read()) {
                if (length == bytes.length) {
                    throw new CliException(ExitCode.INVALID_INPUT, "The first line of stdin is longer than " + MAX_STDIN_LINE
                            + " bytes: not a PIN");
                }
                bytes[length++] = (byte) b;
            }
            byte[] line = Arrays.copyOf(bytes, length);
            try {
                return decodeFirstLine(line, "The PIN on stdin");
            } finally {
                Arrays.fill(line, (byte) 0);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot read the PIN from stdin: " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** PKCS#11 tokens take PINs of at most a few dozen bytes; a longer line is input meant for something else. */
    private static final int MAX_STDIN_LINE = 1024;

    /** The source for a new passphrase: the terminal asks twice. */
    PassphraseSource newPassphraseSource(Environment environment) {
        if (!isGiven()) {
            return prompt -> fromConsole(environment.console(), prompt, true);
        }
        return source(environment);
    }

    private static char[] fromFile(Path path) {
        return fromFile(path, "The passphrase file ");
    }

    static char[] fromFile(Path path, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot read " + what.replaceFirst("^The", "the") + path
                    + ": " + e.getMessage(), e);
        }
        try {
            return decodeFirstLine(bytes, what + path);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] decodeFirstLine(byte[] bytes, String where) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return nonEmpty(line.toCharArray(), where);
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.INVALID_INPUT, where + " is not UTF-8");
        }
    }

    /** The first line of stdin; never more of it than {@link #MAX_STDIN_BYTES}. */
    private static char[] fromStdin(Environment environment) {
        LineReader.Line line;
        try {
            line = new LineReader(environment.stdin(), MAX_STDIN_BYTES).next();
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot read the passphrase from stdin: " + e.getMessage(), e);
        }
        if (line == null) {
            throw new CliException(ExitCode.KEY_ERROR, "No passphrase on stdin (--passphrase-file -)");
        }
        byte[] bytes = line.bytes();
        try {
            if (line.tooLong()) {
                throw new CliException(ExitCode.INVALID_INPUT, "The first line of stdin is longer than "
                        + MAX_STDIN_BYTES + " bytes: not a passphrase");
            }
            return decode(bytes, "The passphrase on stdin");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] decode(byte[] bytes, String where) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            char[] passphrase = new char[chars.remaining()];
            chars.get(passphrase);
            Arrays.fill(chars.array(), '\0');
            return nonEmpty(passphrase, where);
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.INVALID_INPUT, where + " is not UTF-8");
        }
    }

    static char[] fromVariable(Environment environment, String name) {
        String value = environment.variable(name);
        if (value == null) {
            throw new CliException(ExitCode.KEY_ERROR, "Environment variable " + name + " is not set");
        }
        return nonEmpty(value.toCharArray(), "Environment variable " + name);
    }

    private static char[] fromConsole(Console console, String prompt, boolean confirm) {
        return fromConsole(console, prompt, confirm, "a passphrase", "--passphrase-file or --passphrase-env");
    }

    static char[] fromConsole(Console console, String prompt, boolean confirm, String what, String options) {
        if (console == null) {
            throw new CliException(ExitCode.KEY_ERROR,
                    capitalised(what) + " is needed and there is no terminal to ask: use " + options);
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            throw new CliException(ExitCode.KEY_ERROR, "No " + what.substring(what.indexOf(' ') + 1) + " entered");
        }
        if (confirm) {
            char[] second = console.readPassword("%s (again): ", prompt);
            boolean same = Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCode.KEY_ERROR, "The passphrases do not match");
            }
        }
        return first;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static char[] nonEmpty(char[] passphrase, String where) {
        if (passphrase.length == 0) {
            throw new CliException(ExitCode.KEY_ERROR, where + " is empty");
        }
        return passphrase;
    }
}
