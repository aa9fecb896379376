package dev.greenlight.benchmarks.tools;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.registry.DecisionId;
import dev.greenlight.registry.DueHolder;
import dev.greenlight.registry.Issuance;
import dev.greenlight.registry.Registry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The daily re-issue over a province: fills a registry with N holders (default 1,000,000) unless it
 * has them, then scans every holder due and records a code for each, a page of 1,000 per
 * transaction, as the daily job does. Prints the time of each part, the peak heap and the peak RSS.
 * Run with {@code -Xmx256m} ({@code benchmarks/scripts/registry-reissue}).
 *
 * <p>Usage: {@code RegistryReissue <jdbc url> [holders] [fill-only]}; {@code fill-only} stops after
 * the fill, for {@code benchmarks/scripts/cli-reissue}, which times {@code gl-issue reissue} itself.
 */
public final class RegistryReissue {

    private static final int FILL_BATCH = 10_000;
    private static final int PAGE = 1_000;

    private RegistryReissue() {
    }

    /**
     * @param args the JDBC URL, and optionally how many holders
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int holders = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        try (Registry registry = Registry.open(url)) {
            long fillStart = System.nanoTime();
            long filled = fill(url, holders, now.minus(Duration.ofDays(2)));
            System.err.printf("fill: %,d holders added in %.1f s%n", filled, (System.nanoTime() - fillStart) / 1e9);
            if (args.length > 2 && args[2].equals("fill-only")) {
                return;
            }

            // The job's day: one past any run before, so every holder is due again.
            Instant day = now.plus(Duration.ofDays(lastRunDays(url) + 1));
            SecureRandom random = new SecureRandom();
            long start = System.nanoTime();
            long issued = 0;
            List<Registry.Issue> page = new ArrayList<>(PAGE);
            LocalDate jobDay = LocalDate.ofInstant(day, ZoneOffset.UTC);
            try (Stream<DueHolder> due = registry.holdersDueForReissue(day, Duration.ofHours(1))) {
                for (DueHolder holder : (Iterable<DueHolder>) due::iterator) {
                    page.add(new Registry.Issue(holder.holder(), new Issuance(new Serial(random.nextLong()), new KeyId(1),
                            holder.state().colour(), day, day.plus(Duration.ofDays(1)), DecisionId.reissue(holder.holder(), jobDay))));
                    if (page.size() == PAGE) {
                        issued += registry.recordIssued(page).size();
                        page.clear();
                    }
                }
            }
            issued += registry.recordIssued(page).size();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("reissue: %,d holders due, %,d codes recorded in %.1f s (%,.0f holders/s)%n",
                    issued, issued, seconds, issued / seconds);
            System.err.printf("peak heap: %,d MB of max %,d MB; peak RSS: %s%n", peakHeap() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, peakRss());
            System.out.printf("%d %.1f %d %s%n", issued, seconds, peakHeap() >> 20, peakRss().replaceAll("[^0-9]", ""));
        }
    }

    /** Adds holders until there are {@code holders}, in batches, straight through JDBC: set-up, not measured. */
    private static long fill(String url, int holders, Instant at) throws SQLException {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            long present;
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT count(*) FROM holder")) {
                row.next();
                present = row.getLong(1);
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO holder (identity_hash, colour, last_event_at) VALUES (?, ?, ?)")) {
                for (long i = present; i < holders; i++) {
                    insert.setBytes(1, hash(i).bytes());
                    insert.setString(2, Colour.values()[(int) (i % 3)].name());
                    insert.setLong(3, at.getEpochSecond() * 1_000_000_000L);
                    insert.addBatch();
                    if ((i + 1) % FILL_BATCH == 0 || i + 1 == holders) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            connection.setAutoCommit(true);
            return Math.max(0, holders - present);
        }
    }

    private static long lastRunDays(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(DISTINCT issued_at) FROM issued")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A pseudonym spread over the key space as real ones are: SHA-256 of the number, truncated. */
    private static IdentityHash hash(long i) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ByteBuffer.allocate(8).putLong(i).array());
            return new IdentityHash(Arrays.copyOf(digest, IdentityHash.BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Paths.get("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
