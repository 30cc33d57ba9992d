package io.mvinfra.openstack.keystone;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mvinfra.http.ProviderException;
import okhttp3.HttpUrl;

/** Keystone's service catalog: where each service of the project answers, per interface and region. */
public record Catalog(List<Service> services) {

    public Catalog {
        services = List.copyOf(services);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String type, String name, List<Endpoint> endpoints) {
        public Service {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        }
    }

    /** {@code region_id} is the v3 name; {@code region} its deprecated twin, still sent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String id, @JsonProperty("interface") String iface, String region, String regionId, String url) {

        boolean isIn(String wanted) {
            return wanted.equals(regionId) || wanted.equals(region);
        }

        String regionName() {
            return regionId != null ? regionId : region;
        }
    }

    public boolean offers(String type) {
        return services.stream().anyMatch(s -> type.equals(s.type()) && !s.endpoints().isEmpty());
    }

    /** Every region any endpoint is in, sorted: what the cloud offers, never a list known beforehand. */
    public List<String> regions() {
        return services.stream().flatMap(s -> s.endpoints().stream()).map(Endpoint::regionName).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }

    /** The {@code iface} URL of every service in {@code region} (any region when null), by service type. */
    public java.util.SortedMap<String, String> endpoints(String iface, String region) {
        java.util.SortedMap<String, String> urls = new java.util.TreeMap<>();
        for (Service service : services) {
            service.endpoints().stream().filter(e -> iface.equals(e.iface()) && (region == null || e.isIn(region)))
                    .findFirst().ifPresent(e -> urls.put(service.type(), e.url()));
        }
        return urls;
    }

    /**
     * The one URL of {@code type} on {@code iface} in {@code region}.
     *
     * @param region null to accept any region, as long as only one offers the service
     * @throws ProviderException {@link ProviderException.Kind#CONFIGURATION} when no endpoint matches, or several
     *                           differ and nothing says which
     */
    public HttpUrl endpoint(String type, String iface, String region) {
        List<Endpoint> ofType = services.stream().filter(s -> type.equals(s.type()))
                .flatMap(s -> s.endpoints().stream()).toList();
        if (ofType.isEmpty()) {
            throw misfit("has no '" + type + "' service; it lists "
                    + services.stream().map(Service::type).collect(Collectors.toCollection(TreeSet::new)));
        }
        List<Endpoint> matching = ofType.stream()
                .filter(e -> iface.equals(e.iface()) && (region == null || e.isIn(region))).toList();
        if (matching.isEmpty()) {
            throw misfit("has no " + iface + " '" + type + "' endpoint" + (region == null ? "" : " in region " + region)
                    + "; it has " + ofType.stream().map(e -> e.iface() + " in " + e.regionName())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        List<String> urls = matching.stream().map(Endpoint::url).distinct().toList();
        if (urls.size() > 1) {
            throw misfit("has " + urls.size() + " " + iface + " '" + type + "' endpoints, in regions "
                    + matching.stream().map(Endpoint::regionName).collect(Collectors.toCollection(TreeSet::new))
                    + ": set the credential's region to choose one");
        }
        HttpUrl url = HttpUrl.parse(Objects.requireNonNull(urls.get(0), "url"));
        if (url == null) {
            throw misfit("gives '" + urls.get(0) + "' for " + iface + " '" + type + "', which is not an http(s) URL");
        }
        return url;
    }

    private static ProviderException misfit(String what) {
        return ProviderException.withoutAnswer("keystone", ProviderException.Kind.CONFIGURATION, "the service catalog " + what, null);
    }
}
