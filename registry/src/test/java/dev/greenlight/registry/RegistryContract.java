package dev.greenlight.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.rules.Declaration;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Isolation;
import dev.greenlight.rules.Lifecycle;
import dev.greenlight.rules.Lifecycle.Step;
import dev.greenlight.rules.Policy;
import dev.greenlight.rules.RefusedEventException;
import dev.greenlight.rules.Symptom;
import dev.greenlight.rules.Transition;
import java.nio.ByteBuffer;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every registry backend promises, run on SQLite ({@link SqliteRegistryTest}) and on a real
 * PostgreSQL server ({@link PostgresRegistryTest}).
 */
abstract class RegistryContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Policy POLICY = new Policy(new BodyTemperature(373), 14, 2, ZONE, List.of());
    static final Lifecycle LIFECYCLE = new Lifecycle(POLICY);
    static final Instant MORNING = Instant.parse("2026-12-01T01:00:00Z");
    static final BodyTemperature NORMAL = new BodyTemperature(365);

    /** @return the URL of a new, empty database for one test */
    abstract String newUrl();

    static IdentityHash hash(int n) {
        return new IdentityHash(ByteBuffer.allocate(IdentityHash.BYTES).putLong(0x5eed).putLong(n).array());
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }

    /** Applies an event to what the registry holds and records it, as an issuing node does. */
    static Step apply(Registry registry, IdentityHash holder, Event event, Instant at) throws RefusedEventException {
        Optional<HolderState> before = registry.holder(holder);
        Step step = before.isEmpty() ? LIFECYCLE.start(((Event.Declared) event).declaration(), at)
                : LIFECYCLE.apply(before.get(), event, at);
        registry.record(holder, before, event, at, day(at), step);
        return step;
    }

    static Event.Declared declared(Declaration declaration) {
        return new Event.Declared(declaration);
    }

    static Issuance issuance(long serial, Instant at, DecisionId decision) {
        return new Issuance(new Serial(serial), new KeyId(0x0a0b0c0d), Colour.GREEN, at, at.plus(Duration.ofDays(1)), decision);
    }

    @Test
    void holder_neverRecorded_isEmpty() {
        try (Registry registry = Registry.open(newUrl())) {
            assertEquals(Optional.empty(), registry.holder(hash(1)));
            History history = registry.history(hash(1));
            assertTrue(history.events().isEmpty() && history.transitions().isEmpty() && history.issued().isEmpty());
        }
    }

    @Test
    void record_yellowThroughCheckInsToGreen_storesStateEventsAndTransitions() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash holder = hash(7);
            Step first = apply(registry, holder, declared(Declaration.ofTemperature(NORMAL).withIsolation(Isolation.HOME)), MORNING);
            assertEquals(Optional.of(first.state()), registry.holder(holder));

            Instant fever = MORNING.plus(Duration.ofHours(2));
            apply(registry, holder, new Event.CheckedIn(new BodyTemperature(380), Set.of(Symptom.DRY_COUGH, Symptom.HEADACHE)), fever);
            Instant dayTwo = MORNING.plus(Duration.ofDays(1));
            Step streak = apply(registry, holder, new Event.CheckedIn(NORMAL, Set.of()), dayTwo);
            assertEquals(Optional.of(streak.state()), registry.holder(holder));
            assertEquals(1, registry.holder(holder).orElseThrow().streakDays());
            Step green = apply(registry, holder, new Event.CheckedIn(NORMAL, Set.of()), MORNING.plus(Duration.ofDays(2)));
            assertEquals(Colour.GREEN, registry.holder(holder).orElseThrow().colour());

            History history = registry.history(holder);
            assertEquals(4, history.events().size());
            StoredEvent checkIn = history.events().get(1);
            assertEquals(StoredEvent.Kind.CHECKED_IN, checkIn.kind());
            assertEquals(fever, checkIn.at());
            assertEquals(LocalDate.parse("2026-12-01"), checkIn.day());
            assertEquals(Optional.of(new BodyTemperature(380)), checkIn.temperature());
            assertEquals(Set.of(Symptom.DRY_COUGH, Symptom.HEADACHE), checkIn.symptoms());
            List<Transition> expected = new ArrayList<>(first.transitions());
            expected.addAll(green.transitions());
            assertEquals(expected, history.transitions());
            assertEquals(List.of("GREEN-CHECK-INS-COMPLETE"), history.transitions().get(1).ruleIds());
        }
    }

    @Test
    void record_release_keepsTheCertificate() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash holder = hash(8);
            apply(registry, holder, declared(Declaration.ofTemperature(NORMAL).withCaseContacts(List.of(day(MORNING)))), MORNING);
            assertEquals(Colour.RED, registry.holder(holder).orElseThrow().colour());
            apply(registry, holder, new Event.Released("DC-2026-0042"), MORNING.plusSeconds(60));
            History history = registry.history(holder);
            assertEquals(Optional.of("DC-2026-0042"), history.events().get(1).certificate());
            assertEquals(Optional.of(Colour.RED), history.transitions().get(1).from());
            assertEquals(Colour.YELLOW, history.transitions().get(1).to());
        }
    }

    @Test
    void record_staleState_conflictAndNothingStored() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash holder = hash(9);
            Step first = apply(registry, holder, declared(Declaration.ofTemperature(NORMAL).withIsolation(Isolation.HOME)), MORNING);
            Instant later = MORNING.plusSeconds(3600);
            Event checkIn = new Event.CheckedIn(NORMAL, Set.of());
            Step step = LIFECYCLE.apply(first.state(), checkIn, later);
            registry.record(holder, Optional.of(first.state()), checkIn, later, day(later), step);

            Instant again = later.plusSeconds(60);
            Step stale = LIFECYCLE.apply(first.state(), checkIn, again);
            RegistryException e = assertThrows(RegistryException.class,
                    () -> registry.record(holder, Optional.of(first.state()), checkIn, again, day(again), stale));
            assertEquals(RegistryException.Reason.CONFLICT, e.reason());
            assertEquals(Optional.of(step.state()), registry.holder(holder));
            assertEquals(2, registry.history(holder).events().size());

            Step again2 = LIFECYCLE.start(Declaration.ofTemperature(NORMAL), again);
            Event repeat = declared(Declaration.ofTemperature(NORMAL));
            assertEquals(RegistryException.Reason.CONFLICT, assertThrows(RegistryException.class,
                    () -> registry.record(holder, Optional.empty(), repeat, again, day(again), again2)).reason());
            assertEquals(RegistryException.Reason.UNKNOWN_HOLDER, assertThrows(RegistryException.class,
                    () -> registry.record(hash(10), Optional.of(first.state()), checkIn, again, day(again), stale)).reason());
        }
    }

    @Test
    void record_failsMidTransaction_leavesNothing() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            try (Statement statement = registry.connection().createStatement()) {
                // The holder, the event and the transition rows go in first; the reasons then fail.
                statement.execute("DROP TABLE transition_reason");
            }
            IdentityHash holder = hash(11);
            RegistryException e = assertThrows(RegistryException.class,
                    () -> apply(registry, holder, declared(Declaration.ofTemperature(NORMAL)), MORNING));
            assertEquals(RegistryException.Reason.STORAGE, e.reason());
            assertEquals(Optional.empty(), registry.holder(holder));
            assertEquals(0, count(registry, "SELECT count(*) FROM event"));
            assertEquals(0, count(registry, "SELECT count(*) FROM transition"));
        }
    }

    @Test
    void recordIssued_sameDecisionTwice_keepsTheFirstSerialOnly() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash holder = hash(12);
            apply(registry, holder, declared(Declaration.ofTemperature(NORMAL)), MORNING);
            DecisionId decision = DecisionId.reissue(holder, day(MORNING));
            Issuance first = issuance(0x1111L, MORNING, decision);
            assertEquals(first, registry.recordIssued(holder, first));
            Issuance rerun = issuance(0x2222L, MORNING.plusSeconds(5), decision);
            assertEquals(first, registry.recordIssued(holder, rerun));
            assertEquals(List.of(first), registry.history(holder).issued());

            Issuance tomorrow = issuance(0x3333L, MORNING.plus(Duration.ofDays(1)),
                    DecisionId.reissue(holder, day(MORNING).plusDays(1)));
            registry.recordIssued(holder, tomorrow);
            assertEquals(List.of(first, tomorrow), registry.history(holder).issued());
        }
    }

    @Test
    void recordIssued_holderNeverRecorded_refusedAndNothingStored() {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash holder = hash(13);
            RegistryException e = assertThrows(RegistryException.class,
                    () -> registry.recordIssued(holder, issuance(1, MORNING, DecisionId.reissue(holder, day(MORNING)))));
            assertEquals(RegistryException.Reason.UNKNOWN_HOLDER, e.reason());
            assertEquals(0, count(registry, "SELECT count(*) FROM issued"));
        }
    }

    @Test
    void recordIssued_pageWithAnUnknownHolder_storesNoneOfIt() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash known = hash(14);
            apply(registry, known, declared(Declaration.ofTemperature(NORMAL)), MORNING);
            List<Registry.Issue> page = List.of(
                    new Registry.Issue(known, issuance(1, MORNING, DecisionId.reissue(known, day(MORNING)))),
                    new Registry.Issue(hash(15), issuance(2, MORNING, DecisionId.reissue(hash(15), day(MORNING)))));
            assertEquals(RegistryException.Reason.UNKNOWN_HOLDER,
                    assertThrows(RegistryException.class, () -> registry.recordIssued(page)).reason());
            assertEquals(0, count(registry, "SELECT count(*) FROM issued"));
            try (Stream<DueHolder> scan = registry.holdersDueForReissue(MORNING, Duration.ZERO)) {
                assertEquals(Optional.empty(), scan.findFirst().orElseThrow().codeExpiresAt());
            }
        }
    }

    @Test
    void holdersDueForReissue_pagesOverEveryDueHolderOnceInHashOrder() throws Exception {
        int holders = Registry.PAGE * 2 + 37;
        try (Registry registry = Registry.open(newUrl())) {
            for (int i = 0; i < holders; i++) {
                apply(registry, hash(i), declared(Declaration.ofTemperature(NORMAL)), MORNING);
            }
            // Every third holder has a code valid for three days: not due within a day.
            for (int i = 0; i < holders; i += 3) {
                registry.recordIssued(hash(i), new Issuance(new Serial(i), new KeyId(1), Colour.GREEN, MORNING,
                        MORNING.plus(Duration.ofDays(3)), DecisionId.reissue(hash(i), day(MORNING))));
            }
            Instant tomorrow = MORNING.plus(Duration.ofDays(1));
            List<IdentityHash> due = new ArrayList<>();
            try (Stream<DueHolder> scan = registry.holdersDueForReissue(tomorrow, Duration.ofHours(1))) {
                scan.forEach(d -> {
                    due.add(d.holder());
                    // The daily job writes while it scans.
                    registry.recordIssued(d.holder(), issuance(0x100000L + due.size(), tomorrow,
                            DecisionId.reissue(d.holder(), day(tomorrow))));
                });
            }
            assertEquals(holders - (holders + 2) / 3, due.size());
            for (int i = 1; i < due.size(); i++) {
                assertTrue(java.util.Arrays.compareUnsigned(due.get(i - 1).bytes(), due.get(i).bytes()) < 0);
            }
            try (Stream<DueHolder> scan = registry.holdersDueForReissue(tomorrow, Duration.ofHours(1))) {
                assertEquals(0, scan.count());
            }
            try (Stream<DueHolder> scan = registry.holdersDueForReissue(MORNING.plus(Duration.ofDays(5)), Duration.ZERO)) {
                assertEquals(holders, scan.count());
            }
        }
    }

    @Test
    void holdersWithColourChanged_findsTheColourChangeThatALongValidCodeHides() throws Exception {
        try (Registry registry = Registry.open(newUrl())) {
            IdentityHash steady = hash(20);
            IdentityHash fever = hash(21);
            IdentityHash noCode = hash(22);
            for (IdentityHash holder : List.of(steady, fever, noCode)) {
                apply(registry, holder, declared(Declaration.ofTemperature(NORMAL)), MORNING);
            }
            for (IdentityHash holder : List.of(steady, fever)) {
                registry.recordIssued(holder, new Issuance(new Serial(holder.equals(steady) ? 1 : 2), new KeyId(1), Colour.GREEN, MORNING,
                        MORNING.plus(Duration.ofDays(7)), DecisionId.reissue(holder, day(MORNING))));
            }
            Instant noon = MORNING.plus(Duration.ofHours(3));
            apply(registry, fever, new Event.CheckedIn(new BodyTemperature(381), Set.of()), noon);
            long feverEvent = registry.history(fever).events().get(1).id();

            List<DueHolder> changed;
            try (Stream<DueHolder> scan = registry.holdersWithColourChanged()) {
                changed = scan.toList();
            }
            List<IdentityHash> due;
            try (Stream<DueHolder> scan = registry.holdersDueForReissue(noon, Duration.ofHours(24))) {
                due = scan.map(DueHolder::holder).toList();
            }

            assertEquals(List.of(fever), changed.stream().map(DueHolder::holder).toList());
            DueHolder yellow = changed.get(0);
            assertEquals(Colour.YELLOW, yellow.state().colour());
            assertEquals(Optional.of(new DueHolder.LatestCode(Colour.GREEN, MORNING, MORNING.plus(Duration.ofDays(7)))),
                    yellow.latestCode());
            assertEquals(java.util.OptionalLong.of(feverEvent), yellow.changeEventId());
            assertTrue(yellow.colourChanged());
            assertEquals(Optional.of(yellow), registry.forReissue(fever));
            assertEquals(List.of(noCode), due, "the expiry scan alone does not see the colour change");

            registry.recordIssued(fever, new Issuance(new Serial(99), new KeyId(1), Colour.YELLOW, noon,
                    noon.plus(Duration.ofDays(7)), DecisionId.afterEvent(fever, feverEvent)));
            try (Stream<DueHolder> scan = registry.holdersWithColourChanged()) {
                assertEquals(0, scan.count(), "the yellow code is the latest now");
            }
            assertEquals(Optional.of(new DueHolder.LatestCode(Colour.YELLOW, noon, noon.plus(Duration.ofDays(7)))),
                    registry.forReissue(fever).orElseThrow().latestCode());
            assertEquals(Optional.empty(), registry.forReissue(hash(23)));

            // Isolation makes yellow with no spoiled day: the state's last column is null, the change's event is not.
            Step isolated = apply(registry, steady, declared(Declaration.ofTemperature(NORMAL).withIsolation(Isolation.HOME)), noon);
            assertEquals(Optional.empty(), isolated.state().spoiledDay());
            assertEquals(java.util.OptionalLong.of(registry.history(steady).events().get(1).id()),
                    registry.forReissue(steady).orElseThrow().changeEventId());
        }
    }

    @Test
    void holdersWithColourChanged_pagesOverManyInHashOrder() throws Exception {
        int holders = Registry.PAGE + 5;
        try (Registry registry = Registry.open(newUrl())) {
            List<Registry.Issue> codes = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                apply(registry, hash(i), declared(Declaration.ofTemperature(NORMAL)), MORNING);
                // Every holder but the multiples of 4 got a code of a colour they no longer have.
                Colour code = i % 4 == 0 ? Colour.GREEN : Colour.RED;
                codes.add(new Registry.Issue(hash(i), new Issuance(new Serial(i + 1), new KeyId(1), code, MORNING,
                        MORNING.plus(Duration.ofDays(7)), DecisionId.reissue(hash(i), day(MORNING)))));
            }
            registry.recordIssued(codes);

            List<IdentityHash> changed;
            try (Stream<DueHolder> scan = registry.holdersWithColourChanged()) {
                changed = scan.map(DueHolder::holder).toList();
            }

            assertEquals(holders - (holders + 3) / 4, changed.size());
            for (int i = 1; i < changed.size(); i++) {
                assertTrue(java.util.Arrays.compareUnsigned(changed.get(i - 1).bytes(), changed.get(i).bytes()) < 0);
            }
        }
    }

    @Test
    void holdersWithColourChanged_queryUsesThePartialIndex() throws SQLException {
        try (Registry registry = Registry.open(newUrl()); Statement statement = registry.connection().createStatement()) {
            String plan;
            if (registry.dialect() == Dialect.SQLITE) {
                plan = rows(statement, "EXPLAIN QUERY PLAN " + Registry.pageQuery(Registry.COLOUR_CHANGED).replace("?", "X''"));
            } else {
                // An empty table is cheapest to read whole: take that choice away to see whether the index can serve.
                statement.execute("SET enable_seqscan = off");
                plan = rows(statement, "EXPLAIN " + Registry.pageQuery(Registry.COLOUR_CHANGED).replace("?", "'\\x'::bytea"));
            }
            assertTrue(plan.contains("holder_colour_changed"), plan);
        }
    }

    @Test
    void migration2_fillsTheLatestCodeAndChangeOfARegistryMadeBefore() throws Exception {
        String url = newUrl();
        IdentityHash holder = hash(30);
        try (Registry registry = Registry.open(url); Statement statement = registry.connection().createStatement()) {
            apply(registry, holder, declared(Declaration.ofTemperature(NORMAL)), MORNING);
            registry.recordIssued(holder, new Issuance(new Serial(5), new KeyId(1), Colour.GREEN, MORNING,
                    MORNING.plus(Duration.ofDays(7)), DecisionId.reissue(holder, day(MORNING))));
            registry.recordIssued(holder, new Issuance(new Serial(4), new KeyId(1), Colour.GREEN, MORNING.plusSeconds(60),
                    MORNING.plus(Duration.ofDays(2)), DecisionId.reissue(holder, day(MORNING).plusDays(1))));
            Instant fever = MORNING.plus(Duration.ofHours(2));
            apply(registry, holder, new Event.CheckedIn(new BodyTemperature(381), Set.of()), fever);
            // Back to the registry as version 1 left it: the columns empty, the second migration not applied.
            statement.execute("UPDATE holder SET code_colour = NULL, code_issued_at = NULL, change_event_id = NULL,"
                    + " code_expires_at = 0");
            statement.execute("DROP INDEX holder_colour_changed");
            for (String column : List.of("code_colour", "code_issued_at", "change_event_id")) {
                statement.execute("ALTER TABLE holder DROP COLUMN " + column);
            }
            statement.execute("DELETE FROM schema_version WHERE version = 2");
        }
        try (Registry registry = Registry.open(url)) {
            long feverEvent = registry.history(holder).events().get(1).id();
            assertEquals(Optional.of(new DueHolder(holder, registry.holder(holder).orElseThrow(),
                    Optional.of(new DueHolder.LatestCode(Colour.GREEN, MORNING.plusSeconds(60), MORNING.plus(Duration.ofDays(2)))),
                    java.util.OptionalLong.of(feverEvent))), registry.forReissue(holder));
            try (Stream<DueHolder> scan = registry.holdersWithColourChanged()) {
                assertEquals(List.of(holder), scan.map(DueHolder::holder).toList());
            }
        }
    }

    private static String rows(Statement statement, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rows.getString(i)).append(' ');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void open_twice_appliesEachMigrationOnce() {
        String url = newUrl();
        try (Registry registry = Registry.open(url)) {
            assertEquals(Migrations.FILES.size(), registry.schemaVersion());
        }
        try (Registry registry = Registry.open(url)) {
            assertEquals(Migrations.FILES.size(), registry.schemaVersion());
            assertEquals(Migrations.FILES.size(), count(registry, "SELECT count(*) FROM schema_version"));
        }
    }

    @Test
    void open_changedMigrationOrNewerSchema_refused() throws Exception {
        String url = newUrl();
        try (Registry registry = Registry.open(url); Statement statement = registry.connection().createStatement()) {
            statement.execute("UPDATE schema_version SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");
        }
        RegistryException changed = assertThrows(RegistryException.class, () -> Registry.open(url));
        assertEquals(RegistryException.Reason.SCHEMA_MISMATCH, changed.reason());
        assertTrue(changed.getMessage().contains("differs"), changed.getMessage());

        String newer = newUrl();
        try (Registry registry = Registry.open(newer); Statement statement = registry.connection().createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (" + (Migrations.FILES.size() + 1) + ", 'future', '"
                    + "1".repeat(64) + "', 0)");
        }
        RegistryException future = assertThrows(RegistryException.class, () -> Registry.open(newer));
        assertEquals(RegistryException.Reason.SCHEMA_MISMATCH, future.reason());
        assertTrue(future.getMessage().contains("newer"), future.getMessage());
    }

    /**
     * No column can hold an identity number in clear: identities and decisions are fixed-length
     * byte strings, and every text column is one of a known list of codes and reasons.
     */
    @Test
    void schema_noColumnCanHoldAClearIdentity() throws SQLException {
        try (Registry registry = Registry.open(newUrl())) {
            DatabaseMetaData meta = registry.connection().getMetaData();
            Map<String, String> types = new HashMap<>();
            String schema = registry.connection().getSchema();
            for (String table : List.of("holder", "event", "transition", "transition_reason", "issued")) {
                try (ResultSet columns = meta.getColumns(null, schema, table, null)) {
                    while (columns.next()) {
                        types.put(table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertTrue(types.size() > 20, types.toString());
            Set<String> bytes = Set.of("blob", "bytea");
            for (String column : List.of("holder.identity_hash", "event.identity_hash", "transition.identity_hash",
                    "issued.identity_hash", "issued.decision_id")) {
                assertTrue(bytes.contains(types.get(column)), column + " is " + types.get(column));
            }
            Set<String> texts = Set.of("holder.colour", "holder.code_colour", "event.kind", "event.symptoms", "event.certificate",
                    "transition.from_colour", "transition.to_colour", "transition.cause", "transition_reason.rule_id",
                    "transition_reason.reason_text", "issued.colour");
            types.forEach((column, type) -> {
                if (type.contains("char") || type.contains("text") || type.contains("clob")) {
                    assertTrue(texts.contains(column), "text column " + column + " is not on the list of codes and reasons");
                }
            });
            assertThrows(RegistryException.class, () -> {
                try (Statement statement = registry.connection().createStatement()) {
                    statement.execute("INSERT INTO holder (identity_hash, colour, last_event_at) VALUES ("
                            + (registry.dialect() == Dialect.SQLITE ? "X'3131'" : "'\\x3131'::bytea") + ", 'GREEN', 0)");
                } catch (SQLException e) {
                    throw new RegistryException(RegistryException.Reason.STORAGE, "refused", e);
                }
            }, "a 2-byte identity is refused by the CHECK");
        }
    }

    @Test
    void twoRegistriesOnOneDatabase_concurrentWritersLoseNothing() throws Exception {
        String url = newUrl();
        int perWriter = 150;
        IdentityHash shared = hash(1_000_000);
        try (Registry one = Registry.open(url); Registry two = Registry.open(url)) {
            apply(one, shared, declared(Declaration.ofTemperature(NORMAL)), MORNING);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> writers = new ArrayList<>();
                int writer = 0;
                for (Registry registry : List.of(one, two)) {
                    int base = writer++ * perWriter;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            IdentityHash holder = hash(base + i);
                            apply(registry, holder, declared(Declaration.ofTemperature(NORMAL)), MORNING);
                            apply(registry, holder, new Event.CheckedIn(NORMAL, Set.of()), MORNING.plusSeconds(1));
                            // Both write the shared holder too: each attempt stores whole or is refused.
                            retryOnConflict(registry, shared, MORNING.plusSeconds(2 + i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writers) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(2 * perWriter + 1, count(one, "SELECT count(*) FROM holder"));
            // Each writer's holders: declared and checked in once; the shared one: declared, then one check-in per turn.
            assertEquals(2 * perWriter * 2 + 1 + 2 * perWriter, count(two, "SELECT count(*) FROM event"));
        }
    }

    private static void retryOnConflict(Registry registry, IdentityHash holder, Instant at) throws RefusedEventException {
        while (true) {
            try {
                Optional<HolderState> before = registry.holder(holder);
                Instant when = before.get().lastEventAt().isAfter(at) ? before.get().lastEventAt() : at;
                Event checkIn = new Event.CheckedIn(NORMAL, Set.of());
                registry.record(holder, before, checkIn, when, day(when), LIFECYCLE.apply(before.get(), checkIn, when));
                return;
            } catch (RegistryException e) {
                if (e.reason() != RegistryException.Reason.CONFLICT) {
                    throw e;
                }
            }
        }
    }

    static long count(Registry registry, String sql) {
        try (Statement statement = registry.connection().createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
