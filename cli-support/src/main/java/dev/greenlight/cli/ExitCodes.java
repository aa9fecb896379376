package dev.greenlight.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command can return, from the one {@link ExitCode} table. {@link Tools} lists them
 * in the command's {@code --help}, together with {@link ExitCode#USAGE} and
 * {@link ExitCode#INTERNAL_ERROR}, which every command can return; a tool's top-level help lists
 * those of all its commands. Subclasses of an annotated command inherit its list.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExitCodes {

    ExitCode[] value();
}
