package dev.greenlight.issuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The POSIX permissions of the issuer home, both ways: directories are created owner-only, and a
 * directory or a secret whose permissions let others in is refused, as ssh judges its keys. Files
 * themselves are written owner-only by {@link dev.greenlight.cli.AtomicOutput}. On a file system
 * without POSIX permissions there is nothing to set or check.
 */
final class HomePermissions {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_ANY = PosixFilePermissions.fromString("---rwxrwx");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE = PosixFilePermissions.fromString("----w--w-");

    private HomePermissions() {
    }

    static boolean hasPosixPermissions(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory and any missing parents, the new ones owner-only (0700). */
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
}
