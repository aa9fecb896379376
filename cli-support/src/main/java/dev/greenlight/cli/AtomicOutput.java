package dev.greenlight.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way both tools write an output file: into a temporary file next to it, renamed onto it
 * only by {@link #commit()}. A run that fails or is killed leaves no partial file under the
 * target's name: a file that exists is a whole one. Private files ({@code ownerOnly}) are created
 * 0600 from the start where the file system has POSIX permissions; others are 0644.
 *
 * <p>The temporary file is created exclusively, with a random name, in the target's directory
 * ({@link Files#createTempFile(Path, String, String, FileAttribute[])}). Until it is committed or
 * closed, a shutdown hook deletes it, so that SIGINT or SIGTERM (Ctrl-C, {@code kill}) leaves no
 * {@code .partial} file behind either; only SIGKILL or a power cut can.
 *
 * <p>{@code -} as a file name means stdout: {@link #isStandardStream(Path)}; the commands write
 * there directly.
 */
public final class AtomicOutput implements Closeable {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path target;
    private final Path temporary;
    private final boolean overwrite;
    private final OutputStream stream;
    private final Thread cleanup;
    private boolean finished;

    /** What a file is written with, so that a secret goes from its owner to the file with no copy in between. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput(Path target, Path temporary, boolean overwrite) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.overwrite = overwrite;
        this.stream = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.WRITE), 1 << 16);
        this.cleanup = new Thread(() -> deleteQuietly(temporary), "gl-delete-" + temporary.getFileName());
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The JVM is going down; nobody is left to tell.
        }
    }

    /** Once the temporary file is renamed or deleted, the hook has nothing left to do. */
    private void forgetCleanup() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Shutdown in progress: the hook runs anyway, and deleting a renamed file's old name is a no-op.
        }
    }

    /** Whether a file option's value is {@code -}: stdin or stdout. */
    public static boolean isStandardStream(Path path) {
        return path != null && path.toString().equals("-");
    }

    /**
     * A directory option's value, refused when it is {@code -}: a directory cannot be stdin or
     * stdout, and taking the word as a name would quietly create a directory called {@code -}.
     *
     * @throws CliException {@link ExitCode#USAGE} for {@code -}
     */
    public static Path requireDirectoryName(Path value, String option) {
        if (isStandardStream(value)) {
            throw new CliException(ExitCode.USAGE, option + " names a directory, and '-' (stdin or stdout) cannot be one; "
                    + "write ./- for a directory of that name");
        }
        return value;
    }

    /**
     * Starts writing {@code target}.
     *
     * @throws FileAlreadyExistsException if it exists and {@code overwrite} is false
     */
    public static AtomicOutput open(Path target, boolean overwrite, boolean ownerOnly) throws IOException {
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temporary = createTemporaryNextTo(target, ownerOnly);
        try {
            return new AtomicOutput(target, temporary, overwrite);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Writes a whole file at once: {@link #open}, {@code content}, {@link #commit}. */
    public static void write(Path target, Content content, boolean overwrite, boolean ownerOnly) throws IOException {
        try (AtomicOutput output = open(target, overwrite, ownerOnly)) {
            content.writeTo(output.stream());
            output.commit();
        }
    }

    /** Where the content goes: buffered, into the temporary file. */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Renames the finished content onto the target.
     *
     * @throws FileAlreadyExistsException if the target appeared meanwhile and {@code overwrite} is false
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("already committed or closed");
        }
        stream.close();
        if (overwrite) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            // Not ATOMIC_MOVE: a rename may replace an existing file, a plain move refuses.
            Files.move(temporary, target);
        }
        finished = true;
        forgetCleanup();
    }

    /** Without a {@link #commit()}: drops the temporary file, and the target is as it was. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            stream.close();
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } finally {
                forgetCleanup();
            }
        }
    }

    /** A new empty file in the same directory as {@code target}, so that a rename onto it is atomic. */
    static Path createTemporaryNextTo(Path target, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (ownerOnly && posix) {
            FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            return Files.createTempFile(directory, prefix, ".partial", attribute);
        }
        Path temporary = Files.createTempFile(directory, prefix, ".partial");
        if (!ownerOnly && posix) {
            // createTempFile makes files 0600; a public key or an output file should be readable as usual.
            Files.setPosixFilePermissions(temporary, PUBLIC_FILE);
        }
        return temporary;
    }
}
