package dev.greenlight.registry;

import dev.greenlight.codec.IdentityHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The decision a code is issued for, such as "re-issue this holder's code on 2026-12-01": at most
 * one serial is ever recorded per decision ({@link Registry#recordIssued}). Derived from what was
 * decided, never random, so a job re-run after a crash derives the same id and finds the code it
 * already issued. 16 bytes, stored as bytes: no identity number can hide in it.
 *
 * @param bytes the {@value #BYTES} bytes; copied in and out
 */
public record DecisionId(byte[] bytes) {

    /** The length of a decision id. */
    public static final int BYTES = 16;

    /**
     * @param bytes the {@value #BYTES} bytes; copied
     * @throws IllegalArgumentException if not {@value #BYTES} long
     */
    public DecisionId {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("A decision id is " + BYTES + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /**
     * The daily job's decision to re-issue a holder's code on a day.
     *
     * @param holder the holder
     * @param day    the job's day, in the policy's zone
     * @return the same id for the same holder and day, every time
     */
    public static DecisionId reissue(IdentityHash holder, LocalDate day) {
        return derive("reissue", holder, day.toString());
    }

    /**
     * The decision to issue a code after a recorded event (a first declaration, a colour change).
     *
     * @param holder  the holder
     * @param eventId the event's id, as {@link Registry#record} returned it
     * @return the same id for the same event, every time
     */
    public static DecisionId afterEvent(IdentityHash holder, long eventId) {
        return derive("event", holder, Long.toString(eventId));
    }

    private static DecisionId derive(String kind, IdentityHash holder, String what) {
        Objects.requireNonNull(holder, "holder");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("greenlight-decision/" + kind + "/").getBytes(StandardCharsets.US_ASCII));
            sha256.update(holder.bytes());
            sha256.update(("/" + what).getBytes(StandardCharsets.US_ASCII));
            return new DecisionId(Arrays.copyOf(sha256.digest(), BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** @return 32 lower-case hex digits */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
