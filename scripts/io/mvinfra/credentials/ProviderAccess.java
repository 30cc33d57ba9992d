package io.mvinfra.credentials;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderDialect;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.RateLimit;
import okhttp3.HttpUrl;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;

/**
 * What a provider client needs from a ServiceProvider and its Credential, checked before any call: where to send,
 * how to sign, how fast. A missing or unusable field is a {@link BusinessException} naming it, for the operator
 * ("Credential cf-main: token is empty").
 * <pre>{@code
 * ProviderAccess access = ProviderAccess.of(provider, credential, HttpRuntime.shared());
 * ProviderHttp cloudflare = access.http(new CloudflareDialect());
 * ProviderHttp nova = access.http(new OpenStackDialect("nova"), access.keystone().endpoint("compute"));
 * }</pre>
 *
 * @param baseUrl       the provider's API (for OpenStack: Keystone's)
 * @param credentialKey what the rate limiter counts by: one budget per credential
 */
public record ProviderAccess(ProviderKind kind, String baseUrl, Auth auth, String credentialKey, RateLimit rateLimit,
                             HttpRuntime runtime) {

    public static ProviderAccess of(ServiceProvider provider, Credential credential, HttpRuntime runtime)
            throws BusinessException {
        String providerName = "ServiceProvider " + (provider.getCode() != null ? provider.getCode() : provider.getUuid());
        ProviderKind kind = kind(provider, providerName);
        if (credential == null) {
            throw new BusinessException(providerName + ": credential is not set");
        }
        String baseUrl = baseUrl(provider, kind, providerName);
        Auth auth;
        try {
            auth = auth(kind, credential, baseUrl, runtime);
        } catch (ProviderException misfit) {   // a Keystone URL that is not v3
            throw new BusinessException(providerName + ": " + misfit.providerMessage());
        }
        String key = credential.getUuid() != null ? credential.getUuid() : providerName;
        return new ProviderAccess(kind, baseUrl, auth, key, rateLimit(provider, kind, providerName), runtime);
    }

    /** A client of the provider's API at {@link #baseUrl}. */
    public ProviderHttp http(ProviderDialect dialect) {
        return http(dialect, HttpUrl.get(baseUrl));
    }

    /** A client of one of the provider's services, e.g. at an endpoint from Keystone's catalog. */
    public ProviderHttp http(ProviderDialect dialect, HttpUrl endpoint) {
        return ProviderHttp.builder(runtime, endpoint.toString(), dialect).auth(auth).rateLimit(credentialKey, rateLimit).build();
    }

    /** The Keystone session of an OpenStack credential: endpoints, current token. */
    public KeystoneAuth keystone() {
        if (auth instanceof KeystoneAuth keystone) {
            return keystone;
        }
        throw new IllegalStateException(kind + " has no Keystone; only OPENSTACK credentials do");
    }

    private static ProviderKind kind(ServiceProvider provider, String providerName) throws BusinessException {
        String kind = provider.getKind();
        if (kind == null || kind.isBlank()) {
            throw new BusinessException(providerName + ": kind is empty");
        }
        try {
            return ProviderKind.valueOf(kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw new BusinessException(providerName + ": kind " + kind + " is not one of " + Arrays.toString(ProviderKind.values()));
        }
    }

    private static String baseUrl(ServiceProvider provider, ProviderKind kind, String providerName) throws BusinessException {
        String configured = provider.getApiBaseUrl();
        if (configured == null || configured.isBlank()) {
            if (kind.publicApi() == null) {
                throw new BusinessException(providerName + ": apiBaseUrl is empty"
                        + (kind == ProviderKind.OPENSTACK ? " (the Keystone URL, e.g. https://auth.cloud.ovh.net/v3)" : ""));
            }
            return kind.publicApi();
        }
        if (HttpUrl.parse(configured.strip()) == null) {
            throw new BusinessException(providerName + ": apiBaseUrl '" + configured + "' is not an http(s) URL");
        }
        return configured.strip();
    }

    private static RateLimit rateLimit(ServiceProvider provider, ProviderKind kind, String providerName) throws BusinessException {
        Long requests = provider.getRateLimitRequests();
        Long windowSeconds = provider.getRateLimitWindowSeconds();
        if (requests == null && windowSeconds == null) {
            return kind.defaultRateLimit();
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

    private static Auth auth(ProviderKind kind, Credential c, String baseUrl, HttpRuntime runtime) throws BusinessException {
        Fields fields = new Fields(c);
        String type = fields.required("authenticationType", c.getAuthenticationType());
        if (!kind.credentialTypes().contains(type)) {
            throw new BusinessException(fields.name + ": a " + type + " credential cannot sign " + kind + " calls; use "
                    + String.join(" or ", kind.credentialTypes()));
        }
        return switch (type) {
            case "CLOUDFLARE_API_TOKEN" -> Auth.bearer(fields.required("token", c.getToken()));
            case "CLOUDFLARE_GLOBAL_KEY" -> Auth.headers(Map.of(
                    "X-Auth-Email", fields.required("username", c.getUsername()),
                    "X-Auth-Key", fields.required("apiKey", c.getApiKey())));
            case "SCALEWAY_SECRET_KEY" -> Auth.header("X-Auth-Token", fields.required("apiKey", c.getApiKey()));
            case "CYCLADES_TOKEN" -> Auth.header("X-Auth-Token", fields.required("token", c.getToken()));
            case "OPENSTACK_PASSWORD", "OPENSTACK_APPLICATION_CREDENTIAL" ->
                    new KeystoneAuth(KeystoneClient.at(runtime, baseUrl), keystoneCredentials(type, c, fields),
                            blankToNull(c.getRegion()), KeystoneAuth.DEFAULT_RENEWAL_MARGIN, runtime.time())
                            .resume(c.getToken(), c.getTokenExpiry());
            default -> throw new BusinessException(fields.name + ": authentication type " + type + " is not supported");
        };
    }

    private static KeystoneCredentials keystoneCredentials(String type, Credential c, Fields fields) throws BusinessException {
        if (type.equals("OPENSTACK_APPLICATION_CREDENTIAL")) {
            return new KeystoneCredentials.ApplicationCredential(
                    fields.required("applicationCredentialId", c.getApplicationCredentialId()),
                    fields.requiredAsIs("applicationCredentialSecret", c.getApplicationCredentialSecret()));
        }
        String user = fields.required("username", c.getUsername());
        String password = fields.requiredAsIs("password", c.getPassword());
        String userDomain = fields.required("userDomain", c.getUserDomain(), "the domain of user " + user + ", e.g. Default");
        ProjectScope scope;
        if (!isBlank(c.getProjectId())) {
            scope = ProjectScope.byId(c.getProjectId().strip());
        } else if (!isBlank(c.getProjectName())) {
            scope = ProjectScope.byName(c.getProjectName().strip(), fields.required("projectDomain", c.getProjectDomain(),
                    "the domain of project " + c.getProjectName().strip() + ", e.g. Default"));
        } else {
            throw new BusinessException(fields.name + ": projectId and projectName are empty; a token needs a project");
        }
        return new KeystoneCredentials.Password(user, userDomain, password, scope);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    /** Reads a credential's fields, naming the credential and the field when one is missing. */
    private static final class Fields {
        private final String name;

        Fields(Credential credential) {
            String label = !isBlank(credential.getDomainName()) ? credential.getDomainName() : credential.getUuid();
            this.name = "Credential " + (label == null ? "(unsaved)" : label);
        }

        /** Trimmed: a key pasted with a trailing newline would be refused by the provider for no visible reason. */
        String required(String field, String value) throws BusinessException {
            return required(field, value, null);
        }

        String required(String field, String value, String hint) throws BusinessException {
            return requiredAsIs(field, value, hint).strip();
        }

        /** As typed: a password may begin or end with a space. */
        String requiredAsIs(String field, String value) throws BusinessException {
            return requiredAsIs(field, value, null);
        }

        private String requiredAsIs(String field, String value, String hint) throws BusinessException {
            if (isBlank(value)) {
                throw new BusinessException(name + ": " + field + " is empty" + (hint == null ? "" : " (" + hint + ")"));
            }
            return value;
        }
    }
}
