package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mvinfra.http.Json;
import io.mvinfra.scaleway.products.ScalewayServerType;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.sync.NameFilter;

/**
 * ServiceProvider → "Populate provider fields": for every zone of the provider, the server types Scaleway offers there
 * (CPU, RAM, architecture, hourly and monthly price, volume constraints), kept as {@code providerServerTypes}
 * ({@code fr-par-1:DEV1-S} → its facts as JSON), the account's images ({@code providerImages}, {@code zone:id} →
 * name) and flexible IPs ({@code publicIp}), what the servers it lists cost a month ({@code monthlyTotal}), and how many
 * security groups and volumes each zone holds (their own list buttons bring them in as entities).
 */
public class PopulateProviderFields extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        Map<String, String> types = new TreeMap<>();
        Map<String, String> images = new TreeMap<>();
        List<String> ips = new ArrayList<>();
        int groups = 0;
        int volumes = 0;
        double monthly = 0;
        int servers = 0;
        int unpriced = 0;
        for (String zone : zones) {
            progress(ctx, "server types and servers of " + zone);
            Map<String, ScalewayServerType> offered = scaleway.serverTypes().list(zone);
            offered.forEach((name, type) -> types.put(zone + ":" + name, json(type)));
            scaleway.images().list(zone).forEach(image -> images.put(zone + ":" + image.id(), image.name()));
            scaleway.ips().list(zone).forEach(ip -> ips.add(ip.label()));
            groups += scaleway.securityGroups().list(zone).size();
            volumes += scaleway.volumes().list(zone).size();
            for (ScalewayServer server : scaleway.servers().list(zone)) {
                if (!NameFilter.passes(server.name(), provider.getServerNameFilter())) {
                    continue;
                }
                servers++;
                ScalewayServerType type = offered.get(server.commercialType());
                if (type == null || type.monthlyPrice() == null) {
                    unpriced++;
                } else {
                    monthly += type.monthlyPrice();
                }
            }
        }
        ServiceProvider changes = new ServiceProvider(provider.getUuid());
        changes.setProviderServerTypes(new LinkedHashMap<>(types));
        changes.setProviderImages(new LinkedHashMap<>(images));
        changes.setPublicIp(ips);
        changes.setMonthlyTotal(Math.round(monthly * 100) / 100.0);
        save(changes);
        message(ctx, "%s: %d server types, %d images, %d flexible IPs, %d security groups and %d volumes in %s; its %d servers cost"
                + " about €%s a month%s", provider.getCode(), types.size(), images.size(), ips.size(), groups, volumes,
                String.join(", ", zones), servers, String.format(Locale.ROOT, "%.2f", monthly),
                unpriced == 0 ? "" : " (" + unpriced + " of a type without a published price)");
    }

    private static String json(ScalewayServerType type) {
        try {
            return Json.SNAKE_CASE.writeValueAsString(type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a server type always writes as JSON", e);
        }
    }
}
