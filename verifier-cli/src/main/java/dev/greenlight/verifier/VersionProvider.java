package dev.greenlight.verifier;

import dev.greenlight.cli.ManifestVersion;

/** {@code gl-verify --version}: from the manifest of this jar ({@link ManifestVersion}). */
final class VersionProvider extends ManifestVersion {

    VersionProvider() {
        super("gl-verify");
    }
}
