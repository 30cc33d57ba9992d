package io.mvinfra.openstack;

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
 * Synnefo Cyclades, an OpenStack-compatible compute API spoken by the OpenStack client through its dialect: each
 * installation has its own URL, and the token is the user's Synnefo token, sent as is ({@code X-Auth-Token}).
 */
public final class CycladesProfile implements ProviderProfile {

    @Override
    public String kind() {
        return "CYCLADES";
    }

    @Override
    public String publicApi() {
        return null;
    }

    @Override
    public String apiBaseUrlHint() {
        return "the Cyclades compute URL of the installation";
    }

    @Override
    public RateLimit defaultRateLimit() {
        return RateLimit.NONE;
    }

    @Override
    public List<String> credentialTypes() {
        return List.of("CYCLADES_TOKEN");
    }

    @Override
    public Auth auth(Credential c, CredentialFields fields, String baseUrl, HttpRuntime runtime) throws BusinessException {
        return Auth.header("X-Auth-Token", fields.required("token", c.getToken()));
    }

    @Override
    public CheckResult check(ProviderAccess access, Credential credential, ServiceProvider provider, CheckContext context) {
        access.http(new OpenStackDialect("cyclades")).get("servers").query("limit", 1).send();
        return context.valid("token accepted by Cyclades");
    }

    @Override
    public String toString() {
        return kind();
    }
}
