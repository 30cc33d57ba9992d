package io.mvinfra.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvinfra.cloudflare.CloudflareProfile;
import io.mvinfra.credentials.ProviderProfile;
import io.mvinfra.openstack.CycladesProfile;
import io.mvinfra.openstack.OpenStackProfile;
import io.mvinfra.scaleway.ScalewayProfile;

/**
 * The one shared place that names the providers: a ServiceProvider's {@code kind} → its {@link ProviderProfile}.
 * A new provider family adds its profile here (and its kind to the ServiceProvider {@code kind} list values).
 */
public final class ProviderProfiles {

    private static final Map<String, ProviderProfile> BY_KIND = index(List.of(
            new CloudflareProfile(),
            new ScalewayProfile(),
            OpenStackProfile.openstack(),
            OpenStackProfile.ovh(),
            new CycladesProfile()));

    private ProviderProfiles() {
    }

    public static Optional<ProviderProfile> of(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** Every profile, in the order the kinds are listed. */
    public static List<ProviderProfile> all() {
        return List.copyOf(BY_KIND.values());
    }

    /** The kinds as a message lists them: {@code [CLOUDFLARE, SCALEWAY, …]}. */
    public static String kinds() {
        return BY_KIND.keySet().toString();
    }

    private static Map<String, ProviderProfile> index(List<ProviderProfile> profiles) {
        Map<String, ProviderProfile> byKind = new LinkedHashMap<>();
        profiles.forEach(profile -> byKind.put(profile.kind(), profile));
        return byKind;
    }
}
