package io.mvinfra.credentials;

import java.time.Duration;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.credentials.ProviderProfile.IssuedToken;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderDialect;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.RateLimit;
import io.mvinfra.providers.ProviderProfiles;
import okhttp3.HttpUrl;

/**
 * What a provider client needs from a ServiceProvider and its Credential, checked before any call: where to send,
 * how to sign, how fast. A missing or unusable field is a {@link BusinessException} naming it, for the operator
 * ("Credential cf-main: token is empty"). What differs between providers is asked of the kind's
 * {@link ProviderProfile}; nothing here knows a provider.
 * <pre>{@code
 * ProviderAccess access = ProviderAccess.of(provider, credential, HttpRuntime.shared());
 * ProviderHttp cloudflare = access.http(new CloudflareDialect());
 * ProviderHttp nova = access.http(new OpenStackDialect("nova"), keystone.endpoint("compute"));
 * }</pre>
 */
public final class ProviderAccess {

    private final ProviderProfile profile;
    private final String baseUrl;
    private final Auth auth;
    private final Credential credential;
    private final String credentialKey;
    private final RateLimit rateLimit;
    private final HttpRuntime runtime;

    private ProviderAccess(ProviderProfile profile, String baseUrl, Auth auth, Credential credential, String credentialKey,
                           RateLimit rateLimit, HttpRuntime runtime) {
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.credential = credential;
        this.credentialKey = credentialKey;
        this.rateLimit = rateLimit;
        this.runtime = runtime;
    }

    public static ProviderAccess of(ServiceProvider provider, Credential credential, HttpRuntime runtime) throws BusinessException {
        String providerName = "ServiceProvider " + (provider.getCode() != null ? provider.getCode() : provider.getUuid());
        ProviderProfile profile = profile(provider, providerName);
        if (credential == null) {
            throw new BusinessException(providerName + ": credential is not set");
        }
        String baseUrl = baseUrl(provider, profile, providerName);
        CredentialFields fields = new CredentialFields(credential);
        String type = fields.required("authenticationType", credential.getAuthenticationType());
        if (!profile.credentialTypes().contains(type)) {
            throw fields.problem("a " + type + " credential cannot sign " + profile.kind() + " calls; use "
                    + String.join(" or ", profile.credentialTypes()));
        }
        Auth auth;
        try {
            auth = profile.auth(credential, fields, baseUrl, runtime);
        } catch (ProviderException misfit) {   // e.g. a Keystone URL that is not v3
            throw new BusinessException(providerName + ": " + misfit.providerMessage());
        }
        String key = credential.getUuid() != null ? credential.getUuid() : providerName;
        return new ProviderAccess(profile, baseUrl, auth, credential, key, rateLimit(provider, profile, providerName), runtime);
    }

    /** A client of the provider's API at {@link #baseUrl}. */
    public ProviderHttp http(ProviderDialect dialect) {
        return http(dialect, HttpUrl.get(baseUrl));
    }

    /** A client of one of the provider's services, e.g. at an endpoint from a service catalog. */
    public ProviderHttp http(ProviderDialect dialect, HttpUrl endpoint) {
        return ProviderHttp.builder(runtime, endpoint.toString(), dialect).auth(auth).rateLimit(credentialKey, rateLimit)
                .settings(runtime.settings().withPageConcurrency(profile.pagesAtOnce(runtime.settings()))).build();
    }

    public ProviderProfile profile() {
        return profile;
    }

    /** The provider's API (for OpenStack: Keystone's). */
    public String baseUrl() {
        return baseUrl;
    }

    public Auth auth() {
        return auth;
    }

    /** What the rate limiter counts by: one budget per credential. */
    public String credentialKey() {
        return credentialKey;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public HttpRuntime runtime() {
        return runtime;
    }

    /**
     * The Credential fields to write back when the session holds a token the Credential lacks (renewed during the
     * press), so the next press and the refresh job start from it; empty otherwise.
     */
    public Optional<Credential> credentialChanges() {
        Optional<IssuedToken> issued = profile.tokenToStore(auth, credential);
        if (issued.isEmpty() || credential.getUuid() == null) {
            return Optional.empty();
        }
        Credential changes = new Credential(credential.getUuid());
        changes.setToken(issued.get().value());
        changes.setTokenExpiry(issued.get().expiresAt());
        return Optional.of(changes);
    }

    @Override
    public String toString() {
        return "ProviderAccess[" + profile.kind() + " at " + baseUrl + ", " + auth + ", rate " + rateLimit + "]";
    }

    private static ProviderProfile profile(ServiceProvider provider, String providerName) throws BusinessException {
        String kind = provider.getKind();
        if (kind == null || kind.isBlank()) {
            throw new BusinessException(providerName + ": kind is empty");
        }
        return ProviderProfiles.of(kind.strip()).orElseThrow(() -> new BusinessException(providerName + ": kind " + kind
                + " is not one of " + ProviderProfiles.kinds()));
    }

    private static String baseUrl(ServiceProvider provider, ProviderProfile profile, String providerName) throws BusinessException {
        String configured = provider.getApiBaseUrl();
        if (configured == null || configured.isBlank()) {
            if (profile.publicApi() == null) {
                String hint = profile.apiBaseUrlHint();
                throw new BusinessException(providerName + ": apiBaseUrl is empty" + (hint == null ? "" : " (" + hint + ")"));
            }
            return profile.publicApi();
        }
        if (HttpUrl.parse(configured.strip()) == null) {
            throw new BusinessException(providerName + ": apiBaseUrl '" + configured + "' is not an http(s) URL");
        }
        return configured.strip();
    }

    private static RateLimit rateLimit(ServiceProvider provider, ProviderProfile profile, String providerName) throws BusinessException {
        Long requests = provider.getRateLimitRequests();
        Long windowSeconds = provider.getRateLimitWindowSeconds();
        if (requests == null && windowSeconds == null) {
            return profile.defaultRateLimit();
        }
        if (requests == null || windowSeconds == null) {
            throw new BusinessException(providerName + ": " + (requests == null ? "rateLimitRequests" : "rateLimitWindowSeconds")
                    + " is empty; a rate limit needs both rateLimitRequests and rateLimitWindowSeconds");
        }
        if (requests < 1 || requests > Integer.MAX_VALUE || windowSeconds < 1) {
            throw new BusinessException(providerName + ": a rate limit of " + requests + " requests per " + windowSeconds
                    + " s is not possible");
        }
        return RateLimit.of(requests.intValue(), Duration.ofSeconds(windowSeconds));
    }
}
