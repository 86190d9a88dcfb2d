package org.tsak.cli;

import picocli.CommandLine;

/** Prints the jar's implementation version. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = TsakCommand.class.getPackage().getImplementationVersion();
        return new String[] {"tsak " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version")};
    }
}
