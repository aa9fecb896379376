package dev.greenlight.verifier;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, written by the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VerifierCli.class.getPackage().getImplementationVersion();
        return new String[] {"gl-verify " + (version != null ? version : "(development build)")};
    }
}
