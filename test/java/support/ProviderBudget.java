package support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** A provider's published limit on a WireMock stub: beyond {@code requests} in the last {@code windowMillis}, a 429. */
public final class ProviderBudget implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "provider-budget";

    private final int requests;
    private final long windowMillis;
    private final Deque<Long> answered = new ArrayDeque<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    public ProviderBudget(int requests, long windowMillis) {
        this.requests = requests;
        this.windowMillis = windowMillis;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        long now = System.currentTimeMillis();
        synchronized (answered) {
            while (!answered.isEmpty() && answered.peekFirst() <= now - windowMillis) {
                answered.pollFirst();
            }
            if (answered.size() >= requests) {
                refused.incrementAndGet();
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Rate limited\"}],\"messages\":[],\"result\":null}").build();
            }
            answered.addLast(now);
        }
        served.incrementAndGet();
        return event.getResponseDefinition();
    }

    /** How many requests got a 429. */
    public int refused() {
        return refused.get();
    }

    public int served() {
        return served.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }
}
