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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

    /**
     * Records a command's revocations, leaving out those recorded before and those it names twice,
     * and forces them to the disk; only then tells {@code added} which they were, in the order named.
     *
     * @return how many were recorded
     */
    long revoke(Batch batch, String reason, Instant at, Consumer<Entry> added) {
        BitSet first = batch.firstOccurrences();
        BitSet recorded = new BitSet(batch.size());
        String tail;
        try {
            tail = ",\"reason\":" + JSON.writeValueAsString(reason) + ",\"at\":\"" + at + "\"}\n";
        } catch (IOException e) {
            throw new IllegalStateException("a string always writes as JSON", e);
        }
        append(out -> {
            for (int i = first.nextSetBit(0); i >= 0; i = first.nextSetBit(i + 1)) {
                Entry entry = batch.get(i);
                if (!contains(entry)) {
                    out.write("{\"keyId\":\"" + entry.keyId + "\"" + (entry.serial == null ? "" : ",\"serial\":\"" + entry.serial + "\"") + tail);
                    recorded.set(i);
                }
            }
        });
        for (int i = recorded.nextSetBit(0); i >= 0; i = recorded.nextSetBit(i + 1)) {
            Entry entry = batch.get(i);
            all.add(entry);
            sinceLastPublish.add(entry);
            added.accept(entry);
        }
        return recorded.cardinality();
    }

    /**
     * What one revoke command names, in its order, 12 bytes a code: a file of a million serials is
     * read whole before anything is recorded (one bad line refuses them all), and an entry object
     * per line, with the lines to append built in one string, took some 500 MB.
     */
    static final class Batch {
        private int[] keyIds = new int[16];
        private long[] serials = new long[16];
        private final BitSet wholeKeys = new BitSet();
        private int size;

        void add(Entry entry) {
            if (size == keyIds.length) {
                keyIds = Arrays.copyOf(keyIds, size * 2);
                serials = Arrays.copyOf(serials, size * 2);
            }
            keyIds[size] = entry.keyId.value();
            if (entry.serial == null) {
                wholeKeys.set(size);
            } else {
                serials[size] = entry.serial.value();
            }
            size++;
        }

        int size() {
            return size;
        }

        Entry get(int i) {
            return new Entry(new KeyId(keyIds[i]), wholeKeys.get(i) ? null : new Serial(serials[i]));
        }

        /** The positions of the first naming of each revocation. */
        BitSet firstOccurrences() {
            Map<Integer, long[]> sortedByKey = new HashMap<>();
            Map<Integer, Integer> counts = new HashMap<>();
            for (int i = 0; i < size; i++) {
                if (!wholeKeys.get(i)) {
                    counts.merge(keyIds[i], 1, Integer::sum);
                }
            }
            counts.forEach((key, count) -> sortedByKey.put(key, new long[count]));
            Map<Integer, Integer> filled = new HashMap<>();
            for (int i = 0; i < size; i++) {
                if (!wholeKeys.get(i)) {
                    sortedByKey.get(keyIds[i])[filled.merge(keyIds[i], 1, Integer::sum) - 1] = serials[i];
                }
            }
            sortedByKey.values().forEach(Arrays::sort);
            Map<Integer, BitSet> seen = new HashMap<>();
            Set<Integer> keysSeen = new HashSet<>();
            BitSet first = new BitSet(size);
            for (int i = 0; i < size; i++) {
                if (wholeKeys.get(i)) {
                    if (keysSeen.add(keyIds[i])) {
                        first.set(i);
                    }
                    continue;
                }
                // Equal serials sort together: the first of a run stands for all of them.
                long[] sorted = sortedByKey.get(keyIds[i]);
                int at = Arrays.binarySearch(sorted, serials[i]);
                while (at > 0 && sorted[at - 1] == serials[i]) {
                    at--;
                }
                BitSet seenOfKey = seen.computeIfAbsent(keyIds[i], k -> new BitSet());
                if (!seenOfKey.get(at)) {
                    seenOfKey.set(at);
                    first.set(i);
                }
            }
            return first;
        }
    }

    void published(long sequence, boolean delta, long base, String sha256, Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("published", sequence);
        node.put("kind", delta ? "delta" : "base");
        node.put("base", base);
        node.put("sha256", sha256);
        node.put("at", at.toString());
        append(out -> out.write(node + "\n"));
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

    /** Lines to append, written as they are made: a command may record a million. */
    @FunctionalInterface
    private interface Lines {
        void writeTo(Writer out) throws IOException;
    }

    /** Appends, and forces to the disk before anything is reported as recorded. */
    private void append(Lines lines) {
        try {
            HomePermissions.createPrivateDirectories(file.getParent());
            if (!Files.exists(file) && HomePermissions.hasPosixPermissions(file.getParent())) {
                // Reasons may say things about holders: owner-only, like the issuer's secrets.
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
                lines.writeTo(out);
                out.flush();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
