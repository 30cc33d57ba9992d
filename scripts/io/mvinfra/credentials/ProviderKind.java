package io.mvinfra.credentials;

import java.time.Duration;
import java.util.List;

import io.mvinfra.cloudflare.client.CloudflareDialect;
import io.mvinfra.http.RateLimit;
import io.mvinfra.scaleway.ScalewayDialect;

/**
 * The kinds of ServiceProvider ({@code kind}): where each answers when no URL is given, the client-side rate limit
 * it gets when the operator sets none, and the credential types it takes.
 */
public enum ProviderKind {

    /** Cloudflare's published limit: 1200 requests per 5 minutes per user. */
    CLOUDFLARE(CloudflareDialect.PUBLIC_API, RateLimit.of(1200, Duration.ofMinutes(5)),
            List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_GLOBAL_KEY")),
    SCALEWAY(ScalewayDialect.PUBLIC_API, RateLimit.NONE, List.of("SCALEWAY_SECRET_KEY")),
    /** apiBaseUrl is the Keystone URL; every other endpoint comes from Keystone's catalog. */
    OPENSTACK(null, RateLimit.NONE, List.of("OPENSTACK_PASSWORD", "OPENSTACK_APPLICATION_CREDENTIAL")),
    CYCLADES(null, RateLimit.NONE, List.of("CYCLADES_TOKEN"));

    private final String publicApi;
    private final RateLimit defaultRateLimit;
    private final List<String> credentialTypes;

    ProviderKind(String publicApi, RateLimit defaultRateLimit, List<String> credentialTypes) {
        this.publicApi = publicApi;
        this.defaultRateLimit = defaultRateLimit;
        this.credentialTypes = credentialTypes;
    }

    /** The provider's public API, or null when each installation has its own (OpenStack, Cyclades). */
    public String publicApi() {
        return publicApi;
    }

    public RateLimit defaultRateLimit() {
        return defaultRateLimit;
    }

    public List<String> credentialTypes() {
        return credentialTypes;
    }
}
