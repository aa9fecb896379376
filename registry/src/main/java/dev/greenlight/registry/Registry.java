package dev.greenlight.registry;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Lifecycle.Step;
import dev.greenlight.rules.Reason;
import dev.greenlight.rules.Rule;
import dev.greenlight.rules.Streak;
import dev.greenlight.rules.Symptom;
import dev.greenlight.rules.Transition;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The issuer's registry: each holder's lifecycle state, the events and colour transitions that
 * made it, and every code issued, in a database reached through JDBC. SQLite under the issuer home
 * by default ({@link #defaultUrl}); a PostgreSQL server when several issuing nodes share one.
 *
 * <p>Holders are keyed by their {@link IdentityHash}: no identity number is ever stored. Each call
 * that writes is one transaction: it is stored whole or not at all, also when the process is killed.
 * A holder's state is updated by compare-and-set on the state the caller read, so two nodes applying
 * events to one holder at once cannot lose one: the second gets {@link RegistryException.Reason#CONFLICT}.
 *
 * <p>One connection per instance; calls on one instance are serialised, so an instance may be
 * shared between threads. Several instances, in one process or several, may open one database.
 */
public final class Registry implements AutoCloseable {

    /** The registry's file name under the issuer home. */
    public static final String FILE_NAME = "registry.db";

    /** How many holders the daily job's scan reads per query. */
    static final int PAGE = 1000;

    private final Connection connection;
    private final Dialect dialect;
    private final int schemaVersion;

    private Registry(Connection connection, Dialect dialect, int schemaVersion) {
        this.connection = connection;
        this.dialect = dialect;
        this.schemaVersion = schemaVersion;
    }

    /**
     * The embedded default: a SQLite file under the issuer home.
     *
     * @param issuerHome the issuer's home directory
     * @return {@code jdbc:sqlite:<home>/registry.db}
     */
    public static String defaultUrl(Path issuerHome) {
        return "jdbc:sqlite:" + issuerHome.toAbsolutePath().resolve(FILE_NAME);
    }

    /**
     * Opens a registry, creating it and bringing its schema up to date as needed. A new SQLite file
     * is created readable by its owner only (0600) before SQLite opens it.
     *
     * @param jdbcUrl {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host/db?user=...}
     * @return the open registry; close it
     * @throws RegistryException {@code UNSUPPORTED_DATABASE} for another URL, {@code SCHEMA_MISMATCH}
     *                           if the schema is newer or was changed, {@code STORAGE} if the
     *                           database cannot be reached
     */
    public static Registry open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.of(jdbcUrl);
        Properties properties = new Properties();
        if (dialect == Dialect.SQLITE) {
            createPrivately(jdbcUrl.substring("jdbc:sqlite:".length()));
            // Write transactions take the write lock at BEGIN, so two writers never deadlock upgrading.
            properties.setProperty("transaction_mode", "IMMEDIATE");
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
            dialect.setUp(connection);
            int version = Migrations.migrate(connection, dialect);
            return new Registry(connection, dialect, version);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RegistryException(RegistryException.Reason.STORAGE, "Cannot open the registry: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void createPrivately(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path path = Paths.get(file.replaceAll("\\?.*", ""));
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Opened as it is: the issuer home's checks own its permissions.
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.STORAGE, "Cannot create the registry " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the schema version the database is at: the newest this program knows */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * A holder's state.
     *
     * @param holder the identity hash
     * @return the state, or empty for a holder never recorded
     * @throws RegistryException {@code STORAGE} if the database fails
     */
    public synchronized Optional<HolderState> holder(IdentityHash holder) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT colour, last_event_at, streak_first, streak_last, spoiled_day FROM holder WHERE identity_hash = ?")) {
            select.setBytes(1, holder.bytes());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(state(row, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage("read holder " + holder, e);
        }
    }

    /**
     * Stores an event the lifecycle applied: the event (a check-in with its day, temperature and
     * symptoms), the holder's new state and every transition with its rules, in one transaction.
     *
     * @param holder the identity hash
     * @param before the state the caller read and applied the event to; empty for a first declaration
     * @param event  the event
     * @param at     when it happened, the instant given to the lifecycle
     * @param day    its calendar day in the policy's zone
     * @param step   what {@link dev.greenlight.rules.Lifecycle} returned
     * @return the event's id, increasing
     * @throws RegistryException {@code CONFLICT} if the holder's state is no longer {@code before};
     *                           {@code UNKNOWN_HOLDER} if {@code before} is given for a holder never
     *                           recorded; {@code STORAGE} if the database fails. Nothing is stored then.
     * @throws IllegalArgumentException if the step's state is not at {@code at}
     */
    public synchronized long record(IdentityHash holder, Optional<HolderState> before, Event event, Instant at, LocalDate day,
                                    Step step) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(step, "step");
        if (!step.state().lastEventAt().equals(at)) {
            throw new IllegalArgumentException("The step's state is at " + step.state().lastEventAt() + ", the event at " + at);
        }
        return inTransaction("record an event for " + holder, () -> {
            byte[] key = holder.bytes();
            if (before.isEmpty()) {
                insertHolder(key, step.state());
            } else {
                updateHolder(holder, before.get(), step.state());
            }
            long eventId = insertEvent(key, event, at, day);
            for (Transition transition : step.transitions()) {
                insertTransition(key, eventId, transition);
            }
            if (!step.transitions().isEmpty()) {
                // The daily job issues the code for this change under this event's decision id.
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE holder SET change_event_id = ? WHERE identity_hash = ?")) {
                    update.setLong(1, eventId);
                    update.setBytes(2, key);
                    update.executeUpdate();
                }
            }
            return eventId;
        });
    }

    private void insertHolder(byte[] key, HolderState state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO holder (identity_hash, colour, last_event_at,"
                + " streak_first, streak_last, spoiled_day) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (identity_hash) DO NOTHING")) {
            insert.setBytes(1, key);
            setState(insert, 2, state);
            if (insert.executeUpdate() == 0) {
                throw new RegistryException(RegistryException.Reason.CONFLICT,
                        "Holder " + new IdentityHash(key) + " was recorded by another writer: read it again");
            }
        }
    }

    private void updateHolder(IdentityHash holder, HolderState before, HolderState after) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE holder SET colour = ?, last_event_at = ?,"
                + " streak_first = ?, streak_last = ?, spoiled_day = ? WHERE identity_hash = ? AND colour = ? AND last_event_at = ?"
                + " AND streak_first IS NOT DISTINCT FROM ? AND streak_last IS NOT DISTINCT FROM ?"
                + " AND spoiled_day IS NOT DISTINCT FROM ?")) {
            setState(update, 1, after);
            update.setBytes(6, holder.bytes());
            setState(update, 7, before);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM holder WHERE identity_hash = ?")) {
            exists.setBytes(1, holder.bytes());
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    throw new RegistryException(RegistryException.Reason.UNKNOWN_HOLDER, "Holder " + holder + " was never recorded");
                }
            }
        }
        throw new RegistryException(RegistryException.Reason.CONFLICT,
                "Holder " + holder + " changed since it was read (another writer): read it again and re-apply the event");
    }

    private long insertEvent(byte[] key, Event event, Instant at, LocalDate day) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event (identity_hash, kind, event_at, local_day,"
                + " temperature_tenths, symptoms, certificate) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setBytes(1, key);
            insert.setLong(3, Times.toNanos(at));
            insert.setInt(4, Times.toDay(day));
            if (event instanceof Event.CheckedIn checkIn) {
                insert.setString(2, StoredEvent.Kind.CHECKED_IN.name());
                insert.setInt(5, checkIn.temperature().tenths());
                insert.setString(6, symptoms(checkIn.symptoms()));
                insert.setNull(7, Types.VARCHAR);
            } else if (event instanceof Event.Declared declared) {
                insert.setString(2, StoredEvent.Kind.DECLARED.name());
                insert.setInt(5, declared.declaration().temperature().tenths());
                insert.setString(6, symptoms(declared.declaration().symptoms()));
                insert.setNull(7, Types.VARCHAR);
            } else {
                insert.setString(2, StoredEvent.Kind.RELEASED.name());
                insert.setNull(5, Types.SMALLINT);
                insert.setNull(6, Types.VARCHAR);
                insert.setString(7, ((Event.Released) event).certificate());
            }
            return returnedId(insert);
        }
    }

    private void insertTransition(byte[] key, long eventId, Transition transition) throws SQLException {
        long transitionId;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transition (event_id, identity_hash, changed_at,"
                + " from_colour, to_colour, cause) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, eventId);
            insert.setBytes(2, key);
            insert.setLong(3, Times.toNanos(transition.at()));
            insert.setString(4, transition.from().map(Colour::name).orElse(null));
            insert.setString(5, transition.to().name());
            insert.setString(6, transition.cause().name());
            transitionId = returnedId(insert);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO transition_reason (transition_id, ordinal, rule_id, reason_text) VALUES (?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Reason reason : transition.reasons()) {
                insert.setLong(1, transitionId);
                insert.setInt(2, ordinal++);
                insert.setString(3, reason.ruleId());
                insert.setString(4, reason.text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * A code to record for a holder, for {@link #recordIssued(List)}.
     *
     * @param holder   the identity hash
     * @param issuance the code
     */
    public record Issue(IdentityHash holder, Issuance issuance) {
        /**
         * @param holder   the holder
         * @param issuance the code
         * @throws NullPointerException if either is null
         */
        public Issue {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(issuance, "issuance");
        }
    }

    /**
     * Records a code issued to a holder, once per decision: if a code was already recorded for
     * {@code issuance.decision()} (a job re-run after a crash), nothing is stored and that code is
     * returned, which the caller hands out instead of its own. In the same transaction the code
     * becomes the holder's latest (its colour, issue and expiry time, which {@link #holdersDueForReissue}
     * and {@link #holdersWithColourChanged} read) unless one issued later is recorded already.
     *
     * @param holder   the identity hash
     * @param issuance the code
     * @return the code recorded for that decision: {@code issuance}, or the one recorded before
     * @throws RegistryException {@code UNKNOWN_HOLDER} for a holder never recorded; {@code STORAGE}
     *                           if the database fails (a serial already used for another decision too)
     */
    public Issuance recordIssued(IdentityHash holder, Issuance issuance) {
        return recordIssued(List.of(new Issue(holder, issuance))).get(0);
    }

    /**
     * Records several codes in one transaction, each once per decision as {@link #recordIssued(IdentityHash,
     * Issuance)}: the daily job's way, a page at a time, so a million holders do not cost a million
     * commits. All are stored or none; a job killed mid-page re-runs that page and issues nothing twice.
     *
     * @param issues the codes
     * @return for each, in order, the code recorded for its decision
     * @throws RegistryException as {@link #recordIssued(IdentityHash, Issuance)}; nothing is stored then
     */
    public synchronized List<Issuance> recordIssued(List<Issue> issues) {
        List<Issue> all = List.copyOf(issues);
        if (all.isEmpty()) {
            return List.of();
        }
        return inTransaction("record " + all.size() + " codes", () -> {
            List<Issuance> recorded = new ArrayList<>(all.size());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO issued (serial, identity_hash, key_id, colour,"
                    + " issued_at, expires_at, decision_id) SELECT ?, identity_hash, ?, ?, ?, ?, ? FROM holder WHERE identity_hash = ?"
                    + " ON CONFLICT (decision_id) DO NOTHING");
                 PreparedStatement update = connection.prepareStatement("UPDATE holder SET code_expires_at = ?,"
                         + " code_colour = ?, code_issued_at = ? WHERE identity_hash = ?"
                         + " AND (code_issued_at IS NULL OR code_issued_at <= ?)");
                 PreparedStatement select = connection.prepareStatement("SELECT serial, key_id, colour, issued_at, expires_at,"
                         + " decision_id FROM issued WHERE decision_id = ?")) {
                for (Issue issue : all) {
                    recorded.add(recordOne(insert, update, select, issue.holder(), issue.issuance()));
                }
            }
            return recorded;
        });
    }

    private static Issuance recordOne(PreparedStatement insert, PreparedStatement update, PreparedStatement select,
                                      IdentityHash holder, Issuance issuance) throws SQLException {
        byte[] key = holder.bytes();
        long expires = Times.toNanos(issuance.expiresAt());
        insert.setLong(1, issuance.serial().value());
        insert.setInt(2, issuance.keyId().value());
        insert.setString(3, issuance.colour().name());
        insert.setLong(4, Times.toNanos(issuance.issuedAt()));
        insert.setLong(5, expires);
        insert.setBytes(6, issuance.decision().bytes());
        insert.setBytes(7, key);
        if (insert.executeUpdate() == 1) {
            long issued = Times.toNanos(issuance.issuedAt());
            update.setLong(1, expires);
            update.setString(2, issuance.colour().name());
            update.setLong(3, issued);
            update.setBytes(4, key);
            update.setLong(5, issued);
            update.executeUpdate();
            return issuance;
        }
        select.setBytes(1, issuance.decision().bytes());
        try (ResultSet row = select.executeQuery()) {
            if (row.next()) {
                return issuance(row);
            }
        }
        throw new RegistryException(RegistryException.Reason.UNKNOWN_HOLDER, "Holder " + holder + " was never recorded");
    }

    /**
     * The holders whose latest code expires at or before {@code now + horizon}, or who have none:
     * the daily job's work list, in identity-hash order. Read a page of {@value #PAGE} at a time,
     * each page its own short query: memory stays constant over a million holders, no transaction
     * stays open across the scan, and the caller may {@link #recordIssued} while it goes on. A
     * holder written while the scan runs may be seen in either state, never twice.
     *
     * @param now     the job's instant
     * @param horizon how far ahead an expiry counts as due; zero or more
     * @return the due holders; close it (try-with-resources)
     * @throws RegistryException {@code STORAGE}, from the stream's methods, if the database fails
     */
    public Stream<DueHolder> holdersDueForReissue(Instant now, Duration horizon) {
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("A horizon is zero or more, not " + horizon);
        }
        long dueBy = Times.toNanos(now.plus(horizon));
        return pages("scan holders due for re-issue", "(code_expires_at IS NULL OR code_expires_at <= ?)", dueBy);
    }

    /**
     * The holders whose colour is no longer that of their latest code: a colour change that a code
     * still valid for days would otherwise hide until it nears expiry. Through a partial index that
     * holds only these holders, so the query reads them and no other, however large the registry;
     * paged as {@link #holdersDueForReissue}. A holder with no code is not here (they are due).
     *
     * @return those holders, in identity-hash order; close it (try-with-resources)
     * @throws RegistryException {@code STORAGE}, from the stream's methods, if the database fails
     */
    public Stream<DueHolder> holdersWithColourChanged() {
        // The condition is the index's own, word for word: SQLite uses a partial index only then.
        return pages("scan holders whose colour changed", COLOUR_CHANGED, null);
    }

    /** The partial index {@code holder_colour_changed}'s condition (migration V2). */
    static final String COLOUR_CHANGED = "code_colour <> colour";

    /**
     * One holder as {@link #holdersDueForReissue} would return them, due or not.
     *
     * @param holder the identity hash
     * @return the holder, or empty for one never recorded
     * @throws RegistryException {@code STORAGE} if the database fails
     */
    public synchronized Optional<DueHolder> forReissue(IdentityHash holder) {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + DUE_COLUMNS + " FROM holder WHERE identity_hash = ?")) {
            select.setBytes(1, holder.bytes());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(dueHolder(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage("read holder " + holder, e);
        }
    }

    private static final String DUE_COLUMNS = "identity_hash, colour, last_event_at, streak_first, streak_last, spoiled_day,"
            + " code_colour, code_issued_at, code_expires_at, change_event_id";

    private static DueHolder dueHolder(ResultSet row) throws SQLException {
        String colour = row.getString(7);
        Optional<DueHolder.LatestCode> code = colour == null ? Optional.empty() : Optional.of(new DueHolder.LatestCode(
                Colour.valueOf(colour), Times.fromNanos(row.getLong(8)), Times.fromNanos(row.getLong(9))));
        long event = row.getLong(10);
        OptionalLong changeEvent = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(event);
        return new DueHolder(new IdentityHash(row.getBytes(1)), state(row, 2), code, changeEvent);
    }

    /** Keyset paging over the holders that meet {@code condition}, whose one parameter, if any, is {@code value}. */
    private Stream<DueHolder> pages(String what, String condition, Long value) {
        String sql = pageQuery(condition);
        Iterator<DueHolder> pages = new Iterator<>() {
            private List<DueHolder> page = List.of();
            private int next;
            private byte[] after = new byte[0];
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = page(what, sql, value, after);
                next = 0;
                last = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).holder().bytes();
                }
                return !page.isEmpty();
            }

            @Override
            public DueHolder next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** One page of holders that meet {@code condition}, after the key given last. */
    static String pageQuery(String condition) {
        return "SELECT " + DUE_COLUMNS + " FROM holder WHERE " + condition + " AND identity_hash > ? ORDER BY identity_hash LIMIT " + PAGE;
    }

    private synchronized List<DueHolder> page(String what, String sql, Long value, byte[] after) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (value != null) {
                select.setLong(index++, value);
            }
            select.setBytes(index, after);
            List<DueHolder> page = new ArrayList<>(PAGE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    page.add(dueHolder(row));
                }
            }
            return page;
        } catch (SQLException e) {
            throw storage(what, e);
        }
    }

    /**
     * Everything kept about a holder, oldest first.
     *
     * @param holder the identity hash
     * @return the events, transitions and codes; all empty for a holder never recorded
     * @throws RegistryException {@code STORAGE} if the database fails
     */
    public synchronized History history(IdentityHash holder) {
        // One transaction, so the three lists agree with each other.
        return inTransaction("read the history of " + holder, () -> {
            byte[] key = holder.bytes();
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, event_at, local_day, temperature_tenths,"
                    + " symptoms, certificate FROM event WHERE identity_hash = ? ORDER BY id")) {
                select.setBytes(1, key);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        int tenths = row.getInt(5);
                        Optional<BodyTemperature> temperature = row.wasNull() ? Optional.empty() : Optional.of(new BodyTemperature(tenths));
                        events.add(new StoredEvent(row.getLong(1), StoredEvent.Kind.valueOf(row.getString(2)),
                                Times.fromNanos(row.getLong(3)), Times.fromDay(row.getLong(4)), temperature,
                                symptoms(row.getString(6)), Optional.ofNullable(row.getString(7))));
                    }
                }
            }
            List<Transition> transitions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT t.id, t.changed_at, t.from_colour, t.to_colour,"
                    + " t.cause, r.rule_id, r.reason_text FROM transition t JOIN transition_reason r ON r.transition_id = t.id"
                    + " WHERE t.identity_hash = ? ORDER BY t.id, r.ordinal")) {
                select.setBytes(1, key);
                try (ResultSet row = select.executeQuery()) {
                    long current = -1;
                    Transition.Cause cause = null;
                    Instant at = null;
                    Optional<Colour> from = Optional.empty();
                    Colour to = null;
                    List<Reason> reasons = new ArrayList<>();
                    while (row.next()) {
                        if (row.getLong(1) != current) {
                            if (current != -1) {
                                transitions.add(new Transition(at, from, to, cause, reasons));
                            }
                            current = row.getLong(1);
                            at = Times.fromNanos(row.getLong(2));
                            from = Optional.ofNullable(row.getString(3)).map(Colour::valueOf);
                            to = Colour.valueOf(row.getString(4));
                            cause = Transition.Cause.valueOf(row.getString(5));
                            reasons = new ArrayList<>();
                        }
                        reasons.add(new Reason(rule(row.getString(6)), row.getString(7)));
                    }
                    if (current != -1) {
                        transitions.add(new Transition(at, from, to, cause, reasons));
                    }
                }
            }
            List<Issuance> issued = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT serial, key_id, colour, issued_at, expires_at,"
                    + " decision_id FROM issued WHERE identity_hash = ? ORDER BY issued_at, serial")) {
                select.setBytes(1, key);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        issued.add(issuance(row));
                    }
                }
            }
            return new History(events, transitions, issued);
        });
    }

    /** Closes the connection. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw storage("close", e);
        }
    }

    /** For tests beside this class: the connection, to look at the schema and the rows. */
    Connection connection() {
        return connection;
    }

    /** @return the dialect of this registry's database */
    Dialect dialect() {
        return dialect;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storage(what, e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RegistryException storage(String what, SQLException e) {
        return new RegistryException(RegistryException.Reason.STORAGE, "Registry: cannot " + what + ": " + e.getMessage(), e);
    }

    private static long returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet id = insert.executeQuery()) {
            if (!id.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return id.getLong(1);
        }
    }

    /** Sets five parameters from {@code index}: colour, last event, streak first and last, spoiled day. */
    private static void setState(PreparedStatement statement, int index, HolderState state) throws SQLException {
        statement.setString(index, state.colour().name());
        statement.setLong(index + 1, Times.toNanos(state.lastEventAt()));
        setDay(statement, index + 2, state.streak().map(Streak::first));
        setDay(statement, index + 3, state.streak().map(Streak::last));
        setDay(statement, index + 4, state.spoiledDay());
    }

    private static void setDay(PreparedStatement statement, int index, Optional<LocalDate> day) throws SQLException {
        if (day.isPresent()) {
            statement.setInt(index, Times.toDay(day.get()));
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    /** Reads the five columns {@link #setState} writes, from {@code index}. */
    private static HolderState state(ResultSet row, int index) throws SQLException {
        Colour colour = Colour.valueOf(row.getString(index));
        Instant lastEventAt = Times.fromNanos(row.getLong(index + 1));
        Optional<LocalDate> first = day(row, index + 2);
        Optional<LocalDate> last = day(row, index + 3);
        Optional<Streak> streak = first.isPresent() ? Optional.of(new Streak(first.get(), last.orElseThrow())) : Optional.empty();
        return new HolderState(colour, lastEventAt, streak, day(row, index + 4));
    }

    private static Optional<LocalDate> day(ResultSet row, int index) throws SQLException {
        long day = row.getLong(index);
        return row.wasNull() ? Optional.empty() : Optional.of(Times.fromDay(day));
    }

    private static Issuance issuance(ResultSet row) throws SQLException {
        return new Issuance(new Serial(row.getLong(1)), new KeyId(row.getInt(2)), Colour.valueOf(row.getString(3)),
                Times.fromNanos(row.getLong(4)), Times.fromNanos(row.getLong(5)), new DecisionId(row.getBytes(6)));
    }

    private static String symptoms(Set<Symptom> symptoms) {
        return symptoms.stream().sorted().map(Symptom::name).collect(Collectors.joining(","));
    }

    private static Set<Symptom> symptoms(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        EnumSet<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Arrays.stream(stored.split(",")).map(Symptom::valueOf).forEach(symptoms::add);
        return symptoms;
    }

    private static Rule rule(String id) throws SQLException {
        for (Rule rule : Rule.values()) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        throw new SQLException("Stored transition names rule " + id + ", which this program does not know");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already failing; the first error is the one to report.
            }
        }
    }
}
