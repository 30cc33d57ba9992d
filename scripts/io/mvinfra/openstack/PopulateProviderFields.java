package io.mvinfra.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mvinfra.http.Json;
import io.mvinfra.openstack.compute.NovaFlavorDetail;
import io.mvinfra.openstack.compute.NovaKeyPair;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.keystone.Catalog;
import io.mvinfra.openstack.keystone.KeystoneAuth;

/**
 * ServiceProvider → "Populate provider fields" of an OPENSTACK or OVH provider: what its cloud offers the credential,
 * read from the cloud itself, never from a list known beforehand. The regions ({@code zones}) and each region's public
 * endpoints ({@code providerEndpoints}, {@code GRA11:compute} → URL) come from the Keystone catalog; the flavors
 * ({@code providerServerTypes}, name → vCPUs, RAM, disk as JSON) and key pairs from Nova, the images from Glance,
 * the networks from Neutron, each in the credential's region. An OVH provider without an API URL gets the Keystone
 * OVH publishes.
 */
public class PopulateProviderFields extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        if (!"OPENSTACK".equals(provider.getKind()) && !"OVH".equals(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind()
                    + ": Populate provider fields reads a Keystone catalog, which OPENSTACK and OVH providers have");
        }
        OpenStackClient openstack = openstack(provider);
        KeystoneAuth keystone = openstack.keystone();
        Catalog catalog = keystone.catalog();
        List<String> regions = catalog.regions();
        Map<String, String> endpoints = new TreeMap<>();
        for (String region : regions) {
            catalog.endpoints("public", region).forEach((type, url) -> endpoints.put(region + ":" + type, url));
        }
        progress(ctx, "flavors and key pairs");
        ServerClient nova = openstack.servers();
        Map<String, String> flavors = new TreeMap<>();
        for (NovaFlavorDetail flavor : nova.flavorDetails()) {
            flavors.put(flavor.name(), json(flavor));
        }
        List<String> keyPairs = new ArrayList<>(nova.keyPairs().stream().map(NovaKeyPair::name).sorted().toList());
        progress(ctx, "images");
        Map<String, String> images = new TreeMap<>();
        openstack.images().list().forEach(image -> images.put(image.id(), image.name() == null ? "" : image.name()));
        progress(ctx, "networks");
        Map<String, String> networks = new TreeMap<>();
        openstack.networks().networks().forEach(network -> networks.put(network.id(), network.name() == null ? "" : network.name()));

        ServiceProvider changes = new ServiceProvider(provider.getUuid());
        if ("OVH".equals(provider.getKind()) && (provider.getApiBaseUrl() == null || provider.getApiBaseUrl().isBlank())) {
            changes.setApiBaseUrl(OpenStackProfile.OVH_KEYSTONE);
        }
        changes.setZones(regions);
        changes.setProviderEndpoints(new LinkedHashMap<>(endpoints));
        changes.setProviderServerTypes(new LinkedHashMap<>(flavors));
        changes.setProviderKeyPairs(keyPairs);
        changes.setProviderImages(new LinkedHashMap<>(images));
        changes.setProviderNetworks(new LinkedHashMap<>(networks));
        save(changes);
        message(ctx, "%s: %d regions (%s), %d endpoints, %d flavors, %d key pairs, %d images, %d networks%s", provider.getCode(),
                regions.size(), String.join(", ", regions), endpoints.size(), flavors.size(), keyPairs.size(), images.size(),
                networks.size(), keystone.region() == null ? "" : " (flavors, images and networks of " + keystone.region() + ")");
    }

    private static String json(NovaFlavorDetail flavor) {
        try {
            return Json.SNAKE_CASE.writeValueAsString(Map.of("id", flavor.id(), "vcpus", orZero(flavor.vcpus()), "ram_mib", orZero(flavor.ram()),
                    "disk_gib", orZero(flavor.disk())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flavor always writes as JSON", e);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
