package dev.greenlight.rules;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Colour;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The colour standard: a declaration gives a colour and the reasons for it. Pure: the same
 * declaration, day and policy always give the same assessment. Immutable and thread-safe.
 *
 * <p>"In the last N days", with N the policy's {@code lookbackDays}, means on or after the day N
 * days before today: with N = 14 on 2026-12-15, a contact on 2026-12-01 counts and one on
 * 2026-11-30 does not. An area counts against a stay only on days the stay, the area's listing and
 * the lookback period share: risk at the time the person was there, not risk declared afterwards.
 */
public final class ColourRules {

    private final Policy policy;

    /**
     * @param policy the thresholds, day counts and risk-area list to apply
     * @throws NullPointerException if {@code policy} is null
     */
    public ColourRules(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the policy this applies */
    public Policy policy() {
        return policy;
    }

    /**
     * Assesses a declaration.
     *
     * @param declaration what the person declared, with what the authorities hold
     * @param today       the day of the assessment, in the policy's time zone
     * @return the colour and every reason for it; green with {@link Rule#GREEN_NO_RISK} if no rule applies
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the declaration has a contact or a stay after {@code today}
     */
    public Assessment assess(Declaration declaration, LocalDate today) {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(today, "today");
        for (LocalDate contact : declaration.caseContacts()) {
            if (contact.isAfter(today)) {
                throw new IllegalArgumentException("A contact on " + contact + " is after today, " + today);
            }
        }
        for (Stay stay : declaration.stays()) {
            if (stay.to().isAfter(today)) {
                throw new IllegalArgumentException("A stay in " + stay.region() + " ends on " + stay.to() + ", after today, " + today);
            }
        }
        LocalDate windowStart = today.minusDays(policy.lookbackDays());
        List<Reason> reasons = new ArrayList<>();

        switch (declaration.caseStatus()) {
            case CONFIRMED:
                reasons.add(new Reason(Rule.RED_CONFIRMED, "Confirmed patient."));
                break;
            case SUSPECTED:
                reasons.add(new Reason(Rule.RED_SUSPECTED, "Suspected patient."));
                break;
            case CLOSE_CONTACT:
                reasons.add(new Reason(Rule.RED_CLOSE_CONTACT, "Close contact of a case."));
                break;
            default:
                break;
        }
        reasons.addAll(areaReasons(declaration, RiskLevel.HIGH, Rule.RED_HIGH_RISK_AREA, windowStart, today));
        declaration.caseContacts().stream()
                .filter(day -> !day.isBefore(windowStart))
                .max(Comparator.naturalOrder())
                .ifPresent(day -> reasons.add(new Reason(Rule.RED_CASE_CONTACT, "Contact with a confirmed or suspected case on "
                        + day + ", within the last " + policy.lookbackDays() + " days.")));
        overrideReason(declaration, Colour.RED, Rule.RED_OVERRIDE).ifPresent(reasons::add);

        reasons.addAll(areaReasons(declaration, RiskLevel.MEDIUM, Rule.YELLOW_MEDIUM_RISK_AREA, windowStart, today));
        reasons.addAll(areaReasons(declaration, RiskLevel.EPIDEMIC, Rule.YELLOW_EPIDEMIC_AREA, windowStart, today));
        reasons.addAll(healthReasons(declaration.temperature(), declaration.symptoms()));
        if (declaration.isolation() != Isolation.NONE) {
            reasons.add(new Reason(Rule.YELLOW_ISOLATION, declaration.isolation() == Isolation.MEDICAL
                    ? "Under medical isolation and observation." : "Under home isolation and observation."));
        }
        overrideReason(declaration, Colour.YELLOW, Rule.YELLOW_OVERRIDE).ifPresent(reasons::add);

        if (reasons.isEmpty()) {
            return new Assessment(Colour.GREEN, List.of(new Reason(Rule.GREEN_NO_RISK, "No red or yellow rule applies.")));
        }
        reasons.sort(Comparator.comparing(Reason::rule));
        Colour colour = reasons.stream().map(Reason::colour).max(Comparator.naturalOrder()).orElseThrow();
        return new Assessment(colour, reasons);
    }

    /**
     * The findings a temperature and symptoms give by themselves: what a daily check-in reports.
     * Empty when the temperature is below the threshold and there is no symptom.
     */
    List<Reason> healthReasons(BodyTemperature temperature, Set<Symptom> symptoms) {
        List<Reason> reasons = new ArrayList<>();
        if (temperature.atOrAbove(policy.feverThreshold())) {
            reasons.add(new Reason(Rule.YELLOW_FEVER, "Temperature " + temperature + " is " + policy.feverThreshold() + " or more."));
        }
        for (SymptomGroup group : SymptomGroup.values()) {
            List<String> named = symptoms.stream().filter(s -> s.group() == group).sorted().map(Symptom::text).collect(Collectors.toList());
            if (!named.isEmpty()) {
                reasons.add(new Reason(Rule.forGroup(group), "Symptom: " + String.join(", ", named) + "."));
            }
        }
        return Collections.unmodifiableList(reasons);
    }

    private List<Reason> areaReasons(Declaration declaration, RiskLevel level, Rule rule, LocalDate windowStart, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        for (Stay stay : declaration.stays()) {
            for (RiskArea area : policy.riskAreas()) {
                if (area.level() != level || !stay.region().isWithin(area.region())) {
                    continue;
                }
                LocalDate first = latest(stay.from(), windowStart, area.from());
                LocalDate last = area.to().isPresent() ? earliest(stay.to(), area.to().get()) : stay.to();
                if (!first.isAfter(last)) {
                    reasons.add(new Reason(rule, "In " + stay.region() + " on " + first
                            + (first.equals(last) ? "" : " to " + last) + ", while " + area.region() + " was listed as "
                            + describe(level) + ", within the last " + policy.lookbackDays() + " days."));
                }
            }
        }
        return reasons;
    }

    private static Optional<Reason> overrideReason(Declaration declaration, Colour colour, Rule rule) {
        return declaration.override().filter(o -> o.colour() == colour).map(o -> new Reason(rule,
                "Placed under " + colour.name().toLowerCase(Locale.ROOT) + "-code management by " + o.authority() + ": " + o.reason()));
    }

    private static String describe(RiskLevel level) {
        switch (level) {
            case HIGH:
                return "a high-risk area";
            case MEDIUM:
                return "a medium-risk area";
            default:
                return "an epidemic area";
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
