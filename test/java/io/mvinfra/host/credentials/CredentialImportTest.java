package io.mvinfra.host.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.cli.Main;
import io.mvinfra.host.credentials.CredentialImport.Action;
import io.mvinfra.host.credentials.CredentialImport.Change;
import io.mvinfra.host.credentials.CredentialImport.Sources;
import io.mvinfra.host.store.StoredEntity;
import picocli.CommandLine;
import support.TestHosts;
import support.TestHosts.Db;

class CredentialImportTest {
    private static final String OS_PASSWORD = "canary-os-password-55e1";
    private static final String SCW_SECRET = "11111111-2222-4333-8444-canary000001";

    @TempDir
    Path home;
    @TempDir
    Path files;
    private Host host;
    private final CredentialImport importer = new CredentialImport();

    @BeforeEach
    void open() {
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.projectDir());
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void importsEveryCloudOfCloudsYamlMergedWithSecureYaml() throws IOException {
        Path clouds = write("clouds.yaml", """
                clouds:
                  ovh:
                    auth:
                      auth_url: https://auth.cloud.ovh.net/v3
                      username: user-abc
                      project_id: 0123456789abcdef
                      user_domain_name: Default
                    region_name: GRA11
                  lab:
                    auth_type: v3applicationcredential
                    auth:
                      auth_url: http://127.0.0.1:5000/v3
                      application_credential_id: ac-42
                      application_credential_secret: app-secret
                """);
        write("secure.yaml", "clouds:\n  ovh:\n    auth:\n      password: " + OS_PASSWORD + "\n");

        List<Change> changes = importer.apply(host.store(), importer.discover(sources(clouds, null, null, Map.of())), false);

        assertThat(changes).extracting(c -> c.account().providerCode() + ":" + c.action())
                .containsExactlyInAnyOrder("openstack-ovh:CREATED", "openstack-lab:CREATED");
        StoredEntity ovh = provider("openstack-ovh");
        assertThat(ovh.values()).containsEntry("kind", "OPENSTACK").containsEntry("apiBaseUrl", "https://auth.cloud.ovh.net/v3")
                .containsEntry("zones", List.of("GRA11"));
        Map<String, Object> credential = host.store().reveal(host.store().require("Credential", ovh.value("credential").toString()));
        assertThat(credential).containsEntry("authenticationType", "OPENSTACK_PASSWORD").containsEntry("username", "user-abc")
                .containsEntry("password", OS_PASSWORD).containsEntry("projectId", "0123456789abcdef").containsEntry("region", "GRA11")
                .containsEntry("domainName", "auth.cloud.ovh.net");
        Map<String, Object> lab = host.store().reveal(host.store().require("Credential", provider("openstack-lab").value("credential").toString()));
        assertThat(lab).containsEntry("authenticationType", "OPENSTACK_APPLICATION_CREDENTIAL").containsEntry("applicationCredentialId", "ac-42")
                .containsEntry("applicationCredentialSecret", "app-secret");
    }

    @Test
    void runningTwiceChangesNothingTheSecondTimeAndAChangedSecretIsAnUpdate() throws IOException {
        Path scw = write("config.yaml", """
                access_key: SCWAAAAAAAAAAAAAAAAA
                secret_key: %s
                default_project_id: p-1
                default_zone: fr-par-1
                active_profile: work
                profiles:
                  work:
                    access_key: SCWBBBBBBBBBBBBBBBBB
                    default_zone: nl-ams-1
                """.formatted(SCW_SECRET));
        Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", "cf-token-canary");

        List<Change> first = importer.apply(host.store(), importer.discover(sources(null, scw, null, env)), false);
        List<Change> second = importer.apply(host.store(), importer.discover(sources(null, scw, null, env)), false);
        List<Change> third = importer.apply(host.store(), importer.discover(sources(null, scw, null, Map.of("CLOUDFLARE_API_TOKEN", "rotated"))), false);

        assertThat(first).extracting(Change::action).containsOnly(Action.CREATED).hasSize(2);
        assertThat(second).extracting(Change::action).containsOnly(Action.UNCHANGED).hasSize(2);
        assertThat(third).extracting(c -> c.account().providerCode() + ":" + c.action() + ":" + c.changedFields())
                .containsExactlyInAnyOrder("scaleway-work:UNCHANGED:[]", "cloudflare:UPDATED:[credential.token]");
        Map<String, Object> scaleway = host.store().reveal(host.store().require("Credential", provider("scaleway-work").value("credential").toString()));
        assertThat(scaleway).as("profile values over the file's defaults").containsEntry("accessKey", "SCWBBBBBBBBBBBBBBBBB")
                .containsEntry("defaultZone", "nl-ams-1").containsEntry("apiKey", SCW_SECRET).containsEntry("projectId", "p-1");
        assertThat(host.store().count("ServiceProvider")).isEqualTo(2);
        assertThat(host.store().count("Credential")).isEqualTo(2);
    }

