package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** ServiceProvider and the Bootscript list → "List bootscripts" ({@link ListBootscripts}). */
@WireMockTest
class ListBootscriptsTest {

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void saysBootscriptsAreRetiredAsksNothingAndChangesNothing() {
        scw.create("Bootscript", Map.of("title", "x86_64 mainline 4.4.230 rev1", "providerSideId", "b3d2ea2c-0000-4000-8000-000000000001"));
        List<Map<String, Object>> before = scw.snapshot("Bootscript");

        PressResult onProvider = scw.press("ServiceProvider", "listScalewayServerBootscripts", scw.provider);
        PressResult onList = scw.press("Bootscript", "listScalewayServerBootscripts", null);

        assertThat(onProvider.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(onProvider.message()).isEqualTo("Scaleway retired bootscripts: servers now boot the kernel of their own image (boot"
                + " type local), so there is nothing to list; nothing was asked of Scaleway and nothing changed here");
        assertThat(onList.message()).isEqualTo(onProvider.message());
        verify(0, anyRequestedFor(anyUrl()));
        assertThat(scw.snapshot("Bootscript")).isEqualTo(before);
    }
}
