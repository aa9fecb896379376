package dev.greenlight.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version} of both tools: the version and git commit from the manifest of the tool's jar,
 * written by the build: {@code gl-verify 0.1.0 (commit 1a2b3c4)}. A build from a source tarball,
 * without {@code .git}, says {@code (unknown commit)}; classes outside a jar (an IDE, the tests)
 * say {@code (development build)}. A tool subclasses it in its own jar, naming itself.
 */
public abstract class ManifestVersion implements IVersionProvider {

    private final String tool;

    protected ManifestVersion(String tool) {
        this.tool = tool;
    }

    @Override
    public final String[] getVersion() {
        Manifest manifest = manifestOf(getClass());
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
        if (version == null) {
            return new String[] {tool + " (development build)"};
        }
        String commit = manifest.getMainAttributes().getValue("Greenlight-Commit");
        boolean known = commit != null && commit.matches("[0-9a-f]{7,40}");
        return new String[] {tool + " " + version + (known ? " (commit " + commit + ")" : " (unknown commit)")};
    }

    /** The manifest of the jar that holds {@code type}, or null when it was not loaded from a jar. */
    private static Manifest manifestOf(Class<?> type) {
        // The binary name, so that a nested class (IssuerCli$Version) is found too.
        URL url = type.getResource("/" + type.getName().replace('.', '/') + ".class");
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
