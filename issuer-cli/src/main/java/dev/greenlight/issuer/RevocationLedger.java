package dev.greenlight.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.revocation.RevocationList;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The authority's record of revocations and of the lists it published: {@code revocations/ledger.jsonl}
 * in the authority home, JSON Lines, append-only, each line forced to disk before the command
 * reports success. A revocation line names a code ({@code keyId}, {@code serial}) or a key, with
 * the reason and who-knows-why; a publish line the list's sequence, kind and digest. What a delta
 * holds is what was revoked since the last publish line; a base holds everything.
 *
 * <p>The reasons stay here: lists carry only key ids and serials, to stay small and say nothing
 * about a holder.
 */
final class RevocationLedger {

    static final String FILE = "ledger.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A code or, with a null serial, a whole key. */
    record Entry(KeyId keyId, Serial serial) {
        @Override
        public String toString() {
            return serial == null ? "key " + keyId : keyId + "/" + serial;
        }
    }

    /** A published list. */
    record Published(long sequence, boolean delta, long base) {
    }

    private final Path file;
    private final RevokedSet all = new RevokedSet();
    private final RevokedSet sinceLastPublish = new RevokedSet();
    private Published last;
    private Published lastBase;

    /**
     * A set of revocations as primitive serials per key id, 8 bytes a code (16 while an array
     * grows): publishing a base list reads the whole ledger, and an object per code (a record, its
     * key id, its serial and a set entry) held a million revocations in some 500 MB.
     */
    private static final class RevokedSet {
        private final Set<KeyId> wholeKeys = new LinkedHashSet<>();
        private final Map<KeyId, Serials> serials = new LinkedHashMap<>();

        void add(Entry entry) {
            if (entry.serial == null) {
                wholeKeys.add(entry.keyId);
            } else {
                serials.computeIfAbsent(entry.keyId, k -> new Serials()).add(entry.serial.value());
            }
        }

        boolean contains(Entry entry) {
            if (wholeKeys.contains(entry.keyId)) {
                return true;
            }
            Serials ofKey = entry.serial == null ? null : serials.get(entry.keyId);
            return ofKey != null && ofKey.contains(entry.serial.value());
        }

        void clear() {
            wholeKeys.clear();
            serials.clear();
        }

        /** Distinct revocations: a ledger edited by hand, or appended by two runs at once, may name a code twice. */
        long size() {
            long size = wholeKeys.size();
            for (Serials ofKey : serials.values()) {
                size += ofKey.distinct();
            }
            return size;
        }

        void addTo(RevocationList.Builder list) {
            wholeKeys.forEach(list::revokeKey);
            serials.forEach((keyId, ofKey) -> ofKey.forEach(serial -> list.revokeSerial(keyId, new Serial(serial))));
        }
    }

    /** One key's serials: appended in ledger order, sorted and made distinct on the first read after an append. */
    private static final class Serials {
        private long[] values = new long[8];
        private int count;
        private boolean sortedDistinct = true;

        void add(long serial) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = serial;
            sortedDistinct = false;
        }

        boolean contains(long serial) {
            return Arrays.binarySearch(values, 0, distinct(), serial) >= 0;
        }

        int distinct() {
            if (!sortedDistinct) {
                Arrays.sort(values, 0, count);
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    if (kept == 0 || values[i] != values[kept - 1]) {
                        values[kept++] = values[i];
                    }
                }
                count = kept;
                sortedDistinct = true;
            }
            return count;
        }

        void forEach(LongConsumer action) {
            int distinct = distinct();
            for (int i = 0; i < distinct; i++) {
                action.accept(values[i]);
            }
        }
    }

    private RevocationLedger(Path file) {
        this.file = file;
    }

    static RevocationLedger open(Path directory) {
        RevocationLedger ledger = new RevocationLedger(directory.resolve(FILE));
        ledger.read();
        return ledger;
    }

    private void read() {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node.has("published")) {
                        last = new Published(node.get("published").asLong(), node.get("kind").asText().equals("delta"), node.get("base").asLong());
                        if (!last.delta) {
                            lastBase = last;
                        }
                        sinceLastPublish.clear();
                    } else {
                        KeyId key = KeyId.parse(node.get("keyId").asText());
                        Entry entry = new Entry(key, node.hasNonNull("serial") ? Serial.parse(node.get("serial").asText()) : null);
                        all.add(entry);
                        sinceLastPublish.add(entry);
                    }
                } catch (IOException | RuntimeException e) {
                    throw new CliException(ExitCode.INVALID_INPUT, file + " line " + number + " is damaged (" + e.getMessage()
                            + "); it is the record of what was revoked: restore it from a backup");
                }
            }
        } catch (NoSuchFileException e) {
            // Nothing revoked yet.
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    boolean contains(Entry entry) {
        return all.contains(entry);
    }

    /** Records revocations; those already recorded are left out and returned as such. */
    List<Entry> revoke(List<Entry> entries, String reason, Instant at) {
        List<Entry> added = new ArrayList<>();
        Set<Entry> inThisCall = new HashSet<>();
        StringBuilder lines = new StringBuilder();
        for (Entry entry : entries) {
            if (contains(entry) || !inThisCall.add(entry)) {
                continue;
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("keyId", entry.keyId.toString());
            if (entry.serial != null) {
                node.put("serial", entry.serial.toString());
            }
            node.put("reason", reason);
            node.put("at", at.toString());
            lines.append(node).append('\n');
            added.add(entry);
        }
        append(lines.toString());
        for (Entry entry : added) {
            all.add(entry);
            sinceLastPublish.add(entry);
        }
        return added;
    }

    void published(long sequence, boolean delta, long base, String sha256, Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("published", sequence);
        node.put("kind", delta ? "delta" : "base");
        node.put("base", base);
        node.put("sha256", sha256);
        node.put("at", at.toString());
        append(node + "\n");
        last = new Published(sequence, delta, base);
        if (!delta) {
            lastBase = last;
        }
        sinceLastPublish.clear();
    }

    /**
     * Names the ledger's revocations to a list being built.
     *
     * @param onlySinceLastPublish a delta's: those recorded after the last list published
     * @return how many
     */
    long addTo(RevocationList.Builder list, boolean onlySinceLastPublish) {
        RevokedSet which = onlySinceLastPublish ? sinceLastPublish : all;
        which.addTo(list);
        return which.size();
    }

    /** @return how many revocations no published list holds yet */
    long unpublished() {
        return sinceLastPublish.size();
    }

    /** The last list published, or null. */
    Published last() {
        return last;
    }

    /** The last base list published, or null. */
    Published lastBase() {
        return lastBase;
    }

    private void append(String lines) {
        if (lines.isEmpty()) {
            return;
        }
        try {
            HomePermissions.createPrivateDirectories(file.getParent());
            if (!Files.exists(file) && HomePermissions.hasPosixPermissions(file.getParent())) {
                // Reasons may say things about holders: owner-only, like the issuer's secrets.
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
