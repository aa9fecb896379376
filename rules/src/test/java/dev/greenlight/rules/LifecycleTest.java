package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Colour;
import dev.greenlight.rules.RefusedEventException.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of specs/lifecycle.md, day by day, in Asia/Shanghai (UTC+8) with the example
 * policy: 14 check-in days, 37.3 °C.
 */
class LifecycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Lifecycle LIFECYCLE = new Lifecycle(PolicyTest.example());
    private static final BodyTemperature NORMAL = BodyTemperature.parse("36.6");
    private static final Event CLEAN = new Event.CheckedIn(NORMAL, Set.of());
    private static final Event FEVER = new Event.CheckedIn(BodyTemperature.parse("37.3"), Set.of());
    private static final Event COUGH = new Event.CheckedIn(NORMAL, Set.of(Symptom.DRY_COUGH));
    private static final Declaration HOME_ISOLATION = Declaration.ofTemperature(NORMAL).withIsolation(Isolation.HOME);

    /** An instant by its local date and time in Shanghai, such as "2026-12-01T09:00". */
    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    /** A yellow holder who declared home isolation at 08:00 on {@code day}, with no check-in yet. */
    private static HolderState yellowSince(String day) {
        Lifecycle.Step step = LIFECYCLE.start(HOME_ISOLATION, local(day + "T08:00"));
        assertEquals(Colour.YELLOW, step.state().colour());
        return step.state();
    }

    /** Clean check-ins at 09:00 on each of {@code days} consecutive days from {@code first}; the last step. */
    private static Lifecycle.Step cleanDays(HolderState state, String first, int days) throws RefusedEventException {
        Lifecycle.Step step = new Lifecycle.Step(state, List.of());
        LocalDate day = LocalDate.parse(first);
        for (int i = 0; i < days; i++) {
            step = LIFECYCLE.apply(step.state(), CLEAN, local(day.plusDays(i) + "T09:00"));
        }
        return step;
    }

    @Test
    void start_cleanDeclaration_isGreenWithATransitionFromNothing() {
        Lifecycle.Step step = LIFECYCLE.start(Declaration.ofTemperature(NORMAL), local("2026-12-01T08:00"));

        assertEquals(Colour.GREEN, step.state().colour());
        Transition transition = step.transitions().get(0);
        assertEquals(Optional.empty(), transition.from());
        assertEquals(Colour.GREEN, transition.to());
        assertEquals(List.of("GREEN-NO-RISK"), transition.ruleIds());
        assertEquals(Transition.Cause.DECLARATION, transition.cause());
    }

    @Test
    void apply_fourteenthConsecutiveCheckIn_turnsGreenAtThatCheckIn() throws Exception {
        HolderState yellow = yellowSince("2026-12-01");

        Lifecycle.Step thirteen = cleanDays(yellow, "2026-12-01", 13);
        assertEquals(Colour.YELLOW, thirteen.state().colour());
        assertEquals(13, thirteen.state().streakDays());
        assertEquals(List.of(), thirteen.transitions());

        Lifecycle.Step fourteenth = LIFECYCLE.apply(thirteen.state(), CLEAN, local("2026-12-14T09:00"));
        assertEquals(Colour.GREEN, fourteenth.state().colour());
        Transition transition = fourteenth.transitions().get(0);
        assertEquals(local("2026-12-14T09:00"), transition.at());
        assertEquals(Optional.of(Colour.YELLOW), transition.from());
        assertEquals(Colour.GREEN, transition.to());
        assertEquals(Transition.Cause.CHECK_IN, transition.cause());
        assertEquals(List.of("GREEN-CHECK-INS-COMPLETE"), transition.ruleIds());
        assertTrue(transition.reasons().get(0).text().contains("2026-12-01 to 2026-12-14"), transition.reasons()::toString);
    }

    @Test
    void apply_streakAcrossMonthEnd_countsEveryCalendarDay() throws Exception {
        // 2026-11-24 .. 2026-12-07: November has 30 days.
        Lifecycle.Step step = cleanDays(yellowSince("2026-11-24"), "2026-11-24", 14);

        assertEquals(Colour.GREEN, step.state().colour());
        assertEquals(local("2026-12-07T09:00"), step.transitions().get(0).at());
    }

    @Test
    void apply_streakAcrossYearEnd_countsEveryCalendarDay() throws Exception {
        // 2026-12-25 .. 2027-01-07.
        Lifecycle.Step thirteen = cleanDays(yellowSince("2026-12-25"), "2026-12-25", 13);
        assertEquals(new Streak(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 6)), thirteen.state().streak().orElseThrow());

        Lifecycle.Step step = LIFECYCLE.apply(thirteen.state(), CLEAN, local("2027-01-07T09:00"));
        assertEquals(Colour.GREEN, step.state().colour());
    }

    @Test
    void apply_streakAcrossEndOfFebruaryInCommonYear_countsEveryCalendarDay() throws Exception {
        // 2027-02-20 .. 2027-03-05: 2027 is not a leap year, so 2027-02-28 is followed by 2027-03-01.
        Lifecycle.Step step = cleanDays(yellowSince("2027-02-20"), "2027-02-20", 14);

        assertEquals(Colour.GREEN, step.state().colour());
        assertEquals(local("2027-03-05T09:00"), step.transitions().get(0).at());
    }

    @Test
    void apply_missedDay_restartsTheStreakAtTheNextCheckIn() throws Exception {
        Lifecycle.Step ten = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 10);
        assertEquals(10, ten.state().streakDays());

        // 2026-12-11 missed; the check-in of 2026-12-12 is day 1 of a new streak.
        Lifecycle.Step afterGap = LIFECYCLE.apply(ten.state(), CLEAN, local("2026-12-12T09:00"));
        assertEquals(new Streak(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 12)), afterGap.state().streak().orElseThrow());

        Lifecycle.Step thirteenMore = cleanDays(afterGap.state(), "2026-12-13", 12);
        assertEquals(Colour.YELLOW, thirteenMore.state().colour());
        assertEquals(13, thirteenMore.state().streakDays());
        assertEquals(Colour.GREEN, LIFECYCLE.apply(thirteenMore.state(), CLEAN, local("2026-12-25T09:00")).state().colour());
    }

    @Test
    void apply_twoCheckInsOnOneDay_countOnce() throws Exception {
        Lifecycle.Step morning = LIFECYCLE.apply(yellowSince("2026-12-01"), CLEAN, local("2026-12-01T09:00"));
        Lifecycle.Step evening = LIFECYCLE.apply(morning.state(), CLEAN, local("2026-12-01T21:00"));

        assertEquals(1, evening.state().streakDays());
        assertEquals(local("2026-12-01T21:00"), evening.state().lastEventAt());
    }

    @Test
    void apply_checkInsAt235959AndAt000000_areTwoDays() throws Exception {
        Lifecycle.Step late = LIFECYCLE.apply(yellowSince("2026-12-01"), CLEAN, local("2026-12-01T23:59:59"));
        Lifecycle.Step midnight = LIFECYCLE.apply(late.state(), CLEAN, local("2026-12-02T00:00:00"));

        assertEquals(new Streak(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)), midnight.state().streak().orElseThrow());
    }

    @Test
    void apply_dayBoundaryIsThePolicyZoneNotUtc() throws Exception {
        // 2026-12-01T16:30Z is 00:30 on 2026-12-02 in Shanghai but still 2026-12-01 in UTC.
        Lifecycle.Step first = LIFECYCLE.apply(yellowSince("2026-12-01"), CLEAN, Instant.parse("2026-12-01T09:00:00Z"));
        Lifecycle.Step second = LIFECYCLE.apply(first.state(), CLEAN, Instant.parse("2026-12-01T16:30:00Z"));
        assertEquals(2, second.state().streakDays());

        Policy utcPolicy = new Policy(BodyTemperature.parse("37.3"), 14, 14, ZoneId.of("UTC"), List.of());
        Lifecycle utc = new Lifecycle(utcPolicy);
        HolderState yellow = utc.start(HOME_ISOLATION, Instant.parse("2026-12-01T08:00:00Z")).state();
        Lifecycle.Step utcFirst = utc.apply(yellow, CLEAN, Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(1, utc.apply(utcFirst.state(), CLEAN, Instant.parse("2026-12-01T16:30:00Z")).state().streakDays());
    }

    @Test
    void apply_feverCheckIn_restartsTheCountAndItsDayDoesNotCount() throws Exception {
        Lifecycle.Step ten = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 10);

        Lifecycle.Step fever = LIFECYCLE.apply(ten.state(), FEVER, local("2026-12-11T08:00"));
        assertEquals(Colour.YELLOW, fever.state().colour());
        assertEquals(0, fever.state().streakDays());
        assertEquals(List.of(), fever.transitions());

        // A clean reading later the same day does not count: the day had a fever.
        Lifecycle.Step sameDay = LIFECYCLE.apply(fever.state(), CLEAN, local("2026-12-11T20:00"));
        assertEquals(0, sameDay.state().streakDays());

        // The next day is day 1; 14 more days to green.
        Lifecycle.Step thirteen = cleanDays(sameDay.state(), "2026-12-12", 13);
        assertEquals(Colour.YELLOW, thirteen.state().colour());
        assertEquals(Colour.GREEN, LIFECYCLE.apply(thirteen.state(), CLEAN, local("2026-12-25T09:00")).state().colour());
    }

    @Test
    void apply_symptomCheckIn_restartsTheCount() throws Exception {
        Lifecycle.Step five = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 5);

        Lifecycle.Step cough = LIFECYCLE.apply(five.state(), COUGH, local("2026-12-06T09:00"));

        assertEquals(0, cough.state().streakDays());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 6)), cough.state().spoiledDay());
    }

    @Test
    void apply_cleanThenFeverOnOneDay_restartsTheCount() throws Exception {
        Lifecycle.Step morning = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 3);

        Lifecycle.Step evening = LIFECYCLE.apply(morning.state(), FEVER, local("2026-12-03T21:00"));

        assertEquals(0, evening.state().streakDays());
    }

    @Test
    void apply_feverCheckInWhileGreen_raisesToYellowAtOnce() throws Exception {
        HolderState green = LIFECYCLE.start(Declaration.ofTemperature(NORMAL), local("2026-12-01T08:00")).state();

        Lifecycle.Step step = LIFECYCLE.apply(green, FEVER, local("2026-12-02T09:00"));

        assertEquals(Colour.YELLOW, step.state().colour());
        Transition transition = step.transitions().get(0);
        assertEquals(Optional.of(Colour.GREEN), transition.from());
        assertEquals(Transition.Cause.CHECK_IN, transition.cause());
        assertEquals(List.of("YELLOW-FEVER"), transition.ruleIds());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 2)), step.state().spoiledDay());
    }

    @Test
    void apply_cleanCheckInWhileGreen_changesNothing() throws Exception {
        HolderState green = LIFECYCLE.start(Declaration.ofTemperature(NORMAL), local("2026-12-01T08:00")).state();

        Lifecycle.Step step = LIFECYCLE.apply(green, CLEAN, local("2026-12-02T09:00"));

        assertEquals(HolderState.of(Colour.GREEN, local("2026-12-02T09:00")), step.state());
        assertEquals(List.of(), step.transitions());
    }

    @Test
    void apply_declarationWithNewRedRisk_raisesAtOnceFromYellow() throws Exception {
        Lifecycle.Step ten = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 10);
        Declaration contact = Declaration.ofTemperature(NORMAL).withCaseContacts(List.of(LocalDate.of(2026, 12, 10)));

        Lifecycle.Step step = LIFECYCLE.apply(ten.state(), new Event.Declared(contact), local("2026-12-10T18:00"));

        assertEquals(HolderState.of(Colour.RED, local("2026-12-10T18:00")), step.state());
        assertEquals(List.of("RED-CASE-CONTACT"), step.transitions().get(0).ruleIds());
        assertEquals(Transition.Cause.DECLARATION, step.transitions().get(0).cause());
    }

    @Test
    void apply_declarationWithYellowRiskWhileGreen_raisesAtOnceWithOnlyTheRaisingRules() throws Exception {
        HolderState green = LIFECYCLE.start(Declaration.ofTemperature(NORMAL), local("2026-12-01T08:00")).state();
        Declaration trip = Declaration.ofTemperature(NORMAL)
                .withStays(List.of(new Stay(new RegionCode("440305"), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4))));

        Lifecycle.Step step = LIFECYCLE.apply(green, new Event.Declared(trip), local("2026-12-05T10:00"));

        assertEquals(Colour.YELLOW, step.state().colour());
        assertEquals(List.of("YELLOW-EPIDEMIC-AREA"), step.transitions().get(0).ruleIds());
        // Not a fever or symptom: a clean check-in the same day counts as day 1.
        assertEquals(1, LIFECYCLE.apply(step.state(), CLEAN, local("2026-12-05T20:00")).state().streakDays());
    }

    @Test
    void apply_declarationWithSymptomWhileYellow_restartsTheCount() throws Exception {
        Lifecycle.Step five = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 5);
        Declaration headache = HOME_ISOLATION.withSymptoms(Set.of(Symptom.HEADACHE));

        Lifecycle.Step step = LIFECYCLE.apply(five.state(), new Event.Declared(headache), local("2026-12-06T07:00"));

        assertEquals(Colour.YELLOW, step.state().colour());
        assertEquals(0, step.state().streakDays());
    }

    @Test
    void apply_declarationRepeatingYellowFactsWhileYellow_keepsTheCount() throws Exception {
        Lifecycle.Step five = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 5);

        Lifecycle.Step step = LIFECYCLE.apply(five.state(), new Event.Declared(HOME_ISOLATION), local("2026-12-05T20:00"));

        assertEquals(5, step.state().streakDays());
        assertEquals(List.of(), step.transitions());
    }

    @Test
    void apply_redHolderCheckingInDaily_neverTurnsGreenOrYellow() throws Exception {
        HolderState red = LIFECYCLE.start(Declaration.ofTemperature(NORMAL).withCaseStatus(CaseStatus.CLOSE_CONTACT),
                local("2026-12-01T08:00")).state();

        Lifecycle.Step thirty = cleanDays(red, "2026-12-01", 30);

        assertEquals(HolderState.of(Colour.RED, local("2026-12-30T09:00")), thirty.state());
        assertEquals(List.of(), thirty.transitions());
    }

    @Test
    void apply_releaseCertificate_turnsRedYellowThenCheckInsTurnItGreen() throws Exception {
        HolderState red = LIFECYCLE.start(Declaration.ofTemperature(NORMAL).withCaseStatus(CaseStatus.CONFIRMED),
                local("2026-12-01T08:00")).state();

        Lifecycle.Step released = LIFECYCLE.apply(red, new Event.Released("SY-2026-000123"), local("2026-12-20T08:00"));

        assertEquals(HolderState.of(Colour.YELLOW, local("2026-12-20T08:00")), released.state());
        Transition transition = released.transitions().get(0);
        assertEquals(Optional.of(Colour.RED), transition.from());
        assertEquals(Colour.YELLOW, transition.to());
        assertEquals(Transition.Cause.RELEASE, transition.cause());
        assertEquals(List.of("YELLOW-RELEASED"), transition.ruleIds());
        assertTrue(transition.reasons().get(0).text().contains("SY-2026-000123"));

        // The day of release counts if checked in: 2026-12-20 .. 2027-01-02.
        Lifecycle.Step green = cleanDays(released.state(), "2026-12-20", 14);
        assertEquals(Colour.GREEN, green.state().colour());
    }

    @Test
    void apply_releaseForYellowHolder_isRefused() {
        HolderState yellow = yellowSince("2026-12-01");

        RefusedEventException e = assertThrows(RefusedEventException.class,
                () -> LIFECYCLE.apply(yellow, new Event.Released("SY-1"), local("2026-12-02T09:00")));

        assertEquals(Refusal.NOT_RED, e.refusal());
    }

    @Test
    void apply_clockGoesBackwards_isRefusedAndNothingApplied() throws Exception {
        Lifecycle.Step step = cleanDays(yellowSince("2026-12-01"), "2026-12-01", 3);
        HolderState before = step.state();

        RefusedEventException e = assertThrows(RefusedEventException.class,
                () -> LIFECYCLE.apply(before, CLEAN, local("2026-12-03T08:59:59")));

        assertEquals(Refusal.CLOCK_WENT_BACKWARDS, e.refusal());
        assertTrue(e.getMessage().contains(before.lastEventAt().toString()), e::getMessage);
        assertEquals(3, before.streakDays());
    }

    @Test
    void apply_sameInstantAsLastEvent_isApplied() throws Exception {
        Lifecycle.Step step = LIFECYCLE.apply(yellowSince("2026-12-01"), CLEAN, local("2026-12-01T09:00"));

        assertEquals(1, LIFECYCLE.apply(step.state(), CLEAN, local("2026-12-01T09:00")).state().streakDays());
    }

    @Test
    void apply_zoneChangedBehindTheStreak_isRefused() throws Exception {
        Lifecycle.Step step = LIFECYCLE.apply(yellowSince("2026-12-01"), CLEAN, local("2026-12-02T00:30"));
        Lifecycle utc = new Lifecycle(new Policy(BodyTemperature.parse("37.3"), 14, 14, ZoneId.of("UTC"), List.of()));

        // 2026-12-02T00:30 in Shanghai is 2026-12-01T16:30Z: a later instant, but an earlier UTC day.
        RefusedEventException e = assertThrows(RefusedEventException.class,
                () -> utc.apply(step.state(), CLEAN, local("2026-12-02T00:45")));

        assertEquals(Refusal.CLOCK_WENT_BACKWARDS, e.refusal());
    }

    @Test
    void holderState_streakForGreenOrSpoiledDayInsideStreak_isRefused() {
        Streak streak = new Streak(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3));
        Instant at = local("2026-12-03T09:00");

        assertThrows(IllegalArgumentException.class, () -> new HolderState(Colour.GREEN, at, Optional.of(streak), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new HolderState(Colour.YELLOW, at, Optional.of(streak), Optional.of(LocalDate.of(2026, 12, 2))));
    }
}
