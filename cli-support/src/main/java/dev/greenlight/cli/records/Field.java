package dev.greenlight.cli.records;

import java.util.List;

/**
 * Every field a record may carry, in the order of CSV columns ({@code specs/records.md}). A
 * command's CSV has the columns it can emit, in this order; its JSON objects have the fields
 * each record knows, in this order too.
 */
public enum Field {
    SCHEMA("schema", Type.STRING),
    LINE("line", Type.INTEGER),
    ROW("row", Type.INTEGER),
    FILE("file", Type.STRING),
    ID("id", Type.STRING),
    TIME("time", Type.STRING),
    CHECKPOINT("checkpoint", Type.STRING),
    DIRECTION("direction", Type.STRING),
    VERDICT("verdict", Type.STRING),
    DECISION("decision", Type.STRING),
    REASON("reason", Type.STRING),
    MESSAGE("message", Type.STRING),
    COLOUR("colour", Type.STRING),
    /** The ids of the colour rules that gave the colour, in the rules' order. */
    RULES("rules", Type.LIST),
    KEY_ID("key_id", Type.STRING),
    SERIAL("serial", Type.STRING),
    IDENTITY_HASH("identity_hash", Type.STRING),
    ISSUED_AT("issued_at", Type.STRING),
    EXPIRES_AT("expires_at", Type.STRING),
    TEMPERATURE("temperature", Type.DECIMAL),
    REPEAT("repeat", Type.BOOLEAN),
    SIGNATURE("signature", Type.STRING),
    CODE("code", Type.STRING),
    PNG("png", Type.STRING);

    /** What every verification record carries: the verdict, its reason and message, and the claims. */
    public static final List<Field> VERIFICATION = List.of(SCHEMA, VERDICT, REASON, MESSAGE, COLOUR, KEY_ID, SERIAL,
            IDENTITY_HASH, ISSUED_AT, EXPIRES_AT);

    /**
     * How a value is written in JSON: a string, a number, true/false, or an array of strings. In CSV
     * every value is a cell's text; a list's strings are separated by a space.
     */
    public enum Type {
        STRING, INTEGER, DECIMAL, BOOLEAN, LIST
    }

    private final String key;
    private final Type type;

    Field(String key, Type type) {
        this.key = key;
        this.type = type;
    }

    /** @return the JSON key and CSV column name */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }
}
