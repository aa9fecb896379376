package dev.greenlight.issuer.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    public Row parse(String record) throws RowError.RowException {
        JsonNode node;
        try {
            node = mapper.readTree(record);
        } catch (JsonProcessingException e) {
            throw new RowError.RowException(RowError.Kind.MALFORMED_ROW, "invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RowError.RowException(RowError.Kind.MALFORMED_ROW, "the line is not a JSON object");
        }
        String[] values = new String[Column.values().length];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Column column = Column.named(field.getKey());
            if (column == null) {
                throw new RowError.RowException(RowError.Kind.WRONG_FIELDS, "unknown field '" + field.getKey()
                        + "'; the fields are " + Column.NAMES_HELP);
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new RowError.RowException(RowError.Kind.WRONG_FIELDS,
                        "field '" + field.getKey() + "' must be a string, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            values[column.ordinal()] = value.asText();
        }
        for (Column column : Column.values()) {
            if (column.required() && values[column.ordinal()] == null) {
                throw new RowError.RowException(RowError.Kind.WRONG_FIELDS, "no field " + column.canonicalName());
            }
        }
        return new Row(values[Column.DOCUMENT_TYPE.ordinal()], values[Column.NUMBER.ordinal()],
                values[Column.COLOUR.ordinal()], values[Column.VALIDITY.ordinal()]);
    }
}
