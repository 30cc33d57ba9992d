package io.mvinfra.scaleway.products;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.ProviderResponse;
import io.mvinfra.scaleway.ScalewayDialect;

/** The server types of a zone, with their prices and volume constraints ({@code /instance/v1/zones/{zone}/products/servers}). */
public final class ServerTypeClient {

    private final ProviderHttp http;

    public ServerTypeClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Every type of the zone by its name ({@code DEV1-S}), every page. The answer is an object keyed by type, not a
     * list, so its pages are read here: {@code X-Total-Count} says how many types there are in all; any failed page
     * fails the whole call.
     */
    public Map<String, ScalewayServerType> list(String zone) {
        Map<String, ScalewayServerType> types = new LinkedHashMap<>();
        for (int page = 1; ; page++) {
            ProviderResponse answer = http.get("instance/v1/zones/{zone}/products/servers", zone)
                    .query("per_page", ScalewayDialect.MAX_PER_PAGE).query("page", page).send();
            JsonNode servers = answer.json().path("servers");
            servers.properties().forEach(e -> types.put(e.getKey(), http.dialect().json().convertValue(e.getValue(), ScalewayServerType.class)));
            long total = ScalewayDialect.total(answer);
            if (servers.isEmpty() || total < 0 || types.size() >= total) {
                return Map.copyOf(types);
            }
        }
    }
}
