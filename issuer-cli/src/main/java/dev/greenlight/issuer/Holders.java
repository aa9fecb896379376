package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.InvalidIdentityException;
import dev.greenlight.codec.Identity;
import dev.greenlight.registry.Registry;
import dev.greenlight.registry.RegistryException;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Lifecycle;
import dev.greenlight.rules.Lifecycle.Step;
import dev.greenlight.rules.Policy;
import dev.greenlight.rules.RefusedEventException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The lifecycle commands' view of an issuer home: its policy, its lifecycle and its registry. An
 * identity given on the command line becomes its {@link IdentityHash} here, under the home's
 * identity secret, and only the hash reaches the registry. Close it.
 */
final class Holders implements AutoCloseable {

    private final Policy policy;
    private final Lifecycle lifecycle;
    private final IdentitySecret secret;
    private final Registry registry;

    private Holders(Policy policy, IdentitySecret secret, Registry registry) {
        this.policy = policy;
        this.lifecycle = new Lifecycle(policy);
        this.secret = secret;
        this.registry = registry;
    }

    /** @throws IssuerHomeException if the home has no policy or registry, or they cannot be opened */
    static Holders open(IssuerHome home) {
        Policy policy = home.policy();
        String url = home.registryUrl();
        IdentitySecret secret = home.identitySecret();
        try {
            return new Holders(policy, secret, Registry.open(url));
        } catch (RegistryException e) {
            throw new CliException(e.reason() == RegistryException.Reason.UNSUPPORTED_DATABASE ? ExitCode.NOT_CONFIGURED
                    : ExitCode.IO_ERROR, "Cannot open the registry " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC URL without what could be a password. */
    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /**
     * {@code TYPE:NUMBER}, such as {@code CNID:11010519491231002X} or {@code PP-FRA:18AV12345}.
     *
     * @throws CliException {@link ExitCode#INVALID_INPUT} if it is no valid identity
     */
    static Identity parseIdentity(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new CliException(ExitCode.INVALID_INPUT, "An identity is TYPE:NUMBER, such as CNID:11010519491231002X"
                    + " or PP-FRA:18AV12345");
        }
        try {
            return Identity.of(text.substring(0, colon), text.substring(colon + 1));
        } catch (InvalidIdentityException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }

    IdentityHash hash(Identity identity) {
        return secret.pseudonymOf(identity);
    }

    Policy policy() {
        return policy;
    }

    Registry registry() {
        return registry;
    }

    LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, policy.zone());
    }

    /**
     * Applies an event to a holder and records it, in one registry transaction.
     *
     * @return the step, and the id of the stored event
     * @throws CliException {@link ExitCode#INVALID_INPUT} for an event the lifecycle refuses, a
     *                      check-in or release of a holder never declared, or a declaration the
     *                      rules refuse (a day after today); {@link ExitCode#IO_ERROR} if the
     *                      registry fails or another writer changed the holder meanwhile
     */
    Applied apply(IdentityHash holder, Event event, Instant at) {
        Optional<HolderState> before = registry.holder(holder);
        Step step;
        try {
            if (before.isPresent()) {
                step = lifecycle.apply(before.get(), event, at);
            } else if (event instanceof Event.Declared declared) {
                step = lifecycle.start(declared.declaration(), at);
            } else {
                throw new CliException(ExitCode.INVALID_INPUT, "This holder has made no declaration yet: 'gl-issue declare' first");
            }
        } catch (RefusedEventException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.refusal() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        try {
            long eventId = registry.record(holder, before, event, at, day(at), step);
            return new Applied(step, eventId);
        } catch (RegistryException e) {
            throw new CliException(ExitCode.IO_ERROR, e.reason() + ": " + e.getMessage()
                    + (e.reason() == RegistryException.Reason.CONFLICT ? " (nothing recorded; run the command again)" : ""), e);
        }
    }

    /** What {@link #apply} did. */
    record Applied(Step step, long eventId) {
    }

    @Override
    public void close() {
        registry.close();
    }
}
