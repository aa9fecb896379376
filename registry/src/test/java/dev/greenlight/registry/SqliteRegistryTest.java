package dev.greenlight.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on the embedded default, and what only SQLite has: the file, WAL. */
class SqliteRegistryTest extends RegistryContract {

    @TempDir
    Path home;

    private final AtomicInteger databases = new AtomicInteger();

    @Override
    String newUrl() {
        return "jdbc:sqlite:" + home.resolve("registry-" + databases.incrementAndGet() + ".db");
    }

    @Test
    void open_defaultUrl_createsAPrivateFileInWalMode() throws IOException, SQLException {
        String url = Registry.defaultUrl(home);
        assertEquals("jdbc:sqlite:" + home.toAbsolutePath().resolve("registry.db"), url);
        try (Registry registry = Registry.open(url); Statement statement = registry.connection().createStatement()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(Registry.FILE_NAME))));
            assertEquals("wal", pragma(statement, "journal_mode"));
            assertEquals("1", pragma(statement, "foreign_keys"));
            assertEquals("ok", pragma(statement, "integrity_check"));
        }
    }

    @Test
    void open_unsupportedUrl_refusedWithoutItsPassword() {
        RegistryException e = org.junit.jupiter.api.Assertions.assertThrows(RegistryException.class,
                () -> Registry.open("jdbc:mysql://db/registry?password=secret"));
        assertEquals(RegistryException.Reason.UNSUPPORTED_DATABASE, e.reason());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
