package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.rules.Symptom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code --temperature} and {@code --symptom}: what a declaration and a daily check-in report about health. */
final class HealthOptions {

    static final String SYMPTOM_NAMES = Arrays.stream(Symptom.values()).map(HealthOptions::optionName)
            .collect(Collectors.joining(", "));

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
            return BodyTemperature.parse(temperature.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "--temperature: " + e.getMessage(), e);
        }
    }

    /** @throws CliException {@link ExitCode#INVALID_INPUT} naming the symptoms known, for a name that is none */
    Set<Symptom> symptoms() {
        Set<Symptom> parsed = EnumSet.noneOf(Symptom.class);
        for (String name : symptoms) {
            String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            Symptom found = Arrays.stream(Symptom.values()).filter(s -> optionName(s).equals(wanted)).findFirst()
                    .orElseThrow(() -> new CliException(ExitCode.INVALID_INPUT, "Unknown symptom '" + name + "': one of "
                            + SYMPTOM_NAMES));
            parsed.add(found);
        }
        return parsed;
    }

    /** {@code DRY_COUGH} as {@code dry-cough}. */
    static String optionName(Symptom symptom) {
        return symptom.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
