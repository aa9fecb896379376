package dev.greenlight.registry;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.rules.Symptom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An event as the registry keeps it. A declaration is kept by its temperature and symptoms; the
 * rest of it (stays, contacts, case status) shows in the transition it caused, by rule and reason.
 *
 * @param id          the registry's number for it, increasing
 * @param kind        declaration, check-in or release
 * @param at          when it happened
 * @param day         its calendar day in the policy's zone
 * @param temperature the reported temperature; empty for a release
 * @param symptoms    the reported symptoms; empty for a release
 * @param certificate the release certificate's reference; empty for the others
 */
public record StoredEvent(long id, Kind kind, Instant at, LocalDate day, Optional<BodyTemperature> temperature,
                          Set<Symptom> symptoms, Optional<String> certificate) {

    /** The kinds of {@link dev.greenlight.rules.Event}. */
    public enum Kind {
        /** {@link dev.greenlight.rules.Event.Declared}. */
        DECLARED,
        /** {@link dev.greenlight.rules.Event.CheckedIn}. */
        CHECKED_IN,
        /** {@link dev.greenlight.rules.Event.Released}. */
        RELEASED
    }

    /**
     * @param id          the id
     * @param kind        the kind
     * @param at          the instant
     * @param day         the day
     * @param temperature the temperature, or empty
     * @param symptoms    the symptoms, copied
     * @param certificate the certificate, or empty
     * @throws NullPointerException if any is null
     */
    public StoredEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(temperature, "temperature");
        symptoms = Set.copyOf(Objects.requireNonNull(symptoms, "symptoms"));
        Objects.requireNonNull(certificate, "certificate");
    }
}
