package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.issuer.batch.DeclarationText;
import dev.greenlight.rules.Symptom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --temperature} and {@code --symptom}: what a declaration and a daily check-in report about health. */
final class HealthOptions {

    @Option(names = "--temperature", required = true, paramLabel = "CELSIUS",
            description = "The temperature taken, in °C with at most one decimal: 36.6, 37.5.")
    String temperature;

    @Option(names = "--symptom", paramLabel = "SYMPTOM",
            description = "A symptom now (repeat for several): dry-cough, sore-throat, fatigue, diarrhoea, ... "
                    + "(see --help of 'gl-issue check-in').")
    List<String> symptoms = new ArrayList<>();

    /** @throws CliException {@link ExitCode#INVALID_INPUT} if the temperature is no reading in tenths */
    BodyTemperature temperature() {
        try {
            return DeclarationText.temperature(temperature);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "--temperature: " + e.getMessage(), e);
        }
    }

    /** @throws CliException {@link ExitCode#INVALID_INPUT} naming the symptoms known, for a name that is none */
    Set<Symptom> symptoms() {
        Set<Symptom> parsed = EnumSet.noneOf(Symptom.class);
        for (String name : symptoms) {
            try {
                parsed.add(DeclarationText.symptom(name));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
            }
        }
        return parsed;
    }
}
