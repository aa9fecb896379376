package dev.greenlight.rules;

import dev.greenlight.codec.BodyTemperature;
import java.util.Objects;
import java.util.Set;

/** What can happen to a holder; {@link Lifecycle#apply} takes one with the instant it happened. */
public sealed interface Event permits Event.Declared, Event.CheckedIn, Event.Released {

    /**
     * A new health declaration: assessed by the colour rules on the day it is made.
     *
     * @param declaration what was declared
     */
    record Declared(Declaration declaration) implements Event {
        /**
         * @param declaration what was declared
         * @throws NullPointerException if it is null
         */
        public Declared {
            Objects.requireNonNull(declaration, "declaration");
        }
    }

    /**
     * The daily health check-in ("打卡"): the temperature and the symptoms of the day.
     *
     * @param temperature the temperature
     * @param symptoms    the symptoms, empty if none
     */
    record CheckedIn(BodyTemperature temperature, Set<Symptom> symptoms) implements Event {
        /**
         * @param temperature the temperature
         * @param symptoms    the symptoms, copied
         * @throws NullPointerException if either is null
         */
        public CheckedIn {
            Objects.requireNonNull(temperature, "temperature");
            symptoms = Set.copyOf(Objects.requireNonNull(symptoms, "symptoms"));
        }
    }

    /**
     * A discharge or release certificate, reported to the community.
     *
     * @param certificate the certificate's number or reference, as recorded
     */
    record Released(String certificate) implements Event {
        /**
         * @param certificate the certificate's reference; not blank
         * @throws NullPointerException     if it is null
         * @throws IllegalArgumentException if it is blank
         */
        public Released {
            Objects.requireNonNull(certificate, "certificate");
            if (certificate.isBlank()) {
                throw new IllegalArgumentException("A release names its certificate");
            }
        }
    }
}
