package dev.greenlight.codec.internal.ec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs in time that depends on its inputs (early exits, table lookups by scalar bits, modular
 * inversions by Euclid), which is what makes verification fast, and is safe only because every
 * input is public: keys that verify, messages, signatures.
 *
 * <p>So no private key may reach it. {@code SecretBoundaryTest} fails the build if a class or
 * member marked so declares a private-key type (or a supertype of one) in a field, parameter or
 * result, if such a class names a private-key type anywhere in its code, or if it refers to
 * {@code internal.ec.sign} (or code there to {@code internal.ec.verify}).
 *
 * <p>Kept at run time so that the test reads it by reflection; a reviewer reads it in the source.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.PACKAGE})
public @interface VariableTime {
}
