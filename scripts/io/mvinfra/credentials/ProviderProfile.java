package io.mvinfra.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.RateLimit;

/**
 * What one provider family brings, beside its client: where its API answers when the ServiceProvider names no URL,
 * the rate limit it gets when the operator sets none, the credential types it takes and how each signs, how "Check
 * token" asks it, and what of a session is worth keeping on the Credential. Everything provider-neutral (reading
 * the ServiceProvider, naming a missing field, counting a credential's budget) is {@link ProviderAccess}'s.
 * <p>
 * One instance per kind, listed once in {@code io.mvinfra.providers.ProviderProfiles}; a new provider adds a
 * profile there and touches nothing else that is shared.
 */
public interface ProviderProfile {

    /** The ServiceProvider {@code kind} this profile serves: {@code CLOUDFLARE}, {@code OPENSTACK}… */
    String kind();

    /** The API every account of the provider shares, or null when each installation has its own (OpenStack). */
    String publicApi();

    /** Said after "apiBaseUrl is empty" when there is no public API, e.g. "the Keystone URL, e.g. …". */
    default String apiBaseUrlHint() {
        return null;
    }

    RateLimit defaultRateLimit();

    /**
     * Pages of one list fetched at once once the first page said how many there are, given what the runtime's
     * settings ask of every provider; a provider that limits requests over minutes rather than connections may take more.
     */
    default int pagesAtOnce(HttpSettings runtime) {
        return runtime.pageConcurrency();
    }

    /** The Credential {@code authenticationType}s this provider takes, in the order a message lists them. */
    List<String> credentialTypes();

    /**
     * How {@code credential} signs calls to {@code baseUrl}; a missing field is a {@link BusinessException} naming it
     * ({@link CredentialFields} says it the common way). A profile whose auth is a session (a Keystone token and its
     * catalog) takes it from {@code runtime}'s session cache, so presses reuse it until it needs renewal.
     */
    Auth auth(Credential credential, CredentialFields fields, String baseUrl, HttpRuntime runtime) throws BusinessException;

    /**
     * Asks the provider, the cheapest way it offers, whether the credential opens it. A refusal is a
     * {@code ProviderException} (AUTH, FORBIDDEN), which {@link CredentialCheck} turns into INVALID.
     */
    CheckResult check(ProviderAccess access, Credential credential, ServiceProvider provider, CheckContext context);

    /** A token the session holds that the Credential does not have yet, to be written back; empty for static keys. */
    default Optional<IssuedToken> tokenToStore(Auth auth, Credential credential) {
        return Optional.empty();
    }

    /** A token a provider issued, with its expiry; never printed. */
    record IssuedToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[******, expires " + expiresAt + "]";
        }
    }
}
