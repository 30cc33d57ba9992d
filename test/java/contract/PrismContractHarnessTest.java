package contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import support.Prism;

/**
 * The contract harness works: a request the HTTP layer builds is checked by Prism against Cloudflare's own OpenAPI
 * document, and a request that breaks it is refused, so later contract tests can fail.
 */
class PrismContractHarnessTest {

    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
    private static Prism prism;

    record NewDnsRecord(String type, String name, String content, Integer ttl, Boolean proxied) {
    }

    private ProviderHttp cloudflare;

    @BeforeAll
    static void startPrism() throws Exception {
        prism = Prism.start("cloudflare.yaml");
    }

    @AfterAll
    static void stopPrism() {
        if (prism != null) {
            prism.close();
        }
    }

    @BeforeEach
    void client() {
        prism.clear();
        cloudflare = ProviderHttp.builder(new HttpRuntime(HttpSettings.defaults(), TimeSource.SYSTEM), prism.baseUrl(),
                new CloudflareDialect()).auth(Auth.bearer("prism-accepts-any-token")).build();
    }

    @Test
    void dnsRecordCreateThatKeepsTheContractIsAccepted() {
        NewDnsRecord record = new NewDnsRecord("A", "www.example.com", "192.0.2.10", 3600, false);

        JsonNode created = cloudflare.post("zones/{zone}/dns_records", ZONE).body(record).send().json();

        assertThat(created.path("success").asBoolean()).isTrue();
        assertThat(created.path("result").path("id").asText()).isNotEmpty();
        assertThat(prism.violations()).isEmpty();
    }

    @Test
    void dnsRecordCreateWithoutANameIsRefusedByTheContract() {
        NewDnsRecord nameless = new NewDnsRecord("A", null, "192.0.2.10", 3600, null);

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> cloudflare.post("zones/{zone}/dns_records", ZONE).body(nameless).send());

        assertThat(e.httpStatus()).isEqualTo(422);
        assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(e.providerMessage()).startsWith("Invalid request: Your request is not valid");
        assertThat(prism.violations()).contains("Request body must have required property 'name'");
    }
}
