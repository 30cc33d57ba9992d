package io.mvinfra.scaleway.servers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.buttons.Sizes;
import io.mvinfra.scaleway.products.ScalewayServerType;
import io.mvinfra.scaleway.products.ScalewayServerType.SizeRange;
import io.mvinfra.validation.Violations;

/**
 * A Server checked, then turned into what Scaleway's create takes, before anything is sent: every problem at once,
 * each naming its field. The server type's volume constraints (from {@code products/servers}) are checked here, so a
 * root volume too big for a DEV1-S is named before Scaleway refuses it.
 */
public final class ServerRequests {

    /** Scaleway derives the host name from the server name: letters, digits, dots, hyphens, underscores. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final String LOCAL_SSD = "l_ssd";

    private ServerRequests() {
    }

    /** What the create refers to, resolved from the Server's references (null when not set). */
    public record Parts(Image image, Volume rootVolume, List<Volume> additionalVolumes, SecurityGroup securityGroup) {
        public Parts {
            additionalVolumes = additionalVolumes == null ? List.of() : List.copyOf(additionalVolumes);
        }
    }

    /**
     * The body of a create of {@code server} in its zone, from an image or from a prepared root volume (exactly one),
     * or every problem with it.
     *
     * @param types the zone's server types by name, as {@code products/servers} lists them; null when the zone was
     *              not asked (a wrong zone), so that only the zone is named
     */
    public static CreateServerRequest create(Server server, Parts parts, List<String> zones, Map<String, ScalewayServerType> types)
            throws BusinessException {
        Violations problems = new Violations("Server");
        String name = server.getInstanceName() == null ? null : server.getInstanceName().strip();
        if (name == null || name.isEmpty()) {
            problems.add("instanceName", "is required");
        } else if (!NAME.matcher(name).matches()) {
            problems.add("instanceName", "'" + name + "' is not a server name Scaleway takes: up to 63 letters, digits, dots, hyphens"
                    + " and underscores, starting with a letter or digit");
        }
        String zone = server.getZone() == null ? null : server.getZone().strip();
        if (zone == null || zone.isEmpty()) {
            problems.add("zone", "is required: one of the provider's zones " + String.join(", ", zones));
        } else if (!zones.contains(zone)) {
            problems.add("zone", zone + " is not one of the provider's zones " + String.join(", ", zones));
        }
        String typeName = server.getServerType() == null ? null : server.getServerType().strip().toUpperCase(Locale.ROOT);
        ScalewayServerType type = typeName == null || types == null ? null : types.get(typeName);
        if (typeName == null || typeName.isEmpty()) {
            problems.add("serverType", "is required, e.g. DEV1-S");
        } else if (type == null && types != null) {
            problems.add("serverType", typeName + " is not offered in " + zone + " (" + String.join(", ", types.keySet().stream().sorted().limit(12).toList())
                    + (types.size() > 12 ? ", …" : "") + ")");
        }
        String image = null;
        Map<String, CreateServerRequest.VolumeTemplate> volumes = null;
        if ((parts.image() == null) == (parts.rootVolume() == null)) {
            problems.add(parts.image() == null ? "image" : "rootVolume", "give exactly one of image and rootVolume: a server starts from an image"
                    + " or from a prepared root volume");
        } else if (parts.image() != null) {
            image = linked("image", "Image " + parts.image().getName(), parts.image().getProviderSideId(), problems);
        }
        List<Volume> all = new ArrayList<>();
        if (parts.rootVolume() != null) {
            all.add(parts.rootVolume());
        }
        all.addAll(parts.additionalVolumes());
        if (!all.isEmpty()) {
            volumes = new LinkedHashMap<>();
            int index = parts.rootVolume() == null ? 1 : 0;
            for (Volume volume : all) {
                String field = index == 0 ? "rootVolume" : "additionalVolumes";
                String id = linked(field, "Volume " + volume.getName(), volume.getProviderSideId(), problems);
                volumes.put(String.valueOf(index++), new CreateServerRequest.VolumeTemplate(id));
            }
            if (type != null) {
                checkSizes(typeName, type, parts.rootVolume(), all, problems);
            }
        }
        String group = parts.securityGroup() == null ? null
                : linked("securityGroup", "Security group " + parts.securityGroup().getName(), parts.securityGroup().getProviderSideId(), problems);
        problems.throwIfAny();
        List<String> tags = server.getTags() == null ? null : server.getTags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        return new CreateServerRequest(name, typeName, image, volumes, server.getDynamicIpRequired(), server.getEnableIPvSix(),
                blankToNull(server.getProject()), tags == null || tags.isEmpty() ? null : tags, group);
    }

