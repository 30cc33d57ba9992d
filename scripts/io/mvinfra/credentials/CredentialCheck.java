package io.mvinfra.credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mvinfra.cloudflare.client.CloudflareDialect;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneToken;
import io.mvinfra.scaleway.ScalewayDialect;

/**
 * Asks the provider whether a credential still opens it, the cheapest way each provider offers: Cloudflare's
 * token verification, an authenticated one-item read at Scaleway and Cyclades, a Keystone authentication for
 * OpenStack (whose token is kept for the next calls). Refusals (401, 403, a misconfigured credential) make
 * it INVALID with the provider's own words; an unreachable provider tells nothing about the credential.
 */
public final class CredentialCheck {
    /** A Cloudflare token expiring within this is EXPIRING, so someone rotates it before buttons start failing. */
    public static final Duration DEFAULT_EXPIRING_WITHIN = Duration.ofDays(7);

    private final HttpRuntime runtime;
    private final Duration expiringWithin;

    public CredentialCheck(HttpRuntime runtime, Duration expiringWithin) {
        this.runtime = runtime;
        this.expiringWithin = expiringWithin;
    }

    /**
     * @param provider the ServiceProvider using the credential, or null when none does (then only kinds with a
     *                 public endpoint can be checked)
     * @param renewToken for OpenStack: get a new token even if the stored one is still valid
     */
    public CheckResult check(Credential credential, ServiceProvider provider, boolean renewToken) {
        Instant now = runtime.time().now();
        ServiceProvider target = provider != null ? provider : implicitProvider(credential);
        if (target == null) {
            return CheckResult.unknown("no ServiceProvider uses this credential, so where to check it is unknown", now);
        }
        try {
            ProviderAccess access = ProviderAccess.of(target, credential, runtime);
            return switch (access.kind()) {
                case CLOUDFLARE -> cloudflare(access, credential, now);
                case SCALEWAY -> scaleway(access, credential, target, now);
                case OPENSTACK -> openstack(access, renewToken, now);
                case CYCLADES -> cyclades(access, now);
            };
        } catch (BusinessException e) {
            return CheckResult.of(CheckResult.INVALID, e.getMessage(), now);
        } catch (ProviderException e) {
            if (e.is(ProviderException.Kind.AUTH) || e.is(ProviderException.Kind.FORBIDDEN)) {
                return CheckResult.of(CheckResult.INVALID, e.getMessage(), now);
            }
            return CheckResult.unknown("check failed, status unchanged: " + e.getMessage(), now);
        }
    }

    private CheckResult cloudflare(ProviderAccess access, Credential credential, Instant now) {
        if ("CLOUDFLARE_GLOBAL_KEY".equals(credential.getAuthenticationType())) {
            access.http(new CloudflareDialect()).get("user").send();
            return CheckResult.of(CheckResult.VALID, "global API key accepted by Cloudflare", now);
        }
        TokenStatus token = access.http(new CloudflareDialect()).get("user/tokens/verify").read(TokenStatus.class);
        if (!"active".equals(token.status())) {
            return CheckResult.of(CheckResult.INVALID, "Cloudflare says the token is " + token.status(), now);
        }
        if (token.expiresOn() != null) {
            Instant expires = token.expiresOn().toInstant();
            String until = "token active until " + expires;
            return CheckResult.of(expires.isBefore(now.plus(expiringWithin)) ? CheckResult.EXPIRING : CheckResult.VALID, until, now);
        }
        return CheckResult.of(CheckResult.VALID, "token active, no expiry", now);
    }

    private CheckResult scaleway(ProviderAccess access, Credential credential, ServiceProvider provider, Instant now) {
        String zone = firstNonBlank(credential.getDefaultZone(), provider.getZones() == null || provider.getZones().isEmpty() ? null
                : provider.getZones().get(0), "fr-par-1");
        access.http(new ScalewayDialect()).get("instance/v1/zones/{zone}/servers", zone).query("per_page", 1).send();
        return CheckResult.of(CheckResult.VALID, "secret key accepted by Scaleway (zone " + zone + ")", now);
    }

    private CheckResult openstack(ProviderAccess access, boolean renewToken, Instant now) {
        KeystoneAuth keystone = access.keystone();
        KeystoneToken token = renewToken ? keystone.renew() : keystone.token();
        return new CheckResult(CheckResult.VALID, "Keystone issued a token valid until " + token.expiresAt(), now, token.value(), token.expiresAt());
    }

    private CheckResult cyclades(ProviderAccess access, Instant now) {
        access.http(new OpenStackDialect("cyclades")).get("servers").query("limit", 1).send();
        return CheckResult.of(CheckResult.VALID, "token accepted by Cyclades", now);
    }

    /** Cloudflare and Scaleway answer at one public address, so a credential alone is enough to check them. */
    private static ServiceProvider implicitProvider(Credential credential) {
        String type = credential.getAuthenticationType();
        return Arrays.stream(ProviderKind.values()).filter(k -> k.publicApi() != null && k.credentialTypes().contains(type)).findFirst()
                .map(kind -> {
                    ServiceProvider p = new ServiceProvider();
                    p.setCode(kind.name().toLowerCase(java.util.Locale.ROOT));
                    p.setKind(kind.name());
                    return p;
                }).orElse(null);
    }

    /** The credential types a check knows; others (mv-credentials' BASIC_HTTP, SSH…) are not provider API credentials. */
    public static boolean checkable(Credential credential) {
        String type = credential.getAuthenticationType();
        return Arrays.stream(ProviderKind.values()).map(ProviderKind::credentialTypes).flatMap(List::stream).anyMatch(t -> t.equals(type));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenStatus(String id, String status, @JsonProperty("expires_on") OffsetDateTime expiresOn) {
    }
}
