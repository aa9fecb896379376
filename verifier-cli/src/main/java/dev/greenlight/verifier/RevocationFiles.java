package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.HighestSequence;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.revocation.RevocationListException;
import dev.greenlight.codec.revocation.RevocationSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads {@code --revocations FILE ...} (a base list, then its deltas in order) against the pinned
 * {@code --root} key, and guards against rollback with the highest sequence this device accepted,
 * kept in {@code ~/.greenlight/state/revocations} (specification section 16.4).
 *
 * <p>Memory: the loaded set holds 8 bytes per revoked serial (8 MB for a million); the texts are
 * read one at a time, each at most {@link RevocationList#MAX_TEXT_LENGTH} characters, and dropped once read.
 */
final class RevocationFiles {

    /** The rollback guard's file in the state directory. */
    static final String STATE_FILE = "revocations";

    private RevocationFiles() {
    }

    /** The set of {@code files}, {@code -} being one list read from {@code stdin}. */
    static RevocationSet load(List<Path> files, ECPublicKey root, Path stateFile, Instant now, PrintWriter err, InputStream stdin) {
        List<RevocationList> lists = new ArrayList<>(files.size());
        String lastDigest = null;
        for (Path file : files) {
            String text = read(file, stdin);
            try {
                lists.add(RevocationList.verify(text, root));
            } catch (RevocationListException e) {
                throw refused(file, e);
            }
            lastDigest = sha256(text);
        }
        RevocationSet set;
        try {
            set = RevocationSet.of(lists.get(0), lists.subList(1, lists.size()));
        } catch (RevocationListException e) {
            throw refused(files.get(e.chainIndex().orElse(files.size() - 1)), e);
        }
        HighestSequence.at(stateFile).accept("revocation list", set.sequence(), lastDigest);
        Duration age = Duration.between(set.issuedAt(), now);
        err.println("revocations: list " + set.sequence() + (set.sequence() != set.baseSequence() ? " (base " + set.baseSequence() + ")" : "")
                + ", signed " + set.issuedAt() + " (" + (age.isNegative() ? "in the future" : age.toHours() + " h ago") + "): "
                + set.serialCount() + " codes and " + set.keyCount() + " keys revoked");
        err.flush();
        return set;
    }

    private static CliException refused(Path file, RevocationListException e) {
        return new CliException(ExitCode.INVALID_INPUT, "revocation list " + TrustListOptions.name(file) + " refused ("
                + e.reason() + "): " + Terminal.safe(e.getMessage()));
    }

    /** Read with a cap, before any decoding; one trailing line end, as files are written, is not part of the JWS. */
    private static String read(Path file, InputStream stdin) {
        byte[] bytes;
        // stdin is the caller's to close; it gets the same cap as a file.
        boolean fromStdin = AtomicOutput.isStandardStream(file);
        try (InputStream in = fromStdin ? null : Files.newInputStream(file)) {
            bytes = (fromStdin ? stdin : in).readNBytes(RevocationList.MAX_TEXT_LENGTH + 3);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read revocation list " + TrustListOptions.name(file) + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read revocation list " + TrustListOptions.name(file) + ": " + Terminal.safe(e.getMessage()));
        }
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        if (length > RevocationList.MAX_TEXT_LENGTH) {
            throw new CliException(ExitCode.INVALID_INPUT, "revocation list " + TrustListOptions.name(file) + " refused (TOO_LARGE): more than "
                    + RevocationList.MAX_TEXT_LENGTH + " bytes");
        }
        // A JWS is ASCII; any other byte fails its base64url check with a message.
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