    /** The type's limits: each local volume within the per-volume range, the local total within the type's range. */
    private static void checkSizes(String typeName, ScalewayServerType type, Volume root, List<Volume> volumes, Violations problems) {
        SizeRange perVolume = type.localVolumeRange();
        long localTotal = 0;
        for (Volume volume : volumes) {
            if (!LOCAL_SSD.equals(volume.getVolumeType()) || volume.getSize() == null) {
                continue;
            }
            localTotal += volume.getSize();
            if (perVolume != null && !perVolume.admits(volume.getSize())) {
                problems.add(volume == root ? "rootVolume" : "additionalVolumes", "Volume " + volume.getName() + " is "
                        + Sizes.readable(volume.getSize()) + "; a " + typeName + " takes local volumes of " + range(perVolume));
            }
        }
        SizeRange total = type.volumesConstraint();
        if (localTotal > 0 && total != null && !total.admits(localTotal)) {
            problems.add("additionalVolumes", "the local volumes add up to " + Sizes.readable(localTotal) + "; a " + typeName
                    + " needs " + range(total) + " of local storage in all");
        }
    }

    private static String range(SizeRange range) {
        boolean noMin = range.minSize() == null || range.minSize() == 0;
        boolean noMax = range.maxSize() == null || range.maxSize() == 0;
        if (noMax) {
            return noMin ? "any size" : "at least " + Sizes.readable(range.minSize());
        }
        return noMin ? "at most " + Sizes.readable(range.maxSize()) : Sizes.readable(range.minSize()) + " to " + Sizes.readable(range.maxSize());
    }

    private static String linked(String field, String what, String providerSideId, Violations problems) {
        if (providerSideId == null || providerSideId.isBlank()) {
            problems.add(field, what + " is not at Scaleway yet (no provider-side id)");
            return null;
        }
        return providerSideId.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * What an update sends: the fields where the Server differs from Scaleway's copy. The image cannot change, and
     * local volumes cannot be added or removed while the server runs: both are refused naming the field.
     */
    public static UpdateServerRequest changes(Server server, Parts parts, ScalewayServer current) throws BusinessException {
        Violations problems = new Violations("Server");
        String name = server.getInstanceName() == null ? null : server.getInstanceName().strip();
        if (name != null && !name.isEmpty() && !NAME.matcher(name).matches()) {
            problems.add("instanceName", "'" + name + "' is not a server name Scaleway takes: up to 63 letters, digits, dots, hyphens"
                    + " and underscores, starting with a letter or digit");
        }
        String currentImage = current.image() == null ? null : current.image().id();
        if (parts.image() != null && parts.image().getProviderSideId() != null && !parts.image().getProviderSideId().equals(currentImage)) {
            problems.add("image", "cannot change once the server exists (it runs image " + currentImage + " at Scaleway):"
                    + " create a new server from the other image");
        }
        Map<String, CreateServerRequest.VolumeTemplate> volumes = null;
        List<String> wanted = new ArrayList<>();
        String rootId = current.rootVolume() == null ? null : current.rootVolume().id();
        parts.additionalVolumes().forEach(v -> wanted.add(v.getProviderSideId()));
        List<String> attached = current.volumes().entrySet().stream().filter(e -> !"0".equals(e.getKey())).map(e -> e.getValue().id()).toList();
        if (!new HashSet<>(wanted).equals(new HashSet<>(attached))) {
            if (!"stopped".equals(current.state())) {
                problems.add("additionalVolumes", "volumes can't be added or removed while the server is " + current.state()
                        + ": power it off first");
            } else {
                volumes = new LinkedHashMap<>();
                if (rootId != null) {
                    volumes.put("0", new CreateServerRequest.VolumeTemplate(rootId));
                }
                int index = 1;
                for (Volume volume : parts.additionalVolumes()) {
                    volumes.put(String.valueOf(index++), new CreateServerRequest.VolumeTemplate(
                            linked("additionalVolumes", "Volume " + volume.getName(), volume.getProviderSideId(), problems)));
                }
            }
        }
        String group = parts.securityGroup() == null ? null
                : linked("securityGroup", "Security group " + parts.securityGroup().getName(), parts.securityGroup().getProviderSideId(), problems);
        problems.throwIfAny();
        List<String> tags = server.getTags() == null ? List.of() : server.getTags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        String currentGroup = current.securityGroup() == null ? null : current.securityGroup().id();
        return new UpdateServerRequest(
                name == null || name.isEmpty() || name.equals(current.name()) ? null : name,
                new HashSet<>(tags).equals(new HashSet<>(current.tags())) ? null : tags,
                group == null || group.equals(currentGroup) ? null : group,
                server.getIsProtected() == null || server.getIsProtected().equals(current.isProtected()) ? null : server.getIsProtected(),
                volumes);
    }
}
