package dev.greenlight.registry;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.rules.Declaration;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Lifecycle.Step;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The child process of {@link KillTest}: check-ins and the daily re-issue, day after day, for a
 * few holders, until it is killed: each check-in its own transaction, each day's codes one page
 * ({@link Registry#recordIssued(List)}). After each commit it prints what was committed, flushed:
 * {@code checkin <event id>} and {@code issued <decision id> <serial>}.
 */
public final class CrashingJob {

    /** How many holders the job cycles through. */
    static final int HOLDERS = 20;

    private CrashingJob() {
    }

    /**
     * @param args the registry's JDBC URL
     */
    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        try (Registry registry = Registry.open(args[0])) {
            for (int round = 0; ; round++) {
                List<Registry.Issue> page = new ArrayList<>(HOLDERS);
                for (int k = 0; k < HOLDERS; k++) {
                    IdentityHash holder = RegistryContract.hash(k);
                    Instant at = RegistryContract.MORNING.plus(Duration.ofDays(round)).plusSeconds(k);
                    LocalDate day = RegistryContract.day(at);
                    Optional<HolderState> before = registry.holder(holder);
                    Event event;
                    Step step;
                    if (before.isEmpty()) {
                        event = new Event.Declared(Declaration.ofTemperature(RegistryContract.NORMAL));
                        step = RegistryContract.LIFECYCLE.start(((Event.Declared) event).declaration(), at);
                    } else {
                        event = new Event.CheckedIn(RegistryContract.NORMAL, Set.of());
                        step = RegistryContract.LIFECYCLE.apply(before.get(), event, at);
                    }
                    long eventId = registry.record(holder, before, event, at, day, step);
                    System.out.println("checkin " + eventId);
                    System.out.flush();
                    page.add(new Registry.Issue(holder, new Issuance(new Serial(random.nextLong()), new KeyId(1),
                            Colour.GREEN, at, at.plus(Duration.ofDays(1)), DecisionId.reissue(holder, day))));
                }
                // The day's codes in one transaction, as gl-issue reissue records a page.
                List<Issuance> recorded = registry.recordIssued(page);
                for (int k = 0; k < HOLDERS; k++) {
                    Issuance issued = recorded.get(k);
                    System.out.println("issued " + issued.decision() + " " + issued.serial() + " " + k + " "
                            + RegistryContract.day(issued.issuedAt()));
                }
                System.out.flush();
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
