package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static io.mvinfra.cloudflare.Testbed.ZONE_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.Redactor;
import io.mvinfra.host.cli.Main;
import picocli.CommandLine;
import support.LogCapture;
import support.TestHosts;

/**
 * An operator's day from the CLI, against a Cloudflare stub: create a domain's DNS record, change its TTL, add it to
 * a lockdown rule, delete it; after each step, {@code entity get} shows the record as Cloudflare has it and
 * {@code audit} the press.
 */
@WireMockTest
class CloudflareCliTest {

    private static final String RULE_ID = "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    private final StringBuilder everything = new StringBuilder();

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        all.add("--module=" + TestHosts.projectDir());
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Run run = new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
        everything.append(run.out()).append(run.err());
        return run;
    }

    private String create(String cet, String... fields) {
        List<String> args = new ArrayList<>(List.of("entity", "create", cet));
        args.addAll(List.of(fields));
        Run created = run(args.toArray(String[]::new));
        assertThat(created.code()).as(created.err()).isZero();
        return created.out().trim();
    }

    private JsonNode audit(String uuid) {
        return run("audit", "--entity", uuid, "--json").json();
    }

    @Test
    void createUpdateAddToALockdownRuleAndDeleteADnsRecord(WireMockRuntimeInfo wm) throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            operatorsDay(wm);
            everything.append(logs.text());
        }

        assertThat(everything.toString()).as("output, audit and TRACE logs (headers and bodies)")
                .contains("Authorization: " + Redactor.MASK).doesNotContain(Testbed.TOKEN);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(Testbed.TOKEN);
            }
        }
    }

    private void operatorsDay(WireMockRuntimeInfo wm) {
        String rule = LOCKDOWNS + "/" + RULE_ID;
        stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
        stubFor(get(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
        stubFor(patch(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record-ttl-300.json"))));
        stubFor(put(urlEqualTo(rule)).willReturn(okJson(fixture("cloudflare/lockdown-rule.json").replace("372e67954025e0ba6aaa6d586b9e0b59", RULE_ID)
                .replace("\"urls\": [\"example.com/admin*\"]", "\"urls\": [\"example.com/admin*\", \"www.example.com/*\"]")
                .replace("{\"target\": \"ip_range\", \"value\": \"203.0.113.0/24\"}", "{\"target\": \"ip\", \"value\": \"192.0.2.10\"}"))));
        stubFor(delete(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        String credential = create("Credential", "authenticationType=CLOUDFLARE_API_TOKEN", "token=" + Testbed.TOKEN);
        String provider = create("ServiceProvider", "code=cf-main", "kind=CLOUDFLARE", "apiBaseUrl=" + wm.getHttpBaseUrl(), "credential=" + credential);
        String domain = create("DomainName", "name=example.com", "registrar=" + provider, "providerSideId=" + ZONE_ID);
        String lockdown = create("LockdownRule", "domainName=" + domain, "urls=example.com/admin*", "ips=198.51.100.4",
                "description=Admin from the office", "providerSideId=" + RULE_ID);
        String www = create("DnsRecord", "domainName=" + domain, "name=www", "recordType=A", "value=192.0.2.10", "ttl=3600");

        Run dryRun = run("action", "run", "DnsRecord", "createCloudflareDnsRecord", www, "--dry-run");
        assertThat(dryRun.out().trim()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + RECORDS
                + " {\"type\":\"A\",\"name\":\"www.example.com\",\"content\":\"192.0.2.10\",\"ttl\":3600,\"proxied\":false}");
        verify(0, anyRequestedFor(anyUrl()));

        Run created = run("action", "run", "DnsRecord", "createCloudflareDnsRecord", www, "--user", "ops");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out().trim()).isEqualTo("DNS record www.example.com created (id " + RECORD_ID + ")");
        JsonNode record = run("entity", "get", "DnsRecord", www, "--json").json();
        assertThat(record.at("/fields/providerSideId").asText()).isEqualTo(RECORD_ID);
        assertThat(record.at("/fields/name").asText()).isEqualTo("www.example.com");
        assertThat(audit(www)).hasSize(2);
        assertThat(audit(www).get(0).get("action").asText()).isEqualTo("createCloudflareDnsRecord");
        assertThat(audit(www).get(0).get("user").asText()).isEqualTo("ops");
        assertThat(audit(www).get(0).get("outcome").asText()).isEqualTo("SUCCESS");

        assertThat(run("entity", "update", "DnsRecord", www, "ttl=300").code()).isZero();
        Run updated = run("action", "run", "DnsRecord", "updateCloudflareDnsRecord", www, "--user", "ops");
        assertThat(updated.out().trim()).isEqualTo("DNS record www.example.com updated (ttl; id " + RECORD_ID + ")");
        record = run("entity", "get", "DnsRecord", www, "--json").json();
        assertThat(record.at("/fields/ttl").asLong()).isEqualTo(300);
        assertThat(record.at("/fields/modifiedDate").asText()).isEqualTo("2024-03-05T09:00:00.654321Z");
        assertThat(audit(www).get(0).get("action").asText()).isEqualTo("updateCloudflareDnsRecord");
        verify(patchRequestedFor(urlEqualTo(RECORDS + "/" + RECORD_ID)).withRequestBody(equalToJson("{\"ttl\": 300}")));

        Run added = run("action", "run", "DnsRecord", "addToCloudflareLockdownRule", www, "--user", "ops");
        assertThat(added.out().trim()).isEqualTo("Lockdown rule 'Admin from the office' now lets 192.0.2.10 through to www.example.com/* (id " + RULE_ID + ")");
        JsonNode lockdownRule = run("entity", "get", "LockdownRule", lockdown, "--json").json();
        assertThat(lockdownRule.at("/fields/urls").toString()).isEqualTo("[\"example.com/admin*\",\"www.example.com/*\"]");
        assertThat(lockdownRule.at("/fields/ips").toString()).isEqualTo("[\"198.51.100.4\",\"192.0.2.10\"]");
        assertThat(audit(www).get(0).get("action").asText()).isEqualTo("addToCloudflareLockdownRule");
        verify(putRequestedFor(urlEqualTo(rule)));

        Run unconfirmed = run("action", "run", "DnsRecord", "deleteCloudflareDnsRecord", www, "--user", "ops");
        assertThat(unconfirmed.code()).as("no terminal to ask on, no --yes").isEqualTo(2);
        assertThat(unconfirmed.err()).startsWith("error: Delete on Cloudflare on www.example.com: Deletes the DNS record at Cloudflare")
                .contains("add --yes to go on");
        verify(0, deleteRequestedFor(urlEqualTo(RECORDS + "/" + RECORD_ID)));
        Run deleted = run("action", "run", "DnsRecord", "deleteCloudflareDnsRecord", www, "--user", "ops", "--yes");
        assertThat(deleted.out().trim()).isEqualTo("DNS record www.example.com deleted at Cloudflare (id " + RECORD_ID + ") and removed here");
        Run gone = run("entity", "get", "DnsRecord", www, "--json");
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).startsWith("error: no DnsRecord with uuid " + www);
        JsonNode trail = audit(www);
        assertThat(trail).hasSize(5);
        assertThat(trail.get(0).get("action").asText()).isEqualTo("deleteCloudflareDnsRecord");
        assertThat(trail.findValuesAsText("outcome")).containsOnly("SUCCESS");
        assertThat(trail.findValuesAsText("action")).containsExactly("deleteCloudflareDnsRecord", "addToCloudflareLockdownRule",
                "updateCloudflareDnsRecord", "createCloudflareDnsRecord", "createCloudflareDnsRecord");
        assertThat(trail.get(4).get("message").asText()).startsWith("Dry run: POST");
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
        verify(deleteRequestedFor(urlEqualTo(RECORDS + "/" + RECORD_ID)));
    }
}
