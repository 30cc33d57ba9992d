package io.mvinfra.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.providers.ProviderProfiles;

/**
 * Asks the provider whether a credential still opens it, the way its {@link ProviderProfile} says. Refusals (401,
 * 403, a misconfigured credential) make it INVALID with the provider's own words; an unreachable provider tells
 * nothing about the credential.
 */
public final class CredentialCheck {
    /** A token expiring within this is EXPIRING, so someone rotates it before buttons start failing. */
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
     * @param renewToken for a session (OpenStack): get a new token even if the stored one is still valid
     */
    public CheckResult check(Credential credential, ServiceProvider provider, boolean renewToken) {
        Instant now = runtime.time().now();
        ServiceProvider target = provider != null ? provider : implicitProvider(credential).orElse(null);
        if (target == null) {
            return CheckResult.unknown("no ServiceProvider uses this credential, so where to check it is unknown", now);
        }
        try {
            ProviderAccess access = ProviderAccess.of(target, credential, runtime);
            return access.profile().check(access, credential, target, new CheckContext(now, renewToken, expiringWithin));
        } catch (BusinessException e) {
            return CheckResult.of(CheckResult.INVALID, e.getMessage(), now);
        } catch (ProviderException e) {
            if (e.is(ProviderException.Kind.AUTH) || e.is(ProviderException.Kind.FORBIDDEN)) {
                return CheckResult.of(CheckResult.INVALID, e.getMessage(), now);
            }
            return CheckResult.unknown("check failed, status unchanged: " + e.getMessage(), now);
        }
    }

    /** A provider with one public API can check a credential that no ServiceProvider uses yet. */
    private static Optional<ServiceProvider> implicitProvider(Credential credential) {
        String type = credential.getAuthenticationType();
        return ProviderProfiles.all().stream().filter(p -> p.publicApi() != null && p.credentialTypes().contains(type)).findFirst()
                .map(profile -> {
                    ServiceProvider p = new ServiceProvider();
                    p.setCode(profile.kind().toLowerCase(Locale.ROOT));
                    p.setKind(profile.kind());
                    return p;
                });
    }

    /** The credential types a check knows; others (mv-credentials' BASIC_HTTP, SSH…) are not provider API credentials. */
    public static boolean checkable(Credential credential) {
        String type = credential.getAuthenticationType();
        return ProviderProfiles.all().stream().anyMatch(p -> p.credentialTypes().contains(type));
    }
}
