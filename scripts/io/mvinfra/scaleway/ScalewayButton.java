package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.buttons.ProviderButton;
import io.mvinfra.http.ProviderException;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ServerRequests;

/** What every Scaleway button shares besides {@link ProviderButton}: the client of a SCALEWAY provider, its zones. */
public abstract class ScalewayButton extends ProviderButton {

    /** The zones Scaleway's Instance and Block Storage APIs serve. */
    public static final List<String> ZONES = List.of("fr-par-1", "fr-par-2", "fr-par-3", "nl-ams-1", "nl-ams-2", "nl-ams-3",
            "pl-waw-1", "pl-waw-2", "pl-waw-3");

    protected ScalewayButton() {
        super("Scaleway");
    }

    protected ScalewayClient scaleway(ServiceProvider provider) throws BusinessException {
        return new ScalewayClient(access(provider, ScalewayProfile.KIND).http(new ScalewayDialect()));
    }

    /** A Server as a server button finds it before acting: its entity, how messages name it, and Scaleway's copy now. */
    protected record ServerAt(Server server, String name, String id, String zone, ServiceProvider provider, ScalewayClient scaleway,
                              ScalewayServer current) {
    }

    /**
     * The pressed Server at Scaleway: its provider-side id (refused with {@code hint} when it has none), its zone, its
     * provider's client and the server as Scaleway has it now, checked in that order before anything is sent.
     */
    protected ServerAt serverAt(Map<String, Object> ctx, String hint) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = label(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), hint);
        String zone = zoneOf(server);
        ServiceProvider provider = resolve(server.getProvider(), ServiceProvider.class, name + ": provider");
        ScalewayClient scaleway = scaleway(provider);
        return new ServerAt(server, name, id, zone, provider, scaleway, scaleway.servers().get(zone, id));
    }

    /** How messages name a server: {@code Server dev-web-1}. */
    protected static String label(Server server) {
        return "Server " + (server.getInstanceName() == null || server.getInstanceName().isBlank() ? server.getUuid() : server.getInstanceName());
    }

    /** The server's zone, required by every call about it. */
    protected static String zoneOf(Server server) throws BusinessException {
        if (server.getZone() == null || server.getZone().isBlank()) {
            throw new BusinessException("Server.zone: is empty; the zone of " + label(server) + " is needed");
        }
        return server.getZone().strip();
    }

    /**
     * What is left of a server Scaleway no longer has: the entity and its ServerActions stay (its history), without a
     * provider-side id, marked missing, so no button acts on it by mistake.
     */
    protected void markGone(Server server) throws BusinessException {
        Server changes = new Server(server.getUuid());
        changes.setProviderSideId("");
        changes.setMissingAtProvider(Boolean.TRUE);
        changes.setAllowedActions(List.of());
        save(changes);
    }

    /** The provider's zones, each one Scaleway serves; none configured is an error naming the field. */
    protected static List<String> zones(ServiceProvider provider) throws BusinessException {
        List<String> zones = provider.getZones() == null ? List.of()
                : provider.getZones().stream().filter(z -> z != null && !z.isBlank()).map(String::strip).toList();
        if (zones.isEmpty()) {
            throw new BusinessException("ServiceProvider.zones: is empty; give the Scaleway zones to work in, e.g. fr-par-1");
        }
        List<String> unknown = zones.stream().filter(z -> !ZONES.contains(z)).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessException("ServiceProvider.zones: " + String.join(", ", unknown) + " is not a Scaleway zone ("
                    + String.join(", ", ZONES) + ")");
        }
        return zones;
    }

    /** The entities a Server refers to, read from the store. */
    protected ServerRequests.Parts serverParts(Server server, String name) throws BusinessException {
        Image image = server.getImage() == null ? null : resolve(server.getImage(), Image.class, name + ": image");
        Volume root = server.getRootVolume() == null ? null : resolve(server.getRootVolume(), Volume.class, name + ": rootVolume");
        List<Volume> additional = new ArrayList<>();
        if (server.getAdditionalVolumes() != null) {
            for (Volume volume : server.getAdditionalVolumes().values()) {
                additional.add(resolve(volume, Volume.class, name + ": additionalVolumes"));
            }
        }
        SecurityGroup group = server.getSecurityGroup() == null ? null
                : resolve(server.getSecurityGroup(), SecurityGroup.class, name + ": securityGroup");
        return new ServerRequests.Parts(image, root, additional, group);
    }

    /**
     * The zone an entity of {@code cet} works in: its own, else the provider's first; one Scaleway does not serve is
     * refused naming the field.
     */
    protected static String zone(String cet, String zone, ServiceProvider provider) throws BusinessException {
        if (zone == null || zone.isBlank()) {
            return zones(provider).get(0);
        }
        String given = zone.strip();
        if (!ZONES.contains(given)) {
            throw new BusinessException(cet + ".zone: " + given + " is not a Scaleway zone (" + String.join(", ", ZONES) + ")");
        }
        return given;
    }

    /** The project of the provider's credential ({@code projectId}), where a create goes when the entity names none; null when none. */
    protected String credentialProject(ServiceProvider provider) throws BusinessException {
        if (provider.getCredential() == null) {
            return null;
        }
        Credential credential = resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        String project = credential.getProjectId();
        return project == null || project.isBlank() ? null : project.strip();
    }

    /** Where an entity lives at Scaleway: its provider, its zone, and the client to reach it. */
    protected record At(ServiceProvider provider, String zone, ScalewayClient scaleway) {
    }

    /**
     * Where an entity of {@code cet} ({@code label} as the operator reads it) lives: its provider, followed from the
     * reference, and its zone (its own, else the provider's first), both checked before any call.
     */
    protected At at(String cet, String label, ServiceProvider providerReference, String zone) throws BusinessException {
        ServiceProvider provider = resolve(providerReference, ServiceProvider.class, label + ": provider");
        return new At(provider, zone(cet, zone, provider), scaleway(provider));
    }

    /**
     * The thing as Scaleway has it now; gone from Scaleway is said as such, with what to do:
     * {@code Security group web (id …) is no longer at Scaleway: press 'List security groups'…}.
     */
    protected static <T> T current(Supplier<T> read, String label, String id, String hint) throws BusinessException {
        try {
            return read.get();
        } catch (ProviderException e) {
            if (e.is(ProviderException.Kind.NOT_FOUND)) {
                throw new BusinessException(label + " (id " + id + ") is no longer at Scaleway: " + hint, e);
            }
            throw e;
        }
    }

    /** The entities a list of {@code zones} speaks for: those of these zones, or of none yet. */
    protected static <E> List<E> inZones(List<E> entities, Function<E, String> zone, List<String> zones) {
        return entities.stream().filter(e -> zone.apply(e) == null || zones.contains(zone.apply(e))).toList();
    }
}
