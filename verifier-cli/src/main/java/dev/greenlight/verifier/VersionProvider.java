package dev.greenlight.verifier;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and git commit from the jar manifest, written by the build: {@code gl-verify 0.1.0 (commit 1a2b3c4)}.
 * A build from a source tarball, without {@code .git}, says {@code (unknown commit)}; classes outside a jar
 * (an IDE, the tests) say {@code (development build)}. Same shape as gl-issue's.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Manifest manifest = manifestOf(VersionProvider.class);
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
        if (version == null) {
            return new String[] {"gl-verify (development build)"};
        }
        String commit = manifest.getMainAttributes().getValue("Greenlight-Commit");
        boolean known = commit != null && commit.matches("[0-9a-f]{7,40}");
        return new String[] {"gl-verify " + version + (known ? " (commit " + commit + ")" : " (unknown commit)")};
    }

    /** The manifest of the jar that holds {@code type}, or null when it was not loaded from a jar. */
    private static Manifest manifestOf(Class<?> type) {
        URL url = type.getResource(type.getSimpleName() + ".class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        try {
            return ((JarURLConnection) url.openConnection()).getManifest();
        } catch (IOException e) {
            return null;
        }
    }
}
