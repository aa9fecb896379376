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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Row parse(String record, long line) throws RowError.RowException {
        JsonNode node = object(record, line);
        JsonNode id = node.get(Column.ID.canonicalName());
        try {
            return row(node, line);
        } catch (RowError.RowException e) {
            throw e.forId(id != null && (id.isTextual() || id.isNumber()) ? id.asText() : null);
        }
    }

    /** One line of JSON Lines as an object, strictly: duplicate keys and trailing content are malformed rows. */
    static JsonNode object(String record, long line) throws RowError.RowException {
        JsonNode node;
        try {
            node = MAPPER.readTree(record);
        } catch (JsonProcessingException e) {
            throw new RowError.RowException(InputProblem.MALFORMED_ROW, "line " + line + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RowError.RowException(InputProblem.MALFORMED_ROW, "line " + line + ": not a JSON object");
        }
        return node;
    }

    /** A field's value as text: a string, or a number as its text; null for a JSON null. */
    static String text(String key, JsonNode value, long line) throws RowError.RowException {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new RowError.RowException(InputProblem.WRONG_FIELDS,
                    "line " + line + ", field '" + key + "': must be a string, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }

    private static Row row(JsonNode node, long line) throws RowError.RowException {
        String[] values = new String[Column.values().length];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Column column = BatchColumn.named(Column.values(), field.getKey());
            if (column == null) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS, "line " + line + ": unknown field '" + field.getKey()
                        + "'; the fields are " + Column.NAMES_HELP);
            }
            values[column.ordinal()] = text(field.getKey(), field.getValue(), line);
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