    @Test
    void readsOpenrcVariablesAndScalewayVariables() {
        Map<String, String> env = Map.ofEntries(Map.entry("OS_AUTH_URL", "https://keystone.example/v3"), Map.entry("OS_USERNAME", "demo"),
                Map.entry("OS_PASSWORD", OS_PASSWORD), Map.entry("OS_PROJECT_NAME", "demo"), Map.entry("OS_USER_DOMAIN_NAME", "Default"),
                Map.entry("OS_PROJECT_DOMAIN_NAME", "Default"), Map.entry("OS_REGION_NAME", "RegionOne"), Map.entry("SCW_ACCESS_KEY", "SCWCCCCCCCCCCCCCCCCC"),
                Map.entry("SCW_SECRET_KEY", SCW_SECRET), Map.entry("SCW_DEFAULT_PROJECT_ID", "p-2"), Map.entry("SCW_DEFAULT_ZONE", "fr-par-2"));

        List<Change> changes = importer.apply(host.store(), importer.discover(sources(null, null, null, env)), false);

        assertThat(changes).extracting(c -> c.account().providerCode()).containsExactlyInAnyOrder("openstack-demo", "scaleway-env");
        Map<String, Object> os = host.store().reveal(host.store().require("Credential", provider("openstack-demo").value("credential").toString()));
        assertThat(os).containsEntry("projectName", "demo").containsEntry("region", "RegionOne").containsEntry("password", OS_PASSWORD);
    }

    @Test
    void aMissingCloudIsABadInputNamingTheFile() throws IOException {
        Path clouds = write("clouds.yaml", "clouds:\n  ovh:\n    auth:\n      auth_url: https://a/v3\n");

        assertThatThrownBy(() -> importer.discover(sources(clouds, null, "nope", Map.of()))).hasMessage(clouds + " has no cloud nope");
    }

    @Test
    void theCliSaysWhatItDidWithSecretsNeverPrinted() throws IOException {
        Path clouds = write("clouds.yaml", "clouds:\n  ovh:\n    auth:\n      auth_url: https://auth.cloud.ovh.net/v3\n      username: u\n      password: "
                + OS_PASSWORD + "\n      project_name: p\n");
        host.close();

        String first = cli("credential", "import", "--clouds-yaml=" + clouds, "--cloud=ovh");
        String second = cli("credential", "import", "--clouds-yaml=" + clouds, "--cloud=ovh");
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.projectDir());

        assertThat(first).startsWith("created   ServiceProvider openstack-ovh " + provider("openstack-ovh").uuid() + " (OPENSTACK) from clouds.yaml cloud ovh");
        assertThat(second).startsWith("unchanged ServiceProvider openstack-ovh");
        assertThat(first + second).doesNotContain(OS_PASSWORD);
    }

    @Test
    void aSecondImportAfterTheProviderWasDeletedAdoptsItsCredentialRatherThanDuplicatingIt() throws IOException {
        Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", "cf-token-canary");
        importer.apply(host.store(), importer.discover(sources(null, null, null, env)), false);
        StoredEntity deleted = provider("cloudflare");
        host.store().delete("ServiceProvider", deleted.uuid(), null);

        List<Change> again = importer.apply(host.store(), importer.discover(sources(null, null, null, env)), false);

        assertThat(again).extracting(Change::action).containsExactly(Action.CREATED);
        assertThat(host.store().count("Credential")).isEqualTo(1);
        assertThat(provider("cloudflare").value("credential")).isEqualTo(deleted.value("credential"));
    }

    private String cli(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--home=" + home, "--module=" + TestHosts.projectDir())).toArray(String[]::new);
        assertThat(cli.execute(all)).as(out.toString()).isZero();
        return out.toString();
    }

    private StoredEntity provider(String code) {
        List<StoredEntity> found = host.store().findBy("ServiceProvider", Map.of("code", code));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Sources sources(Path clouds, Path scw, String cloud, Map<String, String> env) {
        return new Sources(clouds, cloud, scw, null, env, files.resolve("nohome"), files.resolve("nowd"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text);
    }
}
