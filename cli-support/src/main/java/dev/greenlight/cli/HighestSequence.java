package dev.greenlight.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The highest sequence number of a signed document (trust list, revocation list) that a device
 * has accepted, kept durably so that nobody can roll it back to an older list, one that still
 * trusts a retired key or has not yet revoked a code, by handing it the old file.
 *
 * <p>The file holds one line, {@code SEQUENCE SHA256-OF-DOCUMENT}: the same sequence number with
 * other content is refused as well, since a signer that reuses a number shows two devices two
 * different truths. Written to a temporary file, forced to disk, renamed over the old one and the
 * directory forced: a crash leaves the old line or the new one, never half a line.
 *
 * <p>Not safe for two processes accepting at once: the last rename wins; both values were
 * accepted by their own check, and neither is lower than what was there.
 */
public final class HighestSequence {

    private static final Pattern LINE = Pattern.compile("([0-9]{1,19}) ([0-9a-f]{64})\n?");

    private final Path file;

    private HighestSequence(Path file) {
        this.file = file;
    }

    /**
     * @param file where the highest sequence is kept; its directory is created (0700) on first accept
     * @return the store
     */
    public static HighestSequence at(Path file) {
        return new HighestSequence(file.toAbsolutePath());
    }

    /** What was accepted last: sequence and document digest. */
    public record Accepted(long sequence, String sha256) {
    }

    /**
     * @return the highest accepted so far, or null if none was
     * @throws CliException (unreadable, 3) if the file cannot be read or is not one valid line:
     *         a damaged record must not silently become "nothing seen", which would re-open rollback
     */
    public Accepted current() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        Matcher matcher = LINE.matcher(text);
        if (!matcher.matches()) {
            throw new CliException(ExitCode.IO_ERROR, file + " is damaged (expected one line 'SEQUENCE SHA256'); "
                    + "it guards against rollback: restore it, or delete it only if you trust the list you load next");
        }
        return new Accepted(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /**
     * Accepts a document if its sequence is not lower than the highest accepted, and records it.
     *
     * @param what the document, for the message ("trust list")
     * @param sequence its sequence number, not negative
     * @param sha256 the lower-case hex SHA-256 of the document as received
     * @return the previously accepted record, or null for the first
     * @throws CliException (invalid input, 5) for a rollback or a reused sequence number; (3) if
     *         the record cannot be written
     */
    public Accepted accept(String what, long sequence, String sha256) {
        if (sequence < 0) {
            throw new IllegalArgumentException("negative sequence " + sequence);
        }
        String digest = sha256.toLowerCase(Locale.ROOT);
        Accepted previous = current();
        if (previous != null) {
            if (sequence < previous.sequence()) {
                // The reason's name as the specification gives it (sections 15.3 and 16.4), as for any other refusal.
                throw new CliException(ExitCode.INVALID_INPUT, what + " refused (ROLLBACK): sequence " + sequence + ", lower than "
                        + previous.sequence() + " already accepted (" + file + "): refusing an older list (rollback)");
            }
            if (sequence == previous.sequence()) {
                if (!previous.sha256().equals(digest)) {
                    throw new CliException(ExitCode.INVALID_INPUT, what + " refused (ROLLBACK): sequence " + sequence
                            + " was already accepted with other content: the signer reused a sequence number; refusing it");
                }
                return previous;
            }
        }
        write(sequence + " " + digest + "\n");
        return previous;
    }

    private void write(String line) {
        Path directory = file.getParent();
        Path temporary = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".partial");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            forceDirectory(directory);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot record the accepted sequence in " + file + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed and says so; a stray .partial file is harmless.
                }
            }
        }
    }

    /** The rename is durable only once the directory entry is: POSIX needs the directory forced too. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open a directory: the rename stands, less surely durable.
        }
    }
}
