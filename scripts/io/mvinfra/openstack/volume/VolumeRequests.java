package io.mvinfra.openstack.volume;

import java.util.Map;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.validation.Violations;

/**
 * A Volume checked, then turned into what Cinder takes, before anything is sent: every problem at once, each naming
 * its field ({@code Volume.size: must be a whole number of GiB …}).
 */
public final class VolumeRequests {

    /** Cinder's column for names and descriptions is 255 characters. */
    public static final int MAX_NAME = 255;
    /** The statuses a server can have a volume attached or detached in (Nova refuses the others with 409). */
    private static final Set<String> SERVER_AT_REST = Set.of("ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED", "SHELVED", "SHELVED_OFFLOADED");

    private VolumeRequests() {
    }

    /**
     * The body of a create: an empty volume of {@code size} bytes (whole GiB, at least 1), or a copy of the snapshot
     * whose id is {@code baseVolume} (its size, or {@code size} if larger).
     *
     * @param region the credential's region, where the volume goes; the Volume's zone, when given, must say the same
     */
    public static CreateVolumeRequest create(Volume volume, String region) throws BusinessException {
        Violations problems = new Violations("Volume");
        name(volume.getName(), problems);
        String snapshot = blank(volume.getBaseVolume()) ? null : volume.getBaseVolume().strip();
        Integer size = null;
        if (volume.getSize() == null) {
            if (snapshot == null) {
                problems.add("size", "is required for a new empty volume, in bytes, a whole number of GiB (e.g. "
                        + VolumeSizes.readable(VolumeSizes.GIB) + "); or give baseVolume: the id of a snapshot to copy");
            }
        } else {
            size = gib("size", volume.getSize(), problems);
        }
        if (!blank(volume.getZone()) && !volume.getZone().strip().equals(region)) {
            problems.add("zone", region == null
                    ? "is " + volume.getZone().strip() + ", but the credential names no region: set the credential's region, or clear zone"
                    : "is " + volume.getZone().strip() + ", but the credential works in region " + region
                            + ": a volume is made where the credential's endpoints are");
        }
        problems.throwIfAny();
        return new CreateVolumeRequest(volume.getName().strip(), size, blankToNull(volume.getVolumeType()), snapshot,
                Map.of(VolumeClient.ENTITY_KEY, volume.getUuid()));
    }

    /** The size an extend goes to, in GiB: larger than what Cinder has, and the volume at rest ({@code available}). */
    public static int extend(Volume volume, CinderVolume current) throws BusinessException {
        Violations problems = new Violations("Volume");
        Integer size = null;
        if (volume.getSize() == null) {
            problems.add("size", "is required: the size to extend to, in bytes (Cinder has " + readable(current) + ")");
        } else {
            size = gib("size", volume.getSize(), problems);
            if (size != null && current.size() != null && size <= current.size()) {
                problems.add("size", "must be larger than the " + readable(current) + " Cinder has (a volume only grows), is "
                        + VolumeSizes.readable(volume.getSize()));
            }
        }
        if (!"available".equals(current.status())) {
            problems.add("state", "is " + current.status() + " at Cinder; a volume is extended when available"
                    + (current.serverIds().isEmpty() ? "" : ": detach it first"));
        }
        problems.throwIfAny();
        return size;
    }

    /**
     * The server a volume is to be attached to: the Volume's {@code server}, at Nova already and at rest; the volume
     * {@code available}.
     */
    public static String attach(Volume volume, Server server, CinderVolume current) throws BusinessException {
        Violations problems = new Violations("Volume");
        String serverId = null;
        if (server == null) {
            problems.add("server", "is empty: the Server to attach the volume to");
        } else if (blank(server.getProviderSideId())) {
            problems.add("server", "Server " + server.getInstanceName() + " is not at Nova yet: create it first");
        } else if (server.getStatus() != null && !SERVER_AT_REST.contains(server.getStatus())) {
            problems.add("server", "Server " + server.getInstanceName() + " is " + server.getStatus()
                    + "; Nova attaches to a server that is ACTIVE or SHUTOFF");
        } else {
            serverId = server.getProviderSideId();
        }
        if (!current.serverIds().isEmpty()) {
            problems.add("server", "the volume is attached already, to server " + String.join(", ", current.serverIds())
                    + ": detach it first");
        } else if (!"available".equals(current.status())) {
            problems.add("state", "is " + current.status() + " at Cinder; a volume is attached when available");
        }
        problems.throwIfAny();
        return serverId;
    }

    /** The server Cinder says the volume is attached to, which a detach goes through. */
    public static String detach(CinderVolume current) throws BusinessException {
        Violations problems = new Violations("Volume");
        if (current.serverIds().isEmpty()) {
            problems.add("server", "the volume is attached to no server at Cinder (it is " + current.status() + ")");
        } else if (!"in-use".equals(current.status())) {
            problems.add("state", "is " + current.status() + " at Cinder; a volume is detached when in-use");
        }
        problems.throwIfAny();
        return current.serverIds().get(0);
    }

    /** A snapshot's name: the one given, else the volume's with {@code -snapshot}; Cinder takes the volume available. */
    public static String snapshot(Volume volume, String given, CinderVolume current) throws BusinessException {
        Violations problems = new Violations("Volume");
        String name = given != null ? given : (blank(volume.getName()) ? volume.getProviderSideId() : volume.getName().strip()) + "-snapshot";
        if (name.length() > MAX_NAME) {
            problems.add("name", "makes a snapshot name of " + name.length() + " characters; Cinder takes at most " + MAX_NAME
                    + ": give the parameter name");
        }
        if (!"available".equals(current.status())) {
            problems.add("state", "is " + current.status() + " at Cinder; a snapshot is taken of an available volume"
                    + (current.serverIds().isEmpty() ? "" : " (detach it first)"));
        }
        problems.throwIfAny();
        return name;
    }

    private static void name(String name, Violations problems) {
        if (blank(name)) {
            problems.add("name", "is required");
        } else if (name.strip().length() > MAX_NAME) {
            problems.add("name", "is " + name.strip().length() + " characters long; Cinder takes at most " + MAX_NAME);
        }
    }

    private static Integer gib(String field, long bytes, Violations problems) {
        if (bytes < VolumeSizes.GIB) {
            problems.add(field, "must be at least 1 GiB (" + VolumeSizes.GIB + " bytes), is " + bytes + " bytes");
            return null;
        }
        if (bytes % VolumeSizes.GIB != 0) {
            problems.add(field, "must be a whole number of GiB (" + VolumeSizes.GIB + " bytes each) for Cinder, is "
                    + VolumeSizes.readable(bytes));
            return null;
        }
        if (bytes / VolumeSizes.GIB > Integer.MAX_VALUE) {
            problems.add(field, "is more than Cinder counts, " + VolumeSizes.readable(bytes));
            return null;
        }
        return (int) (bytes / VolumeSizes.GIB);
    }

    private static String readable(CinderVolume current) {
        return current.size() == null ? "an unknown size" : VolumeSizes.readable(VolumeSizes.bytes(current.size()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
