package dev.greenlight.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Checkpoint} decided for one person: the action, a message to show or say to them,
 * and what it was based on.
 *
 * @param action      what to do; only {@link CheckpointAction#PASS} lets the person through
 * @param message     for people: what to do and why, in plain language
 * @param colour      the colour of the verified code, empty if the code did not verify
 * @param rejection   why the code did not verify, empty if it did
 * @param temperature the temperature taken at the checkpoint, empty if none was taken
 */
public record CheckpointDecision(CheckpointAction action, String message, Optional<Colour> colour,
                                 Optional<RejectionReason> rejection, Optional<BodyTemperature> temperature) {

    /**
     * Checks the decision is complete and consistent.
     *
     * @param action      what to do
     * @param message     for people
     * @param colour      the verified code's colour, or empty
     * @param rejection   why the code did not verify, or empty
     * @param temperature the temperature taken, or empty
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if both or neither of {@code colour} and {@code rejection}
     *                                  are present: a code either verified or did not
     */
    public CheckpointDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(temperature, "temperature");
        if (colour.isPresent() == rejection.isPresent()) {
            throw new IllegalArgumentException("A decision has a verified colour or a rejection, not both or neither");
        }
    }

    /**
     * Whether the person may go through.
     *
     * @return true only for {@link CheckpointAction#PASS}
     */
    public boolean pass() {
        return action == CheckpointAction.PASS;
    }
}
