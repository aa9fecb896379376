package dev.greenlight.issuer;

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
import java.util.Optional;
import java.util.Set;

/**
 * Writing files that must not be read by others, or must not be clobbered. Where the file system
 * has POSIX permissions, private files are created 0600 and directories 0700 from the start, so
 * there is no moment at which the content is readable by others.
 */
final class SecureFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_ANY = PosixFilePermissions.fromString("---rwxrwx");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE = PosixFilePermissions.fromString("----w--w-");

    private SecureFiles() {
    }

    /**
     * Why {@code path} is not safe to load a secret from, as ssh judges its keys, or empty if it is
     * (or the file system has no POSIX permissions, where there is nothing to check). A private file
     * (a key, the identity secret) must give group and others no access at all; a directory that
     * holds them must not be writable by group or others, who could replace what is in it.
     *
     * @param what names the file in the message, for example "The private key"
     */
    static Optional<String> unsafePermissions(Path path, String what) throws IOException {
        if (!hasPosixPermissions(path)) {
            return Optional.empty();
        }
        boolean directory = Files.isDirectory(path);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> refused = directory ? GROUP_OR_OTHERS_WRITE : GROUP_OR_OTHERS_ANY;
        if (permissions.stream().noneMatch(refused::contains)) {
            return Optional.empty();
        }
        String mode = octal(permissions);
        return Optional.of(directory
                ? what + " " + path + " is writable by group or others (mode " + mode + "): anyone who can write there can "
                        + "replace its keys. Run: chmod go-w " + path
                : what + " " + path + " is accessible by group or others (mode " + mode + "): it must be readable by its "
                        + "owner only. Run: chmod 600 " + path);
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // OWNER_READ is ordinal 0 and has the value 0400; each later constant is the next lower bit.
            mode |= 0400 >> permission.ordinal();
        }
        return String.format("%04o", mode);
    }

    static boolean hasPosixPermissions(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory and any missing parents, the new ones owner-only. */
    static void createPrivateDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        if (hasPosixPermissions(absolute)) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectory(absolute);
        }
    }

    /**
     * Writes a file readable by its owner only. Without {@code overwrite} an existing file is
     * never touched; with it, the new content replaces the old in one rename.
     *
     * @throws FileAlreadyExistsException if the file exists and {@code overwrite} is false
     */
    static void writePrivate(Path file, byte[] content, boolean overwrite) throws IOException {
        write(file, out -> out.write(content), overwrite, true);
    }

    /**
     * Like {@link #writePrivate(Path, byte[], boolean)}, the content streamed into the file by
     * {@code content}: a secret goes from its owner to the file with no copy in between.
     */
    static void writePrivate(Path file, Content content, boolean overwrite) throws IOException {
        write(file, content, overwrite, true);
    }

    /** Like {@link #writePrivate} for files anyone may read, such as public keys. */
    static void writePublic(Path file, byte[] content, boolean overwrite) throws IOException {
        write(file, out -> out.write(content), overwrite, false);
    }

    private static void write(Path file, Content content, boolean overwrite, boolean ownerOnly) throws IOException {
        if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temporary = createTemporaryNextTo(file, ownerOnly);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            if (overwrite) {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A new empty file in the same directory as {@code target}, so that a rename onto it is atomic. */
    static Path createTemporaryNextTo(Path target, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        if (ownerOnly && hasPosixPermissions(directory)) {
            FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            return Files.createTempFile(directory, prefix, ".partial", attribute);
        }
        Path temporary = Files.createTempFile(directory, prefix, ".partial");
        if (!ownerOnly && hasPosixPermissions(directory)) {
            // createTempFile makes files 0600; a public key or an output file should be readable as usual.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temporary;
    }

    /** What a file is written with. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
