package io.jenkins.plugins.iacjobs.core.http;

/** The version of core, from the jar manifest when packaged. */
final class Version {
    private Version() {
    }

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
