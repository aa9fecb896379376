package dev.greenlight.issuer.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.greenlight.cli.records.InputProblem;
import java.util.Map;

/**
 * JSON Lines: one object per line, keys named as CSV columns ({@link Column}), values strings
 * (a number given as a JSON number is taken as its text). Thread-safe: an {@code ObjectMapper}
 * is, once configured.
 */
final class JsonRowParser implements RowParser {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Row parse(String record, long line) throws RowError.RowException {
        JsonNode node;
        try {
            node = mapper.readTree(record);
        } catch (JsonProcessingException e) {
            throw new RowError.RowException(InputProblem.MALFORMED_ROW, "line " + line + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RowError.RowException(InputProblem.MALFORMED_ROW, "line " + line + ": not a JSON object");
        }
        JsonNode id = node.get(Column.ID.canonicalName());
        try {
            return row(node, line);
        } catch (RowError.RowException e) {
            throw e.forId(id != null && (id.isTextual() || id.isNumber()) ? id.asText() : null);
        }
    }

    private static Row row(JsonNode node, long line) throws RowError.RowException {
        String[] values = new String[Column.values().length];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Column column = Column.named(field.getKey());
            if (column == null) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS, "line " + line + ": unknown field '" + field.getKey()
                        + "'; the fields are " + Column.NAMES_HELP);
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS,
                        "line " + line + ", field '" + field.getKey() + "': must be a string, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            values[column.ordinal()] = value.asText();
        }
        for (Column column : Column.values()) {
            if (column.required() && values[column.ordinal()] == null) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS, "line " + line + ": no field " + column.canonicalName());
            }
        }
        return new Row(values[Column.DOCUMENT_TYPE.ordinal()], values[Column.NUMBER.ordinal()],
                values[Column.COLOUR.ordinal()], values[Column.VALIDITY.ordinal()], values[Column.ID.ordinal()]);
    }
}
