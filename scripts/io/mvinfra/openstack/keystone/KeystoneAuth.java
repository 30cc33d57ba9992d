package io.mvinfra.openstack.keystone;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.http.Auth;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.TimeSource;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Signs OpenStack requests with a Keystone token ({@code X-Auth-Token}) obtained from the credentials, kept while
 * it is valid, renewed {@code renewalMargin} before its {@code expires_at}, and renewed once more when a service
 * answers 401 to it (revoked, or Keystone restarted with new keys). Thread-safe: concurrent calls share one token
 * and one renewal.
 * <pre>{@code
 * KeystoneAuth keystone = new KeystoneAuth(KeystoneClient.at(runtime, keystoneUrl), credentials, "GRA7",
 *         KeystoneAuth.DEFAULT_RENEWAL_MARGIN, runtime.time());
 * ProviderHttp nova = ProviderHttp.builder(runtime, keystone.endpoint("compute").toString(), new OpenStackDialect("nova"))
 *         .auth(keystone).build();
 * }</pre>
 */
public final class KeystoneAuth implements Auth {

    private static final Logger log = LoggerFactory.getLogger(KeystoneAuth.class);

    /** Renew five minutes ahead: longer than any call we make, short against Keystone's default hour. */
    public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofMinutes(5);

    private final KeystoneClient keystone;
    private final KeystoneCredentials credentials;
    private final String region;
    private final Duration renewalMargin;
    private final TimeSource time;
    private KeystoneToken token;

    /** @param region where to take endpoints from the catalog; null when the cloud has one region */
    public KeystoneAuth(KeystoneClient keystone, KeystoneCredentials credentials, String region,
                        Duration renewalMargin, TimeSource time) {
        this.keystone = keystone;
        this.credentials = credentials;
        this.region = region;
        this.renewalMargin = renewalMargin;
        this.time = time;
    }

    /**
     * Starts from a token issued earlier (kept on the Credential by the refresh job), if it is not about to
     * expire: no Keystone round trip for a button press. Its catalog is fetched when an endpoint is first asked.
     */
    public synchronized KeystoneAuth resume(String value, Instant expiresAt) {
        if (value != null && !value.isBlank() && expiresAt != null
                && time.now().isBefore(expiresAt.minus(renewalMargin))) {
            token = new KeystoneToken(value, null, expiresAt, null, null);
        }
        return this;
    }

    /** The region endpoints are taken from; null when the credential names none. */
    public String region() {
        return region;
    }

    /** A token valid for at least the renewal margin, issued now if the current one is missing or expiring. */
    public synchronized KeystoneToken token() {
        if (token == null || !time.now().isBefore(token.renewAt(renewalMargin))) {
            return renew();
        }
        return token;
    }

    /** A new token, whatever the state of the current one. */
    public synchronized KeystoneToken renew() {
        token = keystone.authenticate(credentials);
        log.info("keystone: token issued for {}, valid until {}", credentials, token.expiresAt());
        return token;
    }

    /** The token in use, if any, e.g. for the refresh job to store with its expiry; no Keystone call. */
    public synchronized Optional<KeystoneToken> current() {
        return Optional.ofNullable(token);
    }

    /** The public endpoint of a service type ({@code compute}, {@code network}, {@code image}) in this region. */
    public HttpUrl endpoint(String serviceType) {
        return endpoint(serviceType, "public", region);
    }

    public synchronized HttpUrl endpoint(String serviceType, String iface, String inRegion) {
        return catalog().endpoint(serviceType, iface, inRegion);
    }

    /** Whether the catalog lists a service of this type at all (in any region). */
    public boolean offers(String serviceType) {
        return catalog().offers(serviceType);
    }

    /** The token's catalog, fetched once when the token came without one (resumed from the Credential). */
    public synchronized Catalog catalog() {
        KeystoneToken current = token();
        if (current.catalog() == null) {
            try {
                token = current.withCatalog(keystone.catalog(current.value()));
            } catch (ProviderException refused) {
                if (!refused.is(ProviderException.Kind.AUTH)) {
                    throw refused;
                }
                renew();   // the stored token was revoked: a new one comes with its catalog
            }
        }
        return token.catalog();
    }

    @Override
    public Request authorize(Request request) {
        return request.newBuilder().header("X-Auth-Token", token().value()).build();
    }

    /**
     * The service refused the token it was sent. Renews it, unless another call already did (the token in use is
     * no longer the one refused), and says to send once more either way.
     */
    @Override
    public synchronized boolean renewAfterRejection(Request rejected) {
        if (token == null || token.value().equals(rejected.header("X-Auth-Token"))) {
            renew();
        }
        return true;
    }

    @Override
    public synchronized Set<String> secrets() {
        Set<String> secrets = new HashSet<>(credentials.secrets());
        if (token != null) {
            secrets.add(token.value());
        }
        return Set.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "KeystoneAuth[" + credentials + (region == null ? "" : ", region " + region) + "]";
    }
}
