package io.jenkins.plugins.iacjobs.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"iacjobs " + (v == null ? "dev" : v)};
    }
}
