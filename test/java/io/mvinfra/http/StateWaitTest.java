package io.mvinfra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.StateWait.Progress;
import support.FakeTime;

/** Waiting for a state on a fake clock: no test sleeps. */
class StateWaitTest {

    private final FakeTime time = new FakeTime();
    private final List<Progress<String>> looks = new ArrayList<>();

    @Test
    void returnsOnceTheWantedStateComesAndReportsEveryLook() {
        StateWait<String> wait = serverWait(states("starting", "starting", "running"));

        String state = wait.await();

        assertThat(state).isEqualTo("running");
        assertThat(looks).extracting(Progress::state).containsExactly("starting", "starting", "running");
        assertThat(looks).extracting(Progress::attempt).containsExactly(1, 2, 3);
        assertThat(looks).extracting(Progress::elapsed)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void looksComeFurtherApartUpToTheCeiling() {
        StateWait<String> wait = serverWait(states("starting", "starting", "starting", "starting", "starting", "running"));

        wait.await();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void failsFastOnAStateThatRulesTheWantedOneOut() {
        StateWait<String> wait = serverWait(states("starting", "stopped", "running"));

        ProviderException e = catchThrowableOfType(ProviderException.class, wait::await);

        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.getMessage()).isEqualTo("scaleway: server web-1 went stopped while waiting for running (after 2 s, 2 looks)");
        assertThat(looks).hasSize(2);
    }

    @Test
    void failsAtTheDeadlineNamingTheLastStateAndTheTimeWaited() {
        StateWait<String> wait = serverWait(() -> "starting").within(Duration.ofMinutes(1));

        ProviderException e = catchThrowableOfType(ProviderException.class, wait::await);

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("scaleway: server web-1 is still starting after 1 min, ")
                .endsWith("waiting for running");
        assertThat(time.slept()).isEqualTo(Duration.ofMinutes(1));   // the last pause is cut to the deadline
    }

    private StateWait<String> serverWait(Supplier<String> state) {
        return StateWait.of("scaleway", "server web-1", time, state).until("running").failingOn("stopped", "error")
                .every(Duration.ofSeconds(2), Duration.ofSeconds(5)).onProgress(looks::add);
    }

    private static Supplier<String> states(String... states) {
        Iterator<String> next = List.of(states).iterator();
        return next::next;
    }
}
