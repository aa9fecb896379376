package dev.greenlight.rules;

import dev.greenlight.codec.BodyTemperature;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A health declaration: what the person states about their health and travel, with what the
 * authorities hold about them (case status, isolation, an override). The rules read it; it judges
 * nothing by itself.
 *
 * @param temperature  the temperature the person reports
 * @param symptoms     the symptoms they have now, empty if none
 * @param caseStatus   confirmed, suspected, close contact or none
 * @param caseContacts the days they had contact with a confirmed or suspected case, empty if none
 * @param stays        where they were, by region and dates; the rules look at the lookback period
 * @param isolation    whether they are under medical or home isolation now
 * @param override     an authority's placing under red or yellow management, if any
 */
public record Declaration(BodyTemperature temperature, Set<Symptom> symptoms, CaseStatus caseStatus,
                          List<LocalDate> caseContacts, List<Stay> stays, Isolation isolation,
                          Optional<ColourOverride> override) {

    /**
     * Checks every part is present and copies the collections, so the declaration cannot change.
     *
     * @param temperature  the reported temperature
     * @param symptoms     the symptoms
     * @param caseStatus   the case status
     * @param caseContacts the days of contact with a case
     * @param stays        the stays
     * @param isolation    the isolation
     * @param override     the override, or empty
     * @throws NullPointerException if any component, or any element of a collection, is null
     */
    public Declaration {
        Objects.requireNonNull(temperature, "temperature");
        symptoms = Set.copyOf(Objects.requireNonNull(symptoms, "symptoms"));
        Objects.requireNonNull(caseStatus, "caseStatus");
        caseContacts = List.copyOf(Objects.requireNonNull(caseContacts, "caseContacts"));
        stays = List.copyOf(Objects.requireNonNull(stays, "stays"));
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(override, "override");
    }

    /**
     * A declaration with nothing to report but a temperature: the starting point for one that
     * differs in one part, through the {@code with} methods.
     *
     * @param temperature the reported temperature
     * @return a declaration with no symptom, case status, contact, stay, isolation or override
     */
    public static Declaration ofTemperature(BodyTemperature temperature) {
        return new Declaration(temperature, Set.of(), CaseStatus.NONE, List.of(), List.of(), Isolation.NONE, Optional.empty());
    }

    /**
     * @param newSymptoms the symptoms
     * @return this declaration with those symptoms
     */
    public Declaration withSymptoms(Set<Symptom> newSymptoms) {
        return new Declaration(temperature, newSymptoms, caseStatus, caseContacts, stays, isolation, override);
    }

    /**
     * @param newStatus the case status
     * @return this declaration with that case status
     */
    public Declaration withCaseStatus(CaseStatus newStatus) {
        return new Declaration(temperature, symptoms, newStatus, caseContacts, stays, isolation, override);
    }

    /**
     * @param newContacts the days of contact with a confirmed or suspected case
     * @return this declaration with those contacts
     */
    public Declaration withCaseContacts(List<LocalDate> newContacts) {
        return new Declaration(temperature, symptoms, caseStatus, newContacts, stays, isolation, override);
    }

    /**
     * @param newStays the stays
     * @return this declaration with those stays
     */
    public Declaration withStays(List<Stay> newStays) {
        return new Declaration(temperature, symptoms, caseStatus, caseContacts, newStays, isolation, override);
    }

    /**
     * @param newIsolation the isolation
     * @return this declaration with that isolation
     */
    public Declaration withIsolation(Isolation newIsolation) {
        return new Declaration(temperature, symptoms, caseStatus, caseContacts, stays, newIsolation, override);
    }

    /**
     * @param newOverride the override
     * @return this declaration with that override
     */
    public Declaration withOverride(ColourOverride newOverride) {
        return new Declaration(temperature, symptoms, caseStatus, caseContacts, stays, isolation, Optional.of(newOverride));
    }
}
