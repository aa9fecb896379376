package dev.greenlight.rules;

/**
 * The level of an area on the policy's risk-area list.
 *
 * <p>The standard also names "key epidemic-control areas" (疫情防控重点地区), in the red bullet and in
 * the yellow one alike, so the label alone decides no colour: a policy lists a key area at the level
 * its authority assigned, {@link #HIGH} for red or {@link #MEDIUM} for yellow.
 */
public enum RiskLevel {
    /** High-risk area: people from it are red. */
    HIGH,
    /** Medium-risk area: people from it are yellow. */
    MEDIUM,
    /** Epidemic area: people who lived in or visited it in the lookback period are yellow. */
    EPIDEMIC
}
