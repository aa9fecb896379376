package dev.greenlight.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's versioned schema: numbered SQL files on the class path, applied in order, each in
 * one transaction with its row in {@code schema_version} (version, description, SHA-256 of the
 * file, when). Opening a registry applies what is missing and checks what was applied: a changed
 * migration, or a database newer than this program, is refused rather than guessed at.
 *
 * <p>Not Flyway: its SQLite support sits in a community module, and its transitive JSON and TOML
 * libraries would fight the build's dependency convergence; the registry needs ordered files,
 * checksums and a lock, which fit in this class.
 */
final class Migrations {

    /** Every migration, in order; a new one is added at the end and never edited once released. */
    static final List<String> FILES = List.of("V1__registry.sql", "V2__latest_code_on_holder.sql");

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");
    private static final String FOLDER = "migrations/";

    /** One migration as read from the class path. */
    record Migration(int version, String description, String sql, String checksum) {
    }

    private Migrations() {
    }

    /** @return every migration, in version order */
    static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String file : FILES) {
            Matcher matcher = NAME.matcher(file);
            if (!matcher.matches()) {
                throw new IllegalStateException("A migration is named V<n>__<words>.sql, not " + file);
            }
            String sql = read(file);
            int version = Integer.parseInt(matcher.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException("Migration " + file + " is out of order: expected version " + (migrations.size() + 1));
            }
            migrations.add(new Migration(version, matcher.group(2).replace('_', ' '), sql, sha256(sql)));
        }
        return migrations;
    }

    /**
     * Brings a database to the newest schema: each missing migration in its own transaction, under
     * the dialect's migration lock, so two processes opening one registry at once apply each once.
     *
     * @param connection a connection in auto-commit mode; left so
     * @param dialect    the database's dialect
     * @return the schema version now
     * @throws SQLException      if the database fails
     * @throws RegistryException {@link RegistryException.Reason#SCHEMA_MISMATCH} if an applied migration
     *                           differs from this program's, or the database has one it does not know
     */
    static int migrate(Connection connection, Dialect dialect) throws SQLException {
        List<Migration> migrations = all();
        while (true) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                dialect.lockForMigration(statement);
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at BIGINT NOT NULL)");
                TreeMap<Integer, String> applied = applied(statement);
                check(applied, migrations);
                if (applied.size() == migrations.size()) {
                    connection.commit();
                    return applied.size();
                }
                Migration next = migrations.get(applied.size());
                for (String sql : statements(dialect.expand(next.sql()))) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, next.version());
                    insert.setString(2, next.description());
                    insert.setString(3, next.checksum());
                    insert.setLong(4, Times.toNanos(Instant.now()));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static TreeMap<Integer, String> applied(Statement statement) throws SQLException {
        TreeMap<Integer, String> applied = new TreeMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void check(TreeMap<Integer, String> applied, List<Migration> migrations) {
        int expected = 1;
        for (var entry : applied.entrySet()) {
            int version = entry.getKey();
            if (version != expected) {
                throw new RegistryException(RegistryException.Reason.SCHEMA_MISMATCH,
                        "The registry's schema_version skips version " + expected + ": it was not made by this program");
            }
            if (version > migrations.size()) {
                throw new RegistryException(RegistryException.Reason.SCHEMA_MISMATCH, "The registry's schema is at version "
                        + applied.lastKey() + ", newer than this program's " + migrations.size() + ": upgrade the program");
            }
            Migration migration = migrations.get(version - 1);
            if (!migration.checksum().equals(entry.getValue())) {
                throw new RegistryException(RegistryException.Reason.SCHEMA_MISMATCH, "Migration " + version + " ("
                        + migration.description() + ") applied to this registry differs from this program's: checksum "
                        + entry.getValue() + ", expected " + migration.checksum());
            }
            expected++;
        }
    }

    /**
     * Splits a migration into statements: at each semicolon that ends a line, after dropping
     * {@code --} comment lines. Migrations keep semicolons out of strings and comments.
     */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("A migration ends without a semicolon: " + current);
        }
        return statements;
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
