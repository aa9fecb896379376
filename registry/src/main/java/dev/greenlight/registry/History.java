package dev.greenlight.registry;

import dev.greenlight.rules.Transition;
import java.util.List;
import java.util.Objects;

/**
 * Everything the registry keeps about one holder, oldest first: what the holder or the authorities
 * reported, how the colour changed and why, and the codes issued.
 *
 * @param events      the events
 * @param transitions the colour changes, with their rules and reasons
 * @param issued      the codes issued
 */
public record History(List<StoredEvent> events, List<Transition> transitions, List<Issuance> issued) {

    /**
     * @param events      the events, copied
     * @param transitions the transitions, copied
     * @param issued      the codes, copied
     * @throws NullPointerException if any is null
     */
    public History {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        transitions = List.copyOf(Objects.requireNonNull(transitions, "transitions"));
        issued = List.copyOf(Objects.requireNonNull(issued, "issued"));
    }
}
