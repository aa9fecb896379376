package dev.greenlight.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every place where SQLite and PostgreSQL differ, and nothing else: the type of a byte string, an
 * auto-numbered key, how a connection is set up and how migrations exclude each other. The rest of
 * the registry's SQL (upserts as {@code INSERT ... ON CONFLICT}, {@code LIMIT}) is common to both.
 */
enum Dialect {
    /** The embedded default: one file under the issuer home, in WAL mode. */
    SQLITE("BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT") {
        @Override
        void setUp(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // The driver's URL options could say the same; saying it here keeps one place.
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            }
        }

        @Override
        void lockForMigration(Statement statement) {
            // Write transactions start BEGIN IMMEDIATE (Registry.open): the writer's lock is the lock.
        }
    },
    /** A server that several issuing nodes share. */
    POSTGRESQL("BYTEA", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY") {
        @Override
        void setUp(Connection connection) {
            // Nothing: READ COMMITTED and the compare-and-set updates are enough.
        }

        @Override
        void lockForMigration(Statement statement) throws SQLException {
            // Held to the end of the transaction; the key is any constant the registry owns.
            statement.execute("SELECT pg_advisory_xact_lock(7146128531)");
        }
    };

    /** How long a SQLite writer waits for another's lock before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final String bytes;
    private final String serialId;

    Dialect(String bytes, String serialId) {
        this.bytes = bytes;
        this.serialId = serialId;
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect that URL names
     * @throws RegistryException {@link RegistryException.Reason#UNSUPPORTED_DATABASE} for any other
     */
    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new RegistryException(RegistryException.Reason.UNSUPPORTED_DATABASE,
                "The registry runs on SQLite (jdbc:sqlite:...) or PostgreSQL (jdbc:postgresql:...), not '"
                        + jdbcUrl.replaceAll("[?;].*", "") + "'");
    }

    /**
     * Puts this dialect's words into a migration's text.
     *
     * @param sql a migration with {@code {bytes}} and {@code {serial_id}} placeholders
     * @return the SQL this database runs
     */
    String expand(String sql) {
        return sql.replace("{bytes}", bytes).replace("{serial_id}", serialId);
    }

    /** Sets a new connection up: journal, foreign keys, lock waits. */
    abstract void setUp(Connection connection) throws SQLException;

    /** Inside a migration's transaction, before reading the applied versions: excludes other migrators. */
    abstract void lockForMigration(Statement statement) throws SQLException;
}
