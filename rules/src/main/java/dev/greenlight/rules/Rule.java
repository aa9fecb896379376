package dev.greenlight.rules;

import dev.greenlight.codec.Colour;

/**
 * Every rule of the colour standard, one per bullet (the yellow clinical bullet split by the
 * threshold and by symptom group, the red case bullet by status, so a holder is told exactly which
 * applies), and the lifecycle's own transitions. The ids are stable: stored transitions and
 * messages refer to them; {@code specs/rules.md} lists them.
 */
public enum Rule {
    /** A confirmed patient. */
    RED_CONFIRMED("RED-CONFIRMED", Colour.RED),
    /** A suspected patient. */
    RED_SUSPECTED("RED-SUSPECTED", Colour.RED),
    /** A close contact. */
    RED_CLOSE_CONTACT("RED-CLOSE-CONTACT", Colour.RED),
    /** From a high-risk area (or a key area listed high) within the lookback period. */
    RED_HIGH_RISK_AREA("RED-HIGH-RISK-AREA", Colour.RED),
    /** Contact with a confirmed or suspected case within the lookback period. */
    RED_CASE_CONTACT("RED-CASE-CONTACT", Colour.RED),
    /** Placed under red-code management by an authority. */
    RED_OVERRIDE("RED-OVERRIDE", Colour.RED),
    /** From a medium-risk area (or a key area listed medium) within the lookback period. */
    YELLOW_MEDIUM_RISK_AREA("YELLOW-MEDIUM-RISK-AREA", Colour.YELLOW),
    /** Lived in or visited an epidemic area within the lookback period. */
    YELLOW_EPIDEMIC_AREA("YELLOW-EPIDEMIC-AREA", Colour.YELLOW),
    /** A temperature at or above the fever threshold. */
    YELLOW_FEVER("YELLOW-FEVER", Colour.YELLOW),
    /** A respiratory symptom. */
    YELLOW_RESPIRATORY("YELLOW-RESPIRATORY", Colour.YELLOW),
    /** A symptom of malaise. */
    YELLOW_MALAISE("YELLOW-MALAISE", Colour.YELLOW),
    /** A digestive symptom. */
    YELLOW_DIGESTIVE("YELLOW-DIGESTIVE", Colour.YELLOW),
    /** Conjunctival bleeding. */
    YELLOW_CONJUNCTIVAL_BLEEDING("YELLOW-CONJUNCTIVAL-BLEEDING", Colour.YELLOW),
    /** Under medical or home isolation and observation. */
    YELLOW_ISOLATION("YELLOW-ISOLATION", Colour.YELLOW),
    /** Placed under yellow-code management by an authority. */
    YELLOW_OVERRIDE("YELLOW-OVERRIDE", Colour.YELLOW),
    /** None of the red or yellow rules applies. */
    GREEN_NO_RISK("GREEN-NO-RISK", Colour.GREEN),
    /** Lifecycle: the daily check-ins completed their streak; yellow turns green. */
    GREEN_CHECK_INS_COMPLETE("GREEN-CHECK-INS-COMPLETE", Colour.GREEN),
    /** Lifecycle: a discharge or release certificate was recorded; red turns yellow. */
    YELLOW_RELEASED("YELLOW-RELEASED", Colour.YELLOW);

    private final String id;
    private final Colour colour;

    Rule(String id, Colour colour) {
        this.id = id;
        this.colour = colour;
    }

    /** @return the stable id, such as {@code RED-CONFIRMED} */
    public String id() {
        return id;
    }

    /** @return the colour this rule gives */
    public Colour colour() {
        return colour;
    }

    /**
     * The symptom-group rule.
     *
     * @param group a group
     * @return the yellow rule for that group
     */
    public static Rule forGroup(SymptomGroup group) {
        switch (group) {
            case RESPIRATORY:
                return YELLOW_RESPIRATORY;
            case MALAISE:
                return YELLOW_MALAISE;
            case DIGESTIVE:
                return YELLOW_DIGESTIVE;
            case CONJUNCTIVAL_BLEEDING:
                return YELLOW_CONJUNCTIVAL_BLEEDING;
            default:
                throw new AssertionError(group);
        }
    }
}
