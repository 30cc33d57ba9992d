package io.mvinfra.http;

import java.util.Objects;
import java.util.function.Function;

/**
 * A change to make at a provider, built and not yet sent: {@link #send()} sends it and reads the answer,
 * {@link #describe()} says exactly what would be sent, for a dry run. Provider clients return one for every create,
 * update and delete, so a button decides between the two without knowing any URL or body.
 * <pre>{@code
 * ProviderCall<CloudflareDnsRecord> create = cloudflare.createDnsRecord(zoneId, request);
 * if (dryRun) { say("Dry run: " + create.describe()); } else { CloudflareDnsRecord created = create.send(); }
 * }</pre>
 */
public final class ProviderCall<T> {

    private final ProviderRequest request;
    private final Function<ProviderRequest, T> ending;

    /** @param ending how the request ends once sent: {@code r -> r.read(X.class)}, {@code r -> r.create(…)}… */
    public ProviderCall(ProviderRequest request, Function<ProviderRequest, T> ending) {
        this.request = Objects.requireNonNull(request, "request");
        this.ending = Objects.requireNonNull(ending, "ending");
    }

    /** A call whose answer holds nothing worth reading (a delete): once sent, it answers {@code value}, e.g. the id. */
    public static <T> ProviderCall<T> answering(ProviderRequest request, T value) {
        return new ProviderCall<>(request, sent -> {
            sent.send();
            return value;
        });
    }

    /** Sends the request (once: a call is not reusable) and reads its answer; failures are {@link ProviderException}s. */
    public T send() {
        return ending.apply(request);
    }

    /** The request line and JSON body, without any header: see {@link ProviderRequest#describe()}. */
    public String describe() {
        return request.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
