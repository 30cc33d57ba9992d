package io.mvinfra.host.cli;

import java.nio.file.Path;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import picocli.CommandLine.Option;

/** Where the host's data, database and module are; shared by every command that opens the host. */
public final class HostOptions {

    @Option(names = "--home", description = "Data directory (default: $MV_INFRA_HOME, else ~/.mv-infra)")
    Path home;

    @Option(names = "--jdbc-url", description = "PostgreSQL JDBC URL (default: $MV_INFRA_JDBC_URL, else the embedded database)")
    String jdbcUrl;

    @Option(names = "--module", description = "Module directory (default: $MV_INFRA_MODULE, the working directory if it is a module, else the bundled module)")
    Path module;

    /** Set by the command line's factory: a command handed to a running serve uses the serve's open host. */
    Invocation invocation = Invocation.here();

    HostSettings settings() {
        return HostSettings.from(System.getenv(), home, jdbcUrl, module);
    }

    /** For a one-shot command. */
    Host open() {
        return openForCommand(settings());
    }

    /** For a one-shot command that only reads: it leaves tidying the file to the commands that write. */
    Host openToRead() {
        return openForCommand(settings().readingOnly());
    }

    private Host openForCommand(HostSettings settings) {
        return invocation.running() != null ? invocation.running().lease() : Host.openForCommand(settings);
    }

    /** For `serve`. */
    Host openToServe() {
        return Host.open(settings());
    }
}
