package io.mvinfra.openstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import io.mvinfra.openstack.keystone.KeystoneToken;

/**
 * An OpenStack cloud reached through Keystone v3: {@code apiBaseUrl} is the Keystone URL and every other endpoint
 * comes from the token's catalog. The Keystone session (token and catalog) is kept in the runtime and reused by
 * every press until it needs renewal; a token issued meanwhile is written back to the Credential. OVH Public Cloud
 * is this profile with OVH's published Keystone as its default.
 */
public final class OpenStackProfile implements ProviderProfile {

    /** OVH Public Cloud's Keystone, as OVH documents it for its OpenStack API. */
    static final String OVH_KEYSTONE = "https://auth.cloud.ovh.net/v3";

    static final String PASSWORD = "OPENSTACK_PASSWORD";
    static final String APPLICATION_CREDENTIAL = "OPENSTACK_APPLICATION_CREDENTIAL";

    private final String kind;
    private final String publicApi;

    private OpenStackProfile(String kind, String publicApi) {
        this.kind = kind;
        this.publicApi = publicApi;
    }

    /** Any OpenStack cloud: the operator gives its Keystone URL. */
    public static OpenStackProfile openstack() {
        return new OpenStackProfile("OPENSTACK", null);
    }

    public static OpenStackProfile ovh() {
        return new OpenStackProfile("OVH", OVH_KEYSTONE);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String publicApi() {
        return publicApi;
    }

    @Override
    public String apiBaseUrlHint() {
        return "the Keystone URL, e.g. " + OVH_KEYSTONE;
    }

    @Override
    public RateLimit defaultRateLimit() {
        return RateLimit.NONE;
    }

    @Override
    public List<String> credentialTypes() {
        return List.of(PASSWORD, APPLICATION_CREDENTIAL);
    }

    @Override
    public Auth auth(Credential c, CredentialFields fields, String baseUrl, HttpRuntime runtime) throws BusinessException {
        KeystoneCredentials credentials = keystoneCredentials(c.getAuthenticationType().strip(), c, fields);
        String region = CredentialFields.blankToNull(c.getRegion());
        KeystoneClient keystone = KeystoneClient.at(runtime, baseUrl);   // refuses a Keystone that is not v3, before any call
        return runtime.session(sessionKey(c, baseUrl, region, credentials), KeystoneAuth.class,
                () -> new KeystoneAuth(keystone, credentials, region, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, runtime.time())
                        .resume(c.getToken(), c.getTokenExpiry()));
    }

    @Override
    public CheckResult check(ProviderAccess access, Credential credential, ServiceProvider provider, CheckContext context) {
        KeystoneAuth keystone = (KeystoneAuth) access.auth();
        KeystoneToken token = context.renew() ? keystone.renew() : keystone.token();
        return new CheckResult(CheckResult.VALID, "Keystone issued a token valid until " + token.expiresAt(), context.now(),
                token.value(), token.expiresAt());
    }

    @Override
    public Optional<IssuedToken> tokenToStore(Auth auth, Credential credential) {
        return ((KeystoneAuth) auth).current()
                .filter(token -> !token.value().equals(credential.getToken()))
                .map(token -> new IssuedToken(token.value(), token.expiresAt()));
    }

    @Override
    public String toString() {
        return kind;
    }

    private static KeystoneCredentials keystoneCredentials(String type, Credential c, CredentialFields fields) throws BusinessException {
        if (type.equals(APPLICATION_CREDENTIAL)) {
            return new KeystoneCredentials.ApplicationCredential(
                    fields.required("applicationCredentialId", c.getApplicationCredentialId()),
                    fields.requiredAsIs("applicationCredentialSecret", c.getApplicationCredentialSecret()));
        }
        String user = fields.required("username", c.getUsername());
        String password = fields.requiredAsIs("password", c.getPassword());
        String userDomain = fields.required("userDomain", c.getUserDomain(), "the domain of user " + user + ", e.g. Default");
        ProjectScope scope;
        if (!CredentialFields.isBlank(c.getProjectId())) {
            scope = ProjectScope.byId(c.getProjectId().strip());
        } else if (!CredentialFields.isBlank(c.getProjectName())) {
            scope = ProjectScope.byName(c.getProjectName().strip(), fields.required("projectDomain", c.getProjectDomain(),
                    "the domain of project " + c.getProjectName().strip() + ", e.g. Default"));
        } else {
            throw fields.problem("projectId and projectName are empty; a token needs a project");
        }
        return new KeystoneCredentials.Password(user, userDomain, password, scope);
    }

    /**
     * One session per credential and per everything it was made from: a rotated password or another region makes a
     * new one. Hashed, so no secret sits in the key.
     */
    private static String sessionKey(Credential c, String baseUrl, String region, KeystoneCredentials credentials) {
        String material = String.join("\n", Objects.toString(c.getUuid()), baseUrl, Objects.toString(region),
                credentials.fingerprintMaterial());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "keystone:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
