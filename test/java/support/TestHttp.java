package support;

import java.time.Duration;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;

/** Runtimes for tests: short timeouts, and waits that take no time (a {@link FakeTime} records them). */
public final class TestHttp {

    private TestHttp() {
    }

    public static HttpSettings settings() {
        return HttpSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    public static HttpRuntime runtime(FakeTime time) {
        return new HttpRuntime(settings(), time);
    }
}
