package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTextTest {
    @Test
    void aScriptsPlainSentenceIsShownAsItIs() {
        String said = "DNS record www.example.com created at Cloudflare (id 372e67954025e0ba6aaa6d586b9e0b59)";
        assertThat(OperatorText.of(said, "press 1")).isEqualTo(said);
        assertThat(OperatorText.of("", "press 1")).isEmpty();
        assertThat(OperatorText.of(null, "press 1")).isNull();
    }

    @Test
    void aJavaExceptionIsCutOffAndReferencedInTheLog() {
        String shown = OperatorText.of("Cloudflare: could not reach 127.0.0.1:9 for GET /client/v4/zones: "
                + "java.net.ConnectException: Failed to connect to /127.0.0.1:9", "press 2");

        assertThat(shown).startsWith("Cloudflare: could not reach 127.0.0.1:9 for GET /client/v4/zones. The details are in the host's log, reference ")
                .doesNotContain("java.").doesNotContain("Exception");
        assertThat(shown).isEqualTo(OperatorText.of("Cloudflare: could not reach 127.0.0.1:9 for GET /client/v4/zones: "
                + "java.net.ConnectException: Failed to connect to /127.0.0.1:9", "press 2")).as("the same reference each time");
    }

    @Test
    void anInternalErrorBecomesAPlainSentence() {
        String shown = OperatorText.of("internal error in CrashingGadget: java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:3)", "press 3");

        assertThat(shown).startsWith("The button failed unexpectedly").contains("reference ").doesNotContain("boom").doesNotContain("CrashingGadget");
    }

    @Test
    void aSucceededPressKeepsItsWholeMessageADryRunsBodyIncluded() {
        String dryRun = "would send POST https://api.cloudflare.com/client/v4/zones/z/dns_records {\"type\":\"A\",\"name\":\"www\"}";

        assertThat(OperatorText.ofOutcome("SUCCESS", dryRun, "press 5")).isEqualTo(dryRun);
        assertThat(OperatorText.ofOutcome("FAILED", dryRun, "press 5")).doesNotContain("{");
    }

    @Test
    void aRawProviderBodyIsCutOff() {
        String shown = OperatorText.of("Scaleway refused (500): {\"message\": \"internal\", \"type\": \"unknown\"}", "audit 4");

        assertThat(shown).startsWith("Scaleway refused (500). The details").doesNotContain("{");
    }
}
