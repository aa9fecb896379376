package dev.greenlight.codec.internal.ec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles a secret (a private scalar, a nonce), so its running time, branches and memory accesses
 * must not depend on it: an attacker who can time signatures must learn nothing about the key.
 *
 * <p>The claim is as strong as BouncyCastle's own signer, whose point arithmetic and cache-safe
 * lookup tables it builds on, and no stronger. It is the only kind of code in
 * {@code internal.ec.sign}, and that package is the only one that may be handed a private key;
 * {@code SecretBoundaryTest} keeps it so, with an allow-list of the callers from outside.
 *
 * <p>Kept at run time so that the test reads it by reflection; a reviewer reads it in the source.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.PACKAGE})
public @interface ConstantTime {
}
