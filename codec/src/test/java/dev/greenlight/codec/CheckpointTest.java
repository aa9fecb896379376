package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final Identity PERSON = Identity.chineseResidentId("11010519491231002X");
    private static final Checkpoint CHECKPOINT = Checkpoint.withFeverThreshold(Checkpoint.STANDARD_FEVER_THRESHOLD);
    private static final BodyTemperature NORMAL = BodyTemperature.parse("36.6");
    private static final BodyTemperature AT_THRESHOLD = BodyTemperature.parse("37.3");
    private static final BodyTemperature JUST_BELOW = BodyTemperature.parse("37.2");

    private static VerificationResult scanned(Colour colour) {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, colour);
        return TestKeys.verifier(PAIR, NOW).verify(code.text());
    }

    private static VerificationResult expired() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN);
        return TestKeys.verifier(PAIR, Instant.MAX).verify(code.text());
    }

    @Test
    void decide_greenAndNormalTemperature_passes() {
        CheckpointDecision decision = CHECKPOINT.decide(scanned(Colour.GREEN), NORMAL);

        assertEquals(CheckpointAction.PASS, decision.action());
        assertTrue(decision.pass());
        assertEquals(Optional.of(Colour.GREEN), decision.colour());
        assertEquals(Optional.empty(), decision.rejection());
    }

    @Test
    void decide_anyScan_keepsTheVerifierResultAndTheReading() {
        VerificationResult scan = scanned(Colour.YELLOW);

        CheckpointDecision decision = CHECKPOINT.decide(scan, NORMAL);

        assertSame(scan, decision.scan());
        assertEquals(Optional.of(NORMAL), decision.temperature());
    }

    @Test
    void decide_greenWithoutTemperature_passes() {
        assertTrue(CHECKPOINT.decide(scanned(Colour.GREEN)).pass());
    }

    @Test
    void decide_greenJustBelowThreshold_passes() {
        assertTrue(CHECKPOINT.decide(scanned(Colour.GREEN), JUST_BELOW).pass());
    }

    @Test
    void decide_greenAtThreshold_sendsToMedicalCheck() {
        CheckpointDecision decision = CHECKPOINT.decide(scanned(Colour.GREEN), AT_THRESHOLD);

        assertEquals(CheckpointAction.MEDICAL_CHECK, decision.action());
        assertFalse(decision.pass());
        assertTrue(decision.message().contains("37.3 °C"), decision.message());
    }

    @Test
    void decide_yellow_sendsToHomeIsolationAndCheckIn() {
        CheckpointDecision decision = CHECKPOINT.decide(scanned(Colour.YELLOW), NORMAL);

        assertEquals(CheckpointAction.HOME_ISOLATION_AND_DAILY_CHECK_IN, decision.action());
        assertFalse(decision.pass());
    }

    @Test
    void decide_red_strictControlReportToCommunity() {
        CheckpointDecision decision = CHECKPOINT.decide(scanned(Colour.RED), NORMAL);

        assertEquals(CheckpointAction.STRICT_CONTROL_REPORT_TO_COMMUNITY, decision.action());
        assertFalse(decision.pass());
    }

    @Test
    void decide_expiredCode_refreshCodeWithReason() {
        CheckpointDecision decision = CHECKPOINT.decide(expired(), NORMAL);

        assertEquals(CheckpointAction.REFRESH_CODE, decision.action());
        assertEquals(Optional.of(RejectionReason.EXPIRED), decision.rejection());
        assertEquals(Optional.empty(), decision.colour());
    }

    @Test
    void decide_unreadableCode_refreshCode() {
        VerificationResult garbage = TestKeys.verifier(PAIR, NOW).verify("GL1:not a code");

        assertEquals(CheckpointAction.REFRESH_CODE, CHECKPOINT.decide(garbage).action());
        assertEquals(Optional.of(RejectionReason.MALFORMED), CHECKPOINT.decide(garbage).rejection());
    }

    @Test
    void decide_redWithFever_redWinsOverMedicalCheck() {
        assertEquals(CheckpointAction.STRICT_CONTROL_REPORT_TO_COMMUNITY,
                CHECKPOINT.decide(scanned(Colour.RED), AT_THRESHOLD).action());
    }

    @Test
    void decide_yellowWithFever_medicalCheckWinsOverHomeIsolation() {
        assertEquals(CheckpointAction.MEDICAL_CHECK, CHECKPOINT.decide(scanned(Colour.YELLOW), AT_THRESHOLD).action());
    }

    @Test
    void decide_expiredWithFever_medicalCheckWinsOverRefresh() {
        CheckpointDecision decision = CHECKPOINT.decide(expired(), AT_THRESHOLD);

        assertEquals(CheckpointAction.MEDICAL_CHECK, decision.action());
        assertEquals(Optional.of(RejectionReason.EXPIRED), decision.rejection());
    }

    @Test
    void decide_lowerConfiguredThreshold_appliesIt() {
        Checkpoint strict = Checkpoint.withFeverThreshold(BodyTemperature.parse("37.0"));

        assertEquals(CheckpointAction.MEDICAL_CHECK, strict.decide(scanned(Colour.GREEN), BodyTemperature.parse("37.0")).action());
        assertTrue(strict.decide(scanned(Colour.GREEN), BodyTemperature.parse("36.9")).pass());
    }

    @Test
    void decide_nullArguments_throw() {
        VerificationResult green = scanned(Colour.GREEN);
        assertThrows(NullPointerException.class, () -> CHECKPOINT.decide(null));
        assertThrows(NullPointerException.class, () -> CHECKPOINT.decide(green, (BodyTemperature) null));
        assertThrows(NullPointerException.class, () -> Checkpoint.withFeverThreshold(null));
    }
}
