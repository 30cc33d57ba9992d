package io.mvinfra.scaleway;

import java.util.List;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.credentials.CheckContext;
import io.mvinfra.credentials.CheckResult;
import io.mvinfra.credentials.CredentialFields;
import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.credentials.ProviderProfile;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.RateLimit;

/**
 * Scaleway: one public API, signed with the secret key of an API key ({@code X-Auth-Token}). Scaleway has no token
 * verification endpoint, so a check is the cheapest authenticated read: one server of the credential's zone.
 */
public final class ScalewayProfile implements ProviderProfile {

    static final String KIND = "SCALEWAY";

    /** Where a check looks when neither the credential nor the provider names a zone. */
    static final String DEFAULT_ZONE = "fr-par-1";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String publicApi() {
        return ScalewayDialect.PUBLIC_API;
    }

    @Override
    public RateLimit defaultRateLimit() {
        return RateLimit.NONE;
    }

    @Override
    public List<String> credentialTypes() {
        return List.of("SCALEWAY_SECRET_KEY");
    }

    @Override
    public Auth auth(Credential c, CredentialFields fields, String baseUrl, HttpRuntime runtime) throws BusinessException {
        return Auth.header("X-Auth-Token", fields.required("apiKey", c.getApiKey()));
    }

    @Override
    public CheckResult check(ProviderAccess access, Credential credential, ServiceProvider provider, CheckContext context) {
        String zone = firstNonBlank(credential.getDefaultZone(),
                provider.getZones() == null || provider.getZones().isEmpty() ? null : provider.getZones().get(0), DEFAULT_ZONE);
        access.http(new ScalewayDialect()).get("instance/v1/zones/{zone}/servers", zone).query("per_page", 1).send();
        return context.valid("secret key accepted by Scaleway (zone " + zone + ")");
    }

    @Override
    public String toString() {
        return kind();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!CredentialFields.isBlank(v)) {
                return v.strip();
            }
        }
        return null;
    }
}
