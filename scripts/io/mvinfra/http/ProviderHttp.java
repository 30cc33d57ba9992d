package io.mvinfra.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How a provider client talks to its provider: base URL + auth + dialect + rate limit, and typed calls on top.
 * Sending, signing, limiting, retrying, paging, mapping errors and keeping secrets out of logs happen here, once,
 * for every provider.
 *
 * <pre>{@code
 * ProviderHttp cloudflare = ProviderHttp.builder(HttpRuntime.shared(), "https://api.cloudflare.com/client/v4/", new CloudflareDialect())
 *         .auth(Auth.bearer(token)).rateLimit(credentialKey, RateLimit.of(1200, Duration.ofMinutes(5))).build();
 * CloudflareDnsRecord one = cloudflare.get("zones/{zone}/dns_records/{id}", zoneId, id).read(CloudflareDnsRecord.class);
 * List<CloudflareDnsRecord> all = cloudflare.get("zones/{zone}/dns_records", zoneId).query("type", "A").list(CloudflareDnsRecord.class);
 * CloudflareDnsRecord created = cloudflare.post("zones/{zone}/dns_records", zoneId).body(request)
 *         .create(CloudflareDnsRecord.class, () -> findDnsRecord(zoneId, request));   // looked up before any re-send
 * cloudflare.delete("zones/{zone}/dns_records/{id}", zoneId, id).send();
 * }</pre>
 * Where the data sits in an answer: Cloudflare's {@code result} is unwrapped by its dialect; for the others name
 * the field, e.g. {@code nova.get("servers/detail").at("servers").list(NovaServer.class)}.
 * <p>
 * Path templates take {@code {placeholders}}, one whole path segment each, filled in order and encoded (an id with a
 * slash stays one segment). Failures are {@link ProviderException}s; nothing else is thrown for a provider's answer.
 */
public final class ProviderHttp {

    private final HttpUrl baseUrl;
    private final Transport transport;

    private ProviderHttp(Builder b) {
        this.baseUrl = b.baseUrl;
        ProviderDialect dialect = b.dialect;
        TimeSource time = b.runtime.time();
        HttpSettings settings = b.settings;
        RetryPolicy retries = new RetryPolicy(settings, time);
        RateLimiter limiter = b.rateLimitKey == null ? new RateLimiter(RateLimit.NONE, time)
                : b.runtime.rateLimiter(b.rateLimitKey, b.rateLimit);
        String provider = dialect.provider();
        OkHttpClient client = b.runtime.client().newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // outermost first: every attempt the retry makes is signed, limited and logged anew
                .addInterceptor(new RetryInterceptor(retries, time, provider))
                .addInterceptor(new WholeAnswerInterceptor())
                .addInterceptor(new AuthInterceptor(b.auth, provider))
                .addInterceptor(new RateLimitInterceptor(limiter, settings.maxRateLimitWait(), provider))
                .addInterceptor(new LoggingInterceptor(dialect, b.auth, time))
                .build();
        OkHttpClient unpooled = client.newBuilder().connectionPool(b.runtime.singleUsePool()).build();
        this.transport = new Transport(client, unpooled, dialect, b.auth, retries, time, settings, b.headers,
                b.runtime.pageThreads());
    }

    /** @param baseUrl where the provider's paths start, e.g. {@code https://api.cloudflare.com/client/v4/} */
    public static Builder builder(HttpRuntime runtime, String baseUrl, ProviderDialect dialect) {
        return new Builder(runtime, baseUrl, dialect);
    }

    public ProviderRequest get(String path, Object... pathArgs) {
        return new ProviderRequest(transport, "GET", url(path, pathArgs));
    }

    /** A POST that creates: finish with {@link ProviderRequest#create}; any other POST with {@code send()}. */
    public ProviderRequest post(String path, Object... pathArgs) {
        return new ProviderRequest(transport, "POST", url(path, pathArgs));
    }

    public ProviderRequest put(String path, Object... pathArgs) {
        return new ProviderRequest(transport, "PUT", url(path, pathArgs));
    }

    public ProviderRequest patch(String path, Object... pathArgs) {
        return new ProviderRequest(transport, "PATCH", url(path, pathArgs));
    }

    public ProviderRequest delete(String path, Object... pathArgs) {
        return new ProviderRequest(transport, "DELETE", url(path, pathArgs));
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public ProviderDialect dialect() {
        return transport.dialect();
    }

    HttpUrl url(String template, Object... args) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        int next = 0;
        for (String segment : template.replaceFirst("^/+", "").split("/", -1)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (next >= args.length) {
                    throw new IllegalArgumentException("no value for " + segment + " in " + template);
                }
                url.addPathSegment(String.valueOf(Objects.requireNonNull(args[next++], segment)));
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("a placeholder must be a whole path segment: " + template);
            } else {
                url.addPathSegment(segment);
            }
        }
        if (next != args.length) {
            throw new IllegalArgumentException(args.length + " values for " + next + " placeholders in " + template);
        }
        return url.build();
    }

    public static final class Builder {
        private final HttpRuntime runtime;
        private final HttpUrl baseUrl;
        private final ProviderDialect dialect;
        private HttpSettings settings;
        private Auth auth = Auth.NONE;
        private String rateLimitKey;
        private RateLimit rateLimit = RateLimit.NONE;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(HttpRuntime runtime, String baseUrl, ProviderDialect dialect) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            this.settings = runtime.settings();
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (parsed == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
            }
            // Relative paths resolve under the base's last segment only when it ends with a slash.
            this.baseUrl = parsed.encodedPath().endsWith("/") ? parsed : parsed.newBuilder().addPathSegment("").build();
        }

        public Builder auth(Auth value) {
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** @param credentialKey the limiter is shared by every client using the same key (one per credential) */
        public Builder rateLimit(String credentialKey, RateLimit limit) {
            this.rateLimitKey = Objects.requireNonNull(credentialKey, "credentialKey");
            this.rateLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        public Builder settings(HttpSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** A header on every request, e.g. {@code OpenStack-API-Version: compute 2.79}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public ProviderHttp build() {
            return new ProviderHttp(this);
        }
    }
}
