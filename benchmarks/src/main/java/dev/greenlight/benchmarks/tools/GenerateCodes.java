package dev.greenlight.benchmarks.tools;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.P256KeyPairs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes N valid codes, one per line, signed by a fresh key, and that key's JWKS: the input of
 * {@code benchmarks/scripts/bulk-throughput}. Self-contained on purpose: it runs as a single
 * source file ({@code java -cp verifier-cli.jar GenerateCodes.java ...}) with no build step.
 *
 * <p>Usage: {@code GenerateCodes CODES_FILE JWKS_FILE COUNT}
 */
public final class GenerateCodes {

    private static final int CHUNK = 10_000;

    private GenerateCodes() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: GenerateCodes CODES_FILE JWKS_FILE COUNT");
            System.exit(2);
        }
        Path codes = Path.of(args[0]);
        Path jwks = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        KeyPair pair = P256KeyPairs.generate(new SecureRandom());
        Issuer issuer = Issuer.builder(IdentitySecret.generate(new SecureRandom()), Clock.systemUTC())
                .signingKey((ECPrivateKey) pair.getPrivate())
                .defaultValidity(Duration.ofHours(24))
                .build();
        Files.writeString(jwks, JwkKeys.publicKeysToJwks(List.of((ECPublicKey) pair.getPublic())));

        Colour[] colours = Colour.values();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(codes, StandardCharsets.UTF_8)) {
            // A bounded window of chunks keeps memory flat and the file in order.
            List<Future<String>> window = new ArrayList<>();
            for (int from = 0; from < count || !window.isEmpty(); ) {
                while (from < count && window.size() < 2 * threads) {
                    int first = from;
                    int last = Math.min(count, from + CHUNK);
                    window.add(pool.submit(() -> {
                        StringBuilder chunk = new StringBuilder((last - first) * 155);
                        for (int i = first; i < last; i++) {
                            chunk.append(issuer.issue(Identity.passport("FRA", "G" + i), colours[i % colours.length]).text())
                                    .append('\n');
                        }
                        return chunk.toString();
                    }));
                    from = last;
                }
                out.write(window.remove(0).get());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("generated %,d codes in %.1f s (%,.0f/s) into %s; key %s in %s%n",
                count, seconds, count / seconds, codes, issuer.keyId(), jwks);
    }
}
