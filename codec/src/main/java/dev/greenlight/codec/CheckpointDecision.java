package dev.greenlight.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Checkpoint} decided for one person: the action, a message to show or say to them,
 * and what it was based on.
 *
 * <p>The scan is kept whole rather than as a colour and a rejection side by side: a code either
 * verified or did not, and one value cannot say both or neither.
 *
 * @param action      what to do; only {@link CheckpointAction#PASS} lets the person through
 * @param message     for people: what to do and why, in plain language
 * @param scan        what the verifier made of the scanned code
 * @param temperature the temperature taken at the checkpoint, empty if none was taken
 */
public record CheckpointDecision(CheckpointAction action, String message, VerificationResult scan,
                                 Optional<BodyTemperature> temperature) {

    /**
     * Checks the decision is complete.
     *
     * @param action      what to do
     * @param message     for people
     * @param scan        what the verifier made of the code
     * @param temperature the temperature taken, or empty
     * @throws NullPointerException if any component is null
     */
    public CheckpointDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(temperature, "temperature");
    }

    /**
     * Whether the person may go through.
     *
     * @return true only for {@link CheckpointAction#PASS}
     */
    public boolean pass() {
        return action == CheckpointAction.PASS;
    }

    /** @return the colour of the verified code, empty if the code did not verify */
    public Optional<Colour> colour() {
        return scan.isValid() ? Optional.of(scan.code().claims().colour()) : Optional.empty();
    }

    /** @return why the code did not verify, empty if it did */
    public Optional<RejectionReason> rejection() {
        return Optional.ofNullable(scan.reason());
    }
}
