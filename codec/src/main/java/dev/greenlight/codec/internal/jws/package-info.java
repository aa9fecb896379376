/**
 * The JWS profile of the format's signed documents (trust lists, revocation lists): compact,
 * ES256, one pinned key, a closed header. Internal: the public types are the documents.
 */
package dev.greenlight.codec.internal.jws;
