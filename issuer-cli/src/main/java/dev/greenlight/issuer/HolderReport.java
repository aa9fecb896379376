package dev.greenlight.issuer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.greenlight.cli.records.Record;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.registry.History;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Reason;
import dev.greenlight.rules.Streak;
import dev.greenlight.rules.Transition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the lifecycle commands print about a holder: the colour, why, the check-in streak and,
 * for {@code status}, every colour change. Text for people; with {@code --json} one object of the
 * record schema ({@code specs/records.md}: {@code schema}, {@code verdict}, {@code message},
 * {@code colour}, {@code identity_hash}) with the lifecycle's own fields ({@code changed},
 * {@code reasons}, {@code streak_days}, {@code streak_first}, {@code streak_last},
 * {@code history}). The identity is never printed, only its hash.
 *
 * @param verdict    {@code RECORDED} after an event, {@code STATUS} for {@code status}
 * @param message    what happened, for people
 * @param holder     the holder's hash
 * @param state      the state now
 * @param changed    the colour before, if this event changed it
 * @param reasons    why the holder has this colour: the reasons of the latest colour change
 * @param streakDays how many clean check-in days the policy asks for
 * @param history    every colour change, oldest first; empty unless {@code status}
 */
record HolderReport(String verdict, String message, IdentityHash holder, HolderState state, Optional<Optional<Colour>> changed,
                    List<Reason> reasons, int streakDays, List<Transition> history) {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Reasons quote an authority's text: no character of it may steer a terminal.
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    /** The reasons of the latest colour change in a history: why the holder has the colour they have. */
    static List<Reason> latestReasons(History history) {
        List<Transition> transitions = history.transitions();
        return transitions.isEmpty() ? List.of() : transitions.get(transitions.size() - 1).reasons();
    }

    void print(PrintWriter out, boolean json) {
        if (json) {
            out.println(json());
        } else {
            out.print(text());
        }
    }

    String text() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("holder:  " + holder);
        out.println("colour:  " + name(state.colour()) + changed.map(before -> " (was "
                + before.map(HolderReport::name).orElse("none") + ")").orElse(""));
        out.println("reasons:");
        for (Reason reason : reasons) {
            out.println("  " + reason.ruleId() + ": " + reason.text());
        }
        if (state.colour() == Colour.YELLOW) {
            out.println("streak:  " + state.streakDays() + " of " + streakDays + " days"
                    + state.streak().map(s -> " (" + s.first() + " to " + s.last() + ")").orElse(""));
        }
        if (!history.isEmpty()) {
            out.println("history:");
            for (Transition transition : history) {
                out.println("  " + transition.at() + "  " + transition.from().map(HolderReport::name).orElse("none") + " -> "
                        + name(transition.to()) + "  " + transition.cause() + "  " + String.join(", ", transition.ruleIds()));
            }
        }
        out.flush();
        return text.toString();
    }

    String json() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("schema", Record.SCHEMA);
            json.writeStringField("verdict", verdict);
            json.writeStringField("message", message);
            json.writeStringField("colour", name(state.colour()));
            json.writeStringField("identity_hash", holder.toString());
            json.writeBooleanField("changed", changed.isPresent());
            json.writeArrayFieldStart("reasons");
            for (Reason reason : reasons) {
                json.writeStartObject();
                json.writeStringField("rule", reason.ruleId());
                json.writeStringField("text", reason.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("streak_days", state.streakDays());
            Optional<Streak> streak = state.streak();
            if (streak.isPresent()) {
                json.writeStringField("streak_first", streak.get().first().toString());
                json.writeStringField("streak_last", streak.get().last().toString());
            }
            if (!history.isEmpty()) {
                json.writeArrayFieldStart("history");
                for (Transition transition : history) {
                    json.writeStartObject();
                    json.writeStringField("at", transition.at().toString());
                    if (transition.from().isPresent()) {
                        json.writeStringField("from", name(transition.from().get()));
                    }
                    json.writeStringField("to", name(transition.to()));
                    json.writeStringField("cause", transition.cause().name());
                    json.writeArrayFieldStart("rules");
                    for (String rule : transition.ruleIds()) {
                        json.writeString(rule);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String name(Colour colour) {
        return colour.name().toLowerCase(Locale.ROOT);
    }
}
