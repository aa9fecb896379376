package dev.greenlight.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from Debian's binaries
 * ({@code /usr/lib/postgresql/<n>/bin}, which {@code .ci/run} installs): initdb into a temporary
 * directory, then pg_ctl on a free loopback port, stopped and deleted when the JVM exits. PostgreSQL
 * refuses to run as root, so as root both run as {@code nobody}, which owns the directory.
 *
 * <p>Where the binaries are missing the PostgreSQL tests skip, saying so; under {@code CI=true} they
 * fail instead, as the shared vectors do, so CI cannot pass without having run them.
 */
final class PostgresServer {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;
    private static String unavailable;

    private final int port;

    private PostgresServer(int port) {
        this.port = port;
    }

    /**
     * The shared server, started on first use; skips the calling test (fails it under CI) when
     * PostgreSQL is not installed or does not start.
     */
    static synchronized PostgresServer require() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | InterruptedException | RuntimeException e) {
                unavailable = "PostgreSQL did not start: " + e.getMessage();
            }
        }
        if (shared == null) {
            String message = unavailable + " (install Debian's postgresql package, as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return shared;
    }

    /** A JDBC URL of a new, empty schema: each test its own database, in effect. */
    String newSchemaUrl() {
        String schema = "t" + SCHEMAS.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("")); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        return url("&currentSchema=" + schema);
    }

    private String url(String more) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres" + more;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            throw new IllegalStateException("no initdb and pg_ctl in /usr/lib/postgresql/*/bin");
        }
        Path dir = Files.createTempDirectory("greenlight-pg");
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
            asUser.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        Path data = dir.resolve("data");
        run(dir, asUser, bin.get().resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        run(dir, asUser, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(dir, asUser, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            } catch (IOException | InterruptedException | RuntimeException e) {
                // The JVM is exiting; a stray server is found by its temporary directory.
            }
            deleteRecursively(dir);
        }));
        return new PostgresServer(port);
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        }
    }

    private static int versionOf(String name) {
        return name.matches("[0-9]+") ? Integer.parseInt(name) : 0;
    }

    private static void run(Path dir, List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output + log);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort in a shutdown hook.
        }
    }
}
