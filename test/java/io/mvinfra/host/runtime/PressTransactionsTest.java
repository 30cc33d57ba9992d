package io.mvinfra.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ch.qos.logback.classic.Level;
import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.store.StoredEntity;
import support.LogCapture;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * A press's transactions as Meveo runs a MANUAL script: what the script made durable survives its failure, the rest
 * rolls back; and a provider's refusal is the operator's message only when the script says so.
 */
class PressTransactionsTest {

    @TempDir
    Path home;
    private Host host;

    private Host open(Db db) {
        host = TestHosts.open(home, db, TestHosts.sampleModule());
        return host;
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFactRecordedMidPressSurvivesThePressFailing(Db db) {
        open(db);
        String uuid = host.store().create("Gadget", Map.of("name", "probe", "greeted", 1L)).uuid();
        List<String> progress = new CopyOnWriteArrayList<>();

        PressResult result = host.actions().press(new PressRequest("Gadget", "recordThenFail", uuid, "alice", Map.of()).withProgress(progress::add));

        StoredEntity gadget = host.store().require("Gadget", uuid);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("server srv-1 ended in ERROR");
        assertThat(gadget.value("notes")).as("the provider's id, recorded at once").isEqualTo("provider id srv-1");
        assertThat(gadget.value("greeted")).as("written after it, rolled back").isEqualTo(1L);
        assertThat(progress).containsExactly("waiting for running: 40 s of 300 s");
        assertThat(host.audit().recent(uuid, 0, 10)).extracting(AuditEntry::outcome).containsExactly(Outcome.FAILED);
    }

    @Test
    void aProviderRefusalTheScriptLetsThroughIsTheOperatorsMessageInTheProvidersWords() {
        open(Db.EMBEDDED);
        String uuid = host.store().create("Gadget", Map.of("name", "probe")).uuid();

        PressResult result;
        try (LogCapture log = LogCapture.start()) {
            result = host.actions().press(new PressRequest("Gadget", "refusedByProvider", uuid, "alice", Map.of()));
            assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
        }

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Cloudflare refused the request (HTTP 429, 971): Please wait");
    }

    /** In Meveo only a BusinessException tells the operator why; a raw RuntimeException is the script's own failure. */
    @Test
    void aRawProviderExceptionIsAnUnexpectedErrorAsInMeveo() {
        open(Db.EMBEDDED);
        String uuid = host.store().create("Gadget", Map.of("name", "probe")).uuid();

        PressResult raw;
        PressResult crash;
        try (LogCapture log = LogCapture.start()) {
            raw = host.actions().press(new PressRequest("Gadget", "unwrappedProviderError", uuid, "alice", Map.of()));
            crash = host.actions().press(new PressRequest("Gadget", "crash", uuid, "alice", Map.of()));
            assertThat(log.events()).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(2);
        }

        assertThat(raw.outcome()).isEqualTo(crash.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(raw.message()).startsWith("internal error in UnwrappedProviderErrorGadget: io.mvinfra.http.ProviderException: cloudflare refused");
        assertThat(crash.message()).startsWith("internal error in CrashingGadget: ");
    }
}
