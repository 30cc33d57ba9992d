package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.mvinfra.host.Host;
import io.mvinfra.host.credentials.CredentialImport;
import io.mvinfra.host.credentials.CredentialImport.Change;
import io.mvinfra.host.credentials.ImportedAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "credential", mixinStandardHelpOptions = true, description = "Credentials and the providers they open.",
        subcommands = CredentialCommand.Import.class)
final class CredentialCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Create or update ServiceProvider and Credential entities from clouds.yaml and OS_* (OpenStack), the scw config"
                    + " and SCW_* (Scaleway), CLOUDFLARE_API_TOKEN (Cloudflare). Running it twice changes nothing the second time.")
    static final class Import extends HostCommand {
        @Option(names = "--clouds-yaml", description = "OpenStack clouds.yaml (default: $OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml)")
        Path cloudsYaml;
        @Option(names = "--cloud", description = "Only this cloud of clouds.yaml (default: $OS_CLOUD, else all)")
        String cloud;
        @Option(names = "--scw-config", description = "Scaleway config file (default: $SCW_CONFIG_PATH, else ~/.config/scw/config.yaml)")
        Path scwConfig;
        @Option(names = "--scw-profile", description = "Profile of the Scaleway config (default: $SCW_PROFILE, else its active profile)")
        String scwProfile;
        @Option(names = "--dry-run", description = "Say what would change, change nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            CredentialImport importer = new CredentialImport();
            List<ImportedAccount> accounts = importer.discover(new CredentialImport.Sources(cloudsYaml, cloud, scwConfig, scwProfile, System.getenv(),
                    Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath()));
            PrintWriter out = out();
            if (accounts.isEmpty()) {
                out.println("no credentials found (looked for clouds.yaml, OS_*, the scw config, SCW_*, CLOUDFLARE_API_TOKEN)");
                return Main.OK;
            }
            try (Host h = host.open()) {
                for (Change c : importer.apply(h.store(), accounts, dryRun)) {
                    ImportedAccount a = c.account();
                    out.printf("%s%-9s ServiceProvider %s %s (%s) from %s; Credential %s (%s)%s%n", dryRun ? "[dry run] " : "",
                            c.action().name().toLowerCase(java.util.Locale.ROOT), a.providerCode(), c.providerUuid(), a.kind(), a.origin(),
                            c.credentialUuid(), a.credentialFields().get("authenticationType"),
                            c.changedFields().isEmpty() ? "" : ": changed " + String.join(", ", c.changedFields()));
                }
            }
            return Main.OK;
        }
    }
}
