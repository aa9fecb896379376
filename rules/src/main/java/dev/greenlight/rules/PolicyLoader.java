package dev.greenlight.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.rules.InvalidPolicyException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the policy JSON. Jackson parses strictly (no duplicate keys, no trailing content, decimals
 * kept exact) into a tree, and this class walks it field by field. A walk rather than binding to
 * classes, because binding reads an absent field and a null one alike (the format tells them
 * apart: {@code "to": null} is an open listing, a missing {@code to} an error) and reports a
 * missing constructor property at the enclosing object's path, where each error here names the
 * field itself.
 */
final class PolicyLoader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final List<String> POLICY_FIELDS =
            List.of("feverThresholdCelsius", "lookbackDays", "streakDays", "zone", "riskAreas");
    private static final List<String> AREA_FIELDS = List.of("region", "level", "from", "to");

    private PolicyLoader() {
    }

    static Policy load(InputStream json) throws IOException, InvalidPolicyException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(Problem.MALFORMED_JSON, "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPolicyException(Problem.MALFORMED_JSON, "", "empty file, expected a JSON object");
        }
        return policy(root);
    }

    private static Policy policy(JsonNode root) throws InvalidPolicyException {
        onlyFields(root, "", POLICY_FIELDS);
        BodyTemperature threshold = temperature(required(root, "", "feverThresholdCelsius"), "feverThresholdCelsius");
        int lookbackDays = days(required(root, "", "lookbackDays"), "lookbackDays");
        int streakDays = days(required(root, "", "streakDays"), "streakDays");
        ZoneId zone = zone(required(root, "", "zone"), "zone");
        JsonNode areasNode = required(root, "", "riskAreas");
        if (!areasNode.isArray()) {
            throw wrongType("riskAreas", "an array", areasNode);
        }
        List<RiskArea> areas = new ArrayList<>();
        for (int i = 0; i < areasNode.size(); i++) {
            areas.add(area(areasNode.get(i), "riskAreas[" + i + "]"));
        }
        return new Policy(threshold, lookbackDays, streakDays, zone, areas);
    }

    private static RiskArea area(JsonNode node, String path) throws InvalidPolicyException {
        onlyFields(node, path, AREA_FIELDS);
        String regionPath = path + ".region";
        String regionText = text(required(node, path, "region"), regionPath);
        RegionCode region;
        try {
            region = new RegionCode(regionText);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, regionPath, e.getMessage());
        }
        String levelPath = path + ".level";
        String levelText = text(required(node, path, "level"), levelPath);
        RiskLevel level = Arrays.stream(RiskLevel.values()).filter(l -> l.name().equals(levelText)).findFirst()
                .orElseThrow(() -> new InvalidPolicyException(Problem.INVALID_VALUE, levelPath,
                        "'" + levelText + "' is not one of " + Arrays.toString(RiskLevel.values())));
        LocalDate from = date(required(node, path, "from"), path + ".from");
        if (!node.has("to")) {
            throw new InvalidPolicyException(Problem.MISSING_FIELD, path + ".to",
                    "required: the listing's last day, or null while the area is still listed");
        }
        JsonNode toNode = node.get("to");
        Optional<LocalDate> to = toNode.isNull() ? Optional.empty() : Optional.of(date(toNode, path + ".to"));
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, path + ".to",
                    to.get() + " is before from (" + from + ")");
        }
        return new RiskArea(region, level, from, to);
    }

    private static void onlyFields(JsonNode node, String path, List<String> allowed) throws InvalidPolicyException {
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidPolicyException(Problem.UNKNOWN_FIELD, join(path, first),
                    "unknown field; the fields are " + allowed);
        }
    }

    private static JsonNode required(JsonNode object, String path, String field) throws InvalidPolicyException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPolicyException(Problem.MISSING_FIELD, join(path, field), "required, and there is no default");
        }
        return value;
    }

    private static BodyTemperature temperature(JsonNode node, String path) throws InvalidPolicyException {
        if (!node.isNumber()) {
            throw wrongType(path, "a number of degrees Celsius", node);
        }
        try {
            return BodyTemperature.ofCelsius(node.decimalValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, path, e.getMessage());
        }
    }

    private static int days(JsonNode node, String path) throws InvalidPolicyException {
        if (!node.isIntegralNumber()) {
            throw wrongType(path, "a whole number of days", node);
        }
        if (!node.canConvertToInt() || node.intValue() < 1 || node.intValue() > Policy.MAX_DAYS) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, path, node + " is not 1 to " + Policy.MAX_DAYS + " days");
        }
        return node.intValue();
    }

    private static ZoneId zone(JsonNode node, String path) throws InvalidPolicyException {
        String id = text(node, path);
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, path, "'" + id + "' is not a time zone id such as Asia/Shanghai");
        }
    }

    private static LocalDate date(JsonNode node, String path) throws InvalidPolicyException {
        String text = text(node, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidPolicyException(Problem.INVALID_VALUE, path, "'" + text + "' is not a date as 2026-12-01");
        }
    }

    private static String text(JsonNode node, String path) throws InvalidPolicyException {
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    private static InvalidPolicyException wrongType(String path, String expected, JsonNode actual) {
        return new InvalidPolicyException(Problem.WRONG_TYPE, path, "expected " + expected + ", got " + actual.getNodeType().name().toLowerCase(Locale.ROOT) + " " + actual);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
