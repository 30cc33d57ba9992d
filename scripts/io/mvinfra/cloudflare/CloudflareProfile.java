package io.mvinfra.cloudflare;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mvinfra.credentials.CheckContext;
import io.mvinfra.credentials.CheckResult;
import io.mvinfra.credentials.CredentialFields;
import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.credentials.ProviderProfile;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.RateLimit;

/**
 * Cloudflare API v4: one public API, its published limit (1200 requests per 5 minutes per user), an API token
 * ({@code Authorization: Bearer}) or the legacy global key ({@code X-Auth-Email} + {@code X-Auth-Key}); a token is
 * checked by Cloudflare's own verification, which also says until when it is valid.
 */
public final class CloudflareProfile implements ProviderProfile {

    static final String KIND = "CLOUDFLARE";
    static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";
    static final String GLOBAL_KEY = "CLOUDFLARE_GLOBAL_KEY";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String publicApi() {
        return CloudflareDialect.PUBLIC_API;
    }

    @Override
    public RateLimit defaultRateLimit() {
        return RateLimit.of(1200, Duration.ofMinutes(5));
    }

    /**
     * Twice the runtime's: Cloudflare counts requests (1 200 in 5 minutes), not connections, and serves its API over
     * HTTP/2, where the pages in flight share a connection; a zone whose pages come 100 records at a time is read in
     * half the round trips. A runtime set lower for every provider stays proportionally lower here, and one set to
     * read pages one after the other (1) does so here too.
     */
    @Override
    public int pagesAtOnce(HttpSettings runtime) {
        return runtime.pageConcurrency() == 1 ? 1 : 2 * runtime.pageConcurrency();
    }

    @Override
    public List<String> credentialTypes() {
        return List.of(API_TOKEN, GLOBAL_KEY);
    }

    @Override
    public Auth auth(Credential c, CredentialFields fields, String baseUrl, HttpRuntime runtime) throws BusinessException {
        if (GLOBAL_KEY.equals(c.getAuthenticationType().strip())) {
            return Auth.headers(Map.of(
                    "X-Auth-Email", fields.required("username", c.getUsername()),
                    "X-Auth-Key", fields.required("apiKey", c.getApiKey())));
        }
        return Auth.bearer(fields.required("token", c.getToken()));
    }

    @Override
    public CheckResult check(ProviderAccess access, Credential credential, ServiceProvider provider, CheckContext context) {
        if (GLOBAL_KEY.equals(credential.getAuthenticationType().strip())) {
            access.http(new CloudflareDialect()).get("user").send();
            return context.valid("global API key accepted by Cloudflare");
        }
        TokenStatus token = access.http(new CloudflareDialect()).get("user/tokens/verify").read(TokenStatus.class);
        if (!"active".equals(token.status())) {
            return context.invalid("Cloudflare says the token is " + token.status());
        }
        if (token.expiresOn() != null) {
            return context.validUntil(token.expiresOn().toInstant(), "token active");
        }
        return context.valid("token active, no expiry");
    }

    @Override
    public String toString() {
        return kind();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenStatus(String id, String status, @JsonProperty("expires_on") OffsetDateTime expiresOn) {
    }
}
