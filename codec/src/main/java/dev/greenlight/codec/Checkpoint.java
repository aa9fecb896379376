package dev.greenlight.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * The decision at an entrance: "scan + temperature". Takes what a {@link Verifier} made of the
 * scanned code and, where the place takes temperatures, the reading; says pass, or deny with the
 * action the colour standard prescribes.
 *
 * <p>Precedence, first match wins:
 * <ol>
 *   <li>a verified <b>red</b> code: {@link CheckpointAction#STRICT_CONTROL_REPORT_TO_COMMUNITY},
 *       whatever the temperature, since the health authorities who control red-code holders also
 *       see to their medical care;</li>
 *   <li>a temperature at or above the threshold: {@link CheckpointAction#MEDICAL_CHECK}, for a green
 *       or yellow code and also for a code that did not verify: the reading was taken at the door
 *       and says nothing about the code, so a fresh code would not change it;</li>
 *   <li>a code that did not verify, for any {@link RejectionReason}: {@link CheckpointAction#REFRESH_CODE};</li>
 *   <li>a verified <b>yellow</b> code: {@link CheckpointAction#HOME_ISOLATION_AND_DAILY_CHECK_IN};</li>
 *   <li>a verified <b>green</b> code: {@link CheckpointAction#PASS}.</li>
 * </ol>
 * A green code with no temperature taken passes: places without a thermometer check the code alone.
 *
 * <p>Immutable and thread-safe: build one per threshold and share it.
 */
public final class Checkpoint {

    /** The colour standard's fever threshold: 37.3&nbsp;°C or more is a fever. */
    public static final BodyTemperature STANDARD_FEVER_THRESHOLD = new BodyTemperature(373);

    private final BodyTemperature feverThreshold;

    private Checkpoint(BodyTemperature feverThreshold) {
        this.feverThreshold = feverThreshold;
    }

    /**
     * A checkpoint that sends a person with a temperature at or above {@code feverThreshold} to a doctor.
     *
     * @param feverThreshold the lowest temperature that is a fever; the standard's is
     *                       {@link #STANDARD_FEVER_THRESHOLD}, the issuer's policy may set another
     * @return the checkpoint
     * @throws NullPointerException if {@code feverThreshold} is null
     */
    public static Checkpoint withFeverThreshold(BodyTemperature feverThreshold) {
        return new Checkpoint(Objects.requireNonNull(feverThreshold, "feverThreshold"));
    }

    /** @return the lowest temperature this checkpoint treats as a fever */
    public BodyTemperature feverThreshold() {
        return feverThreshold;
    }

    /**
     * Decides for a scanned code where no temperature was taken.
     *
     * @param result what the verifier made of the code
     * @return the decision
     * @throws NullPointerException if {@code result} is null
     */
    public CheckpointDecision decide(VerificationResult result) {
        return decide(result, Optional.empty());
    }

    /**
     * Decides for a scanned code and the temperature taken with it.
     *
     * @param result      what the verifier made of the code
     * @param temperature the reading taken at the checkpoint
     * @return the decision
     * @throws NullPointerException if either argument is null
     */
    public CheckpointDecision decide(VerificationResult result, BodyTemperature temperature) {
        return decide(result, Optional.of(Objects.requireNonNull(temperature, "temperature")));
    }

    /**
     * Decides for a scanned code and, if one was taken, the temperature.
     *
     * @param result      what the verifier made of the code
     * @param temperature the reading taken at the checkpoint, or empty if none was taken
     * @return the decision, by the precedence in the class description
     * @throws NullPointerException if either argument is null
     */
    public CheckpointDecision decide(VerificationResult result, Optional<BodyTemperature> temperature) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(temperature, "temperature");
        Optional<Colour> colour = result.isValid() ? Optional.of(result.code().claims().colour()) : Optional.empty();
        boolean fever = temperature.isPresent() && temperature.get().atOrAbove(feverThreshold);

        CheckpointAction action;
        String message;
        if (colour.isPresent() && colour.get() == Colour.RED) {
            action = CheckpointAction.STRICT_CONTROL_REPORT_TO_COMMUNITY;
            message = "Red code, high risk: do not let through; report to the person's village or community, who control red-code holders.";
        } else if (fever) {
            action = CheckpointAction.MEDICAL_CHECK;
            message = "Temperature " + temperature.get() + " is at or above " + feverThreshold
                    + ": do not let through; send to a doctor for a medical check.";
        } else if (!colour.isPresent()) {
            action = CheckpointAction.REFRESH_CODE;
            message = "The code is not valid (" + result.message() + "): obtain a fresh code in the app and scan again.";
        } else if (colour.get() == Colour.YELLOW) {
            action = CheckpointAction.HOME_ISOLATION_AND_DAILY_CHECK_IN;
            message = "Yellow code, medium risk: do not let through; return to home isolation and do the daily health check-in.";
        } else {
            action = CheckpointAction.PASS;
            message = temperature.isPresent() ? "Green code and temperature " + temperature.get() + ": pass." : "Green code: pass.";
        }
        return new CheckpointDecision(action, message, result, temperature);
    }

    @Override
    public String toString() {
        return "Checkpoint[feverThreshold=" + feverThreshold + "]";
    }
}
