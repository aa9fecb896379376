package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Colour;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per rule of the colour standard, each with a declaration only that rule catches, so
 * that removing the rule fails its test; then the boundaries (14 days, 37.3 °C) and combinations.
 * The policy is specs/policy-example.json; "today" is 2026-12-15, so the lookback period starts
 * on 2026-12-01.
 */
class ColourRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
    private static final ColourRules RULES = new ColourRules(PolicyTest.example());
    private static final Declaration CLEAN = Declaration.ofTemperature(BodyTemperature.parse("36.5"));
    private static final RegionCode WUCHANG = new RegionCode("420106");
    private static final RegionCode CHAOYANG = new RegionCode("110105");
    private static final RegionCode NANSHAN = new RegionCode("440305");

    private static void assertOnly(Rule rule, Declaration declaration) {
        Assessment assessment = RULES.assess(declaration, TODAY);
        assertEquals(List.of(rule.id()), assessment.ruleIds(), assessment::toString);
        assertEquals(rule.colour(), assessment.colour());
    }

    private static Stay stay(RegionCode region, String from, String to) {
        return new Stay(region, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void assess_nothingDeclared_isGreenNoRisk() {
        assertOnly(Rule.GREEN_NO_RISK, CLEAN);
    }

    @Test
    void assess_confirmed_isRedConfirmed() {
        assertOnly(Rule.RED_CONFIRMED, CLEAN.withCaseStatus(CaseStatus.CONFIRMED));
    }

    @Test
    void assess_suspected_isRedSuspected() {
        assertOnly(Rule.RED_SUSPECTED, CLEAN.withCaseStatus(CaseStatus.SUSPECTED));
    }

    @Test
    void assess_closeContact_isRedCloseContact() {
        assertOnly(Rule.RED_CLOSE_CONTACT, CLEAN.withCaseStatus(CaseStatus.CLOSE_CONTACT));
    }

    @Test
    void assess_stayInCountyOfHighRiskPrefecture_isRedHighRiskArea() {
        assertOnly(Rule.RED_HIGH_RISK_AREA, CLEAN.withStays(List.of(stay(WUCHANG, "2026-12-05", "2026-12-06"))));
    }

    @Test
    void assess_contactWithCase_isRedCaseContact() {
        assertOnly(Rule.RED_CASE_CONTACT, CLEAN.withCaseContacts(List.of(LocalDate.of(2026, 12, 10))));
    }

    @Test
    void assess_redOverride_isRedOverrideWithAuthorityAndReason() {
        Assessment assessment = RULES.assess(CLEAN.withOverride(
                new ColourOverride(Colour.RED, "shared a flight with a case", "Heping District Health Commission")), TODAY);

        assertEquals(List.of("RED-OVERRIDE"), assessment.ruleIds());
        assertTrue(assessment.reasons().get(0).text().contains("Heping District Health Commission"));
        assertTrue(assessment.reasons().get(0).text().contains("shared a flight with a case"));
    }

    @Test
    void assess_stayInMediumRiskArea_isYellowMediumRiskArea() {
        assertOnly(Rule.YELLOW_MEDIUM_RISK_AREA, CLEAN.withStays(List.of(stay(CHAOYANG, "2026-11-28", "2026-12-02"))));
    }

    @Test
    void assess_visitToEpidemicArea_isYellowEpidemicArea() {
        assertOnly(Rule.YELLOW_EPIDEMIC_AREA, CLEAN.withStays(List.of(stay(NANSHAN, "2026-12-14", "2026-12-14"))));
    }

    @Test
    void assess_temperatureAtThreshold_isYellowFever() {
        assertOnly(Rule.YELLOW_FEVER, Declaration.ofTemperature(BodyTemperature.parse("37.3")));
    }

    @Test
    void assess_temperatureJustBelowThreshold_isGreen() {
        assertOnly(Rule.GREEN_NO_RISK, Declaration.ofTemperature(BodyTemperature.parse("37.2")));
    }

    @Test
    void assess_respiratorySymptom_isYellowRespiratory() {
        assertOnly(Rule.YELLOW_RESPIRATORY, CLEAN.withSymptoms(Set.of(Symptom.SORE_THROAT)));
    }

    @Test
    void assess_malaiseSymptom_isYellowMalaise() {
        assertOnly(Rule.YELLOW_MALAISE, CLEAN.withSymptoms(Set.of(Symptom.FATIGUE)));
    }

    @Test
    void assess_digestiveSymptom_isYellowDigestive() {
        assertOnly(Rule.YELLOW_DIGESTIVE, CLEAN.withSymptoms(Set.of(Symptom.DIARRHOEA)));
    }

    @Test
    void assess_conjunctivalBleeding_isYellowConjunctivalBleeding() {
        assertOnly(Rule.YELLOW_CONJUNCTIVAL_BLEEDING, CLEAN.withSymptoms(Set.of(Symptom.CONJUNCTIVAL_BLEEDING)));
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void assess_anySingleSymptom_isItsGroupsRule(Symptom symptom) {
        Assessment assessment = RULES.assess(CLEAN.withSymptoms(Set.of(symptom)), TODAY);

        assertEquals(List.of(Rule.forGroup(symptom.group()).id()), assessment.ruleIds());
        assertTrue(assessment.reasons().get(0).text().contains(symptom.text()));
    }

    @Test
    void assess_medicalIsolation_isYellowIsolation() {
        assertOnly(Rule.YELLOW_ISOLATION, CLEAN.withIsolation(Isolation.MEDICAL));
    }

    @Test
    void assess_homeIsolation_isYellowIsolation() {
        assertOnly(Rule.YELLOW_ISOLATION, CLEAN.withIsolation(Isolation.HOME));
    }

    @Test
    void assess_yellowOverride_isYellowOverride() {
        assertOnly(Rule.YELLOW_OVERRIDE, CLEAN.withOverride(new ColourOverride(Colour.YELLOW, "returned from abroad", "Shenyang CDC")));
    }

    @Test
    void assess_contactExactlyLookbackDaysAgo_countsAndOneDayMoreDoesNot() {
        assertOnly(Rule.RED_CASE_CONTACT, CLEAN.withCaseContacts(List.of(LocalDate.of(2026, 12, 1))));
        assertOnly(Rule.GREEN_NO_RISK, CLEAN.withCaseContacts(List.of(LocalDate.of(2026, 11, 30))));
    }

    @Test
    void assess_stayEndedExactlyLookbackDaysAgo_countsAndOneDayMoreDoesNot() {
        assertOnly(Rule.RED_HIGH_RISK_AREA, CLEAN.withStays(List.of(stay(WUCHANG, "2026-11-20", "2026-12-01"))));
        assertOnly(Rule.GREEN_NO_RISK, CLEAN.withStays(List.of(stay(WUCHANG, "2026-11-20", "2026-11-30"))));
    }

    @Test
    void assess_stayAfterListingEnded_isNotCaught() {
        // 110105 was medium risk until 2026-12-10 only.
        assertOnly(Rule.GREEN_NO_RISK, CLEAN.withStays(List.of(stay(CHAOYANG, "2026-12-11", "2026-12-14"))));
    }

    @Test
    void assess_riskDaysOnlyBeforeLookback_isNotCaught() {
        // In 110105 while it was listed (from 2026-11-20), but every such day is before 2026-12-01.
        assertOnly(Rule.GREEN_NO_RISK, CLEAN.withStays(List.of(stay(CHAOYANG, "2026-11-20", "2026-11-30"))));
    }

    @Test
    void assess_stayBeforeListingStarted_isNotCaught() {
        Policy later = new Policy(BodyTemperature.parse("37.3"), 14, 14, ZoneId.of("Asia/Shanghai"), List.of(
                new RiskArea(WUCHANG, RiskLevel.HIGH, LocalDate.of(2026, 12, 10), Optional.empty())));

        Assessment assessment = new ColourRules(later).assess(CLEAN.withStays(List.of(stay(WUCHANG, "2026-12-01", "2026-12-09"))), TODAY);

        assertEquals(Colour.GREEN, assessment.colour());
    }

    @Test
    void assess_stayInAnotherPrefectureOfTheProvince_isNotCaught() {
        assertOnly(Rule.GREEN_NO_RISK, CLEAN.withStays(List.of(stay(new RegionCode("420200"), "2026-12-05", "2026-12-06"))));
    }

    @Test
    void assess_shorterLookbackInPolicy_appliesIt() {
        Policy week = new Policy(BodyTemperature.parse("37.3"), 7, 14, ZoneId.of("Asia/Shanghai"), List.of());
        Declaration contact = CLEAN.withCaseContacts(List.of(LocalDate.of(2026, 12, 7)));

        assertEquals(Colour.RED, new ColourRules(week).assess(CLEAN.withCaseContacts(List.of(LocalDate.of(2026, 12, 8))), TODAY).colour());
        assertEquals(Colour.GREEN, new ColourRules(week).assess(contact, TODAY).colour());
    }

    @Test
    void assess_lowerFeverThresholdInPolicy_appliesIt() {
        Policy strict = new Policy(BodyTemperature.parse("37.0"), 14, 14, ZoneId.of("Asia/Shanghai"), List.of());

        assertEquals(Colour.YELLOW, new ColourRules(strict).assess(Declaration.ofTemperature(BodyTemperature.parse("37.0")), TODAY).colour());
    }

    @Test
    void assess_redAndYellowRules_isRedWithEveryReasonRedFirst() {
        Declaration both = CLEAN.withSymptoms(EnumSet.of(Symptom.DRY_COUGH, Symptom.HEADACHE))
                .withCaseStatus(CaseStatus.CLOSE_CONTACT)
                .withIsolation(Isolation.MEDICAL);

        Assessment assessment = RULES.assess(both, TODAY);

        assertEquals(Colour.RED, assessment.colour());
        assertEquals(List.of("RED-CLOSE-CONTACT", "YELLOW-RESPIRATORY", "YELLOW-MALAISE", "YELLOW-ISOLATION"), assessment.ruleIds());
    }

    @Test
    void assess_yellowOverrideOfRedCase_staysRed() {
        Declaration declaration = CLEAN.withCaseStatus(CaseStatus.CONFIRMED)
                .withOverride(new ColourOverride(Colour.YELLOW, "mild", "a clinic"));

        assertEquals(Colour.RED, RULES.assess(declaration, TODAY).colour());
    }

    @Test
    void assess_contactAfterToday_isRefused() {
        Declaration future = CLEAN.withCaseContacts(List.of(TODAY.plusDays(1)));

        assertThrows(IllegalArgumentException.class, () -> RULES.assess(future, TODAY));
    }

    @Test
    void assess_stayEndingAfterToday_isRefused() {
        Declaration future = CLEAN.withStays(List.of(stay(NANSHAN, "2026-12-14", "2026-12-16")));

        assertThrows(IllegalArgumentException.class, () -> RULES.assess(future, TODAY));
    }

    @Test
    void override_green_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ColourOverride(Colour.GREEN, "recovered", "a clinic"));
        assertThrows(IllegalArgumentException.class, () -> new ColourOverride(Colour.RED, " ", "a clinic"));
    }

    @Test
    void assessment_colourNotTheHighestOfItsReasons_isRefused() {
        List<Reason> red = List.of(new Reason(Rule.RED_CONFIRMED, "Confirmed patient."));

        assertThrows(IllegalArgumentException.class, () -> new Assessment(Colour.YELLOW, red));
        assertThrows(IllegalArgumentException.class, () -> new Assessment(Colour.GREEN, List.of()));
    }
}
