/**
 * A strict JSON reader for the format's signed documents, where nimbus's reader is too lenient:
 * it keeps the last of two members with one name inside a nested object.
 */
package dev.greenlight.codec.internal.json;
