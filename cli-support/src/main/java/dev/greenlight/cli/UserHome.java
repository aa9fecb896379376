package dev.greenlight.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's home as Unix tools see it, for both tools: {@code $HOME} when it is an absolute path,
 * else Java's {@code user.home}. Java takes {@code user.home} from the password file, which under
 * sudo, in containers and in CI is often someone else's home (or {@code /}); {@code $HOME} is the
 * one the caller means. Each tool's own variable ({@code GREENLIGHT_ISSUER_HOME},
 * {@code GREENLIGHT_TRUST}) still comes first.
 */
public final class UserHome {

    private UserHome() {
    }

    /** {@code $HOME} from {@code environment} if it is set to an absolute path, else {@code userHomeProperty}. */
    public static Path of(Map<String, String> environment, String userHomeProperty) {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHomeProperty);
    }
}
