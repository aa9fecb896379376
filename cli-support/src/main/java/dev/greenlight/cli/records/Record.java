package dev.greenlight.cli.records;

import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.VerificationResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One output record of the schema in {@code specs/records.md}: the fields it knows, and nothing
 * it does not. Every record has {@code schema}, {@code verdict} and {@code message}; a record
 * whose verdict or decision is negative has a {@code reason}. Immutable and thread-safe; built by
 * a {@link Builder}, whose setters take typed values so that each field is spelled one way.
 */
public final class Record {

    /** The value of the {@code schema} field: the schema's name and major version. */
    public static final String SCHEMA = "greenlight.record/1";

    private final Map<Field, Object> values;

    private Record(EnumMap<Field, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return the fields this record knows, in schema order, with their values (String, Long, BigDecimal, Boolean or List of String) */
    public Map<Field, Object> values() {
        return values;
    }

    /** @return the value of a field, or null if this record does not know it */
    public Object get(Field field) {
        return values.get(field);
    }

    public Verdict verdict() {
        return Verdict.valueOf((String) values.get(Field.VERDICT));
    }

    /** @return the reason code, or null */
    public String reason() {
        return (String) values.get(Field.REASON);
    }

    @Override
    public String toString() {
        return "Record" + values;
    }

    /** How a colour is spelled in every record: lower-case, as an operator types it. */
    public static String colourName(Colour colour) {
        return colour.name().toLowerCase(Locale.ROOT);
    }

    public static Builder builder(Verdict verdict) {
        return new Builder(verdict);
    }

    /**
     * A verification result as a record: VALID or REJECTED with the codec's reason and message,
     * and the claims only when the codec vouches for them ({@link VerificationResult#signedClaims()}):
     * a valid code's, an EXPIRED or NOT_YET_VALID code's; never those of a code whose signature
     * did not check out.
     */
    public static Builder verified(VerificationResult result) {
        Builder builder = result.isValid()
                ? builder(Verdict.VALID).message(result.message())
                : builder(Verdict.REJECTED).reason(result.reason()).message(result.message());
        if (result.signedClaims() != null) {
            builder.claims(result.signedClaims());
        }
        return builder;
    }

    /** An input that yields no code or verdict. */
    public static Builder inputError(InputProblem problem, String message) {
        return builder(Verdict.INPUT_ERROR).reason(problem.name()).message(message);
    }

    /** Collects the fields of one record; not thread-safe, build and drop. */
    public static final class Builder {

        private final EnumMap<Field, Object> values = new EnumMap<>(Field.class);

        private Builder(Verdict verdict) {
            values.put(Field.SCHEMA, SCHEMA);
            values.put(Field.VERDICT, verdict.name());
        }

        private Builder put(Field field, Object value) {
            if (value == null) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
            return this;
        }

        /** The physical line of the input the record comes from (or starts on), counted from 1. */
        public Builder line(long line) {
            return put(Field.LINE, line);
        }

        /** {@code batch}: the data row, counted from 1 (a CSV header is no row). */
        public Builder row(long row) {
            return put(Field.ROW, row);
        }

        /** The input file's name, for inputs that are files (images). */
        public Builder file(String file) {
            return put(Field.FILE, file);
        }

        /** The caller's own id for the input row, passed through as given. */
        public Builder id(String id) {
            return put(Field.ID, id);
        }

        /** {@code scan}: when the code was scanned. */
        public Builder time(Instant time) {
            return put(Field.TIME, time == null ? null : time.toString());
        }

        public Builder checkpoint(String checkpoint) {
            return put(Field.CHECKPOINT, checkpoint);
        }

        /** {@code in} or {@code out}. */
        public Builder direction(String direction) {
            return put(Field.DIRECTION, direction == null ? null : direction.toLowerCase(Locale.ROOT));
        }

        /** {@code scan}: whether the gate let the holder pass. */
        public Builder decision(boolean pass) {
            return put(Field.DECISION, pass ? "PASS" : "DENY");
        }

        public Builder reason(RejectionReason reason) {
            return put(Field.REASON, reason.name());
        }

        /** A code in UPPER_SNAKE_CASE: a {@link RejectionReason}, an {@link InputProblem}, or a gate's reason. */
        public Builder reason(String reason) {
            return put(Field.REASON, reason);
        }

        public Builder message(String message) {
            return put(Field.MESSAGE, message);
        }

        /**
         * The claims of a code: colour, key id, serial, identity hash, issue and expiry time. Only
         * for claims known to be the issuer's (issued, or signature checked) or a record whose
         * verdict says they are not ({@link Verdict#UNVERIFIED}).
         */
        public Builder claims(CodeClaims claims) {
            put(Field.COLOUR, colourName(claims.colour()));
            put(Field.KEY_ID, claims.keyId().toString());
            put(Field.SERIAL, claims.serial().toString());
            put(Field.IDENTITY_HASH, claims.identityHash().toString());
            put(Field.ISSUED_AT, claims.issuedAt().toString());
            return put(Field.EXPIRES_AT, claims.expiresAt().toString());
        }

        /**
         * {@code batch --colours-from-declarations}: the ids of the rules that gave the colour.
         *
         * @throws IllegalArgumentException if an id is empty or holds a space, the separator of a CSV cell
         */
        public Builder rules(List<String> ids) {
            List<String> copy = List.copyOf(ids);
            for (String id : copy) {
                if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("A rule id is one word, not '" + id + "'");
                }
            }
            return put(Field.RULES, copy);
        }

        /** {@code scan}: the holder's temperature in °C. */
        public Builder temperature(BigDecimal celsius) {
            return put(Field.TEMPERATURE, celsius);
        }

        /** {@code scan}: whether the same code was scanned at this checkpoint within the repeat window. */
        public Builder repeat(boolean repeat) {
            return put(Field.REPEAT, repeat);
        }

        /** {@code inspect}: the signature, in lower-case hex. */
        public Builder signature(String hex) {
            return put(Field.SIGNATURE, hex);
        }

        /** {@code batch}: the issued code's text. */
        public Builder code(String text) {
            return put(Field.CODE, text);
        }

        /** {@code batch}: the name of the QR image written for the code. */
        public Builder png(String name) {
            return put(Field.PNG, name);
        }

        /** @throws IllegalStateException if the record lacks its message, or a reason where the schema needs one */
        public Record build() {
            Objects.requireNonNull(values.get(Field.MESSAGE), "every record has a message");
            Verdict verdict = Verdict.valueOf((String) values.get(Field.VERDICT));
            boolean negative = verdict == Verdict.REJECTED || verdict == Verdict.INPUT_ERROR
                    || "DENY".equals(values.get(Field.DECISION));
            if (negative != values.containsKey(Field.REASON)) {
                throw new IllegalStateException(negative ? "a " + verdict + " record needs a reason"
                        : "only a negative record has a reason: " + values);
            }
            return new Record(values.clone());
        }
    }
}
