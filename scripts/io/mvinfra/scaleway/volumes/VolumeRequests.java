package io.mvinfra.scaleway.volumes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.validation.Violations;

/**
 * A Volume checked, then turned into what the Block Storage API takes, before anything is sent: every problem at
 * once, each naming its field ({@code Volume.size: must be a whole number of GB …}).
 */
public final class VolumeRequests {

    private VolumeRequests() {
    }

    /**
     * The body of a create: a new empty volume of {@code size} bytes and {@code volumeType}, or a copy of the snapshot
     * whose id is {@code baseVolume} (of the snapshot's type unless {@code volumeType} says another) — exactly one.
     *
     * @param zones     the provider's zones, one of which the volume's must be
     * @param projectId the credential's project, or null for the secret key's default
     */
    public static CreateVolumeRequest create(Volume volume, List<String> zones, String projectId) throws BusinessException {
        Violations problems = new Violations("Volume");
        if (blank(volume.getName())) {
            problems.add("name", "is required");
        }
        zone(volume.getZone(), zones, problems);
        String snapshot = blank(volume.getBaseVolume()) ? null : volume.getBaseVolume().strip();
        Long size = volume.getSize();
        if (snapshot != null && size != null) {
            problems.add("size", "give either size (a new empty volume) or baseVolume (the id of a snapshot to copy), not both;"
                    + " grow the copy with Update once it is created");
        } else if (snapshot == null && size == null) {
            problems.add("size", "is required for a new empty volume, in bytes (e.g. " + VolumeSizes.readable(20 * VolumeSizes.GB)
                    + "); or give baseVolume: the id of a snapshot to copy");
        } else if (size != null) {
            VolumeSizes.check("size", size, problems);
        }
        Optional<VolumeType> type = type(volume.getVolumeType(), snapshot == null, problems);
        problems.throwIfAny();
        return new CreateVolumeRequest(volume.getName().strip(), type.map(VolumeType::perfIops).orElse(null), projectId,
                snapshot == null ? new CreateVolumeRequest.FromEmpty(size) : null,
                snapshot == null ? null : new CreateVolumeRequest.FromSnapshot(snapshot), List.of());
    }

    /**
     * What differs between the Volume and Scaleway's copy of it: its name, its size (which only grows) and its type
     * (5 000 and 15 000 IOPS are of the same class, so one may become the other).
     */
    public static UpdateVolumeRequest update(Volume volume, BlockVolume current) throws BusinessException {
        Violations problems = new Violations("Volume");
        String name = null;
        if (blank(volume.getName())) {
            problems.add("name", "is required");
        } else if (!volume.getName().strip().equals(current.name())) {
            name = volume.getName().strip();
        }
        Long size = null;
        if (volume.getSize() != null && !volume.getSize().equals(current.size())) {
            if (current.size() != null && volume.getSize() < current.size()) {
                problems.add("size", "can only grow: Scaleway has " + VolumeSizes.readable(current.size()) + ", asked "
                        + VolumeSizes.readable(volume.getSize()));
            } else if (VolumeSizes.check("size", volume.getSize(), problems)) {
                size = volume.getSize();
            }
        }
        Integer perfIops = null;
        Optional<VolumeType> type = type(volume.getVolumeType(), false, problems);
        if (type.isPresent() && !type.get().code().equals(current.type())) {
            perfIops = type.get().perfIops();
        }
        problems.throwIfAny();
        return new UpdateVolumeRequest(name, size, perfIops);
    }

    /** What an update changes, for its message: {@code size 20 GB (…) → 30 GB (…)}. */
    public static String describe(UpdateVolumeRequest update, BlockVolume before) {
        List<String> parts = new ArrayList<>();
        if (update.name() != null) {
            parts.add("name " + before.name() + " → " + update.name());
        }
        if (update.size() != null) {
            parts.add("size " + VolumeSizes.readable(before.size()) + " → " + VolumeSizes.readable(update.size()));
        }
        if (update.perfIops() != null) {
            parts.add("type " + before.type() + " → " + VolumeType.ofIops(update.perfIops()).map(VolumeType::code).orElse(update.perfIops() + " IOPS"));
        }
        return String.join(", ", parts);
    }

    private static void zone(String zone, List<String> zones, Violations problems) {
        if (blank(zone)) {
            problems.add("zone", "is required: one of the provider's zones " + String.join(", ", zones));
        } else if (!zones.contains(zone.strip())) {
            problems.add("zone", "must be one of the provider's zones " + String.join(", ", zones) + ", is " + zone.strip());
        }
    }

    private static Optional<VolumeType> type(String given, boolean required, Violations problems) {
        if (blank(given)) {
            if (required) {
                problems.add("volumeType", "is required for a new empty volume: " + VolumeType.choices());
            }
            return Optional.empty();
        }
        Optional<VolumeType> type = VolumeType.of(given.strip());
        if (type.isEmpty()) {
            problems.add("volumeType", "must be " + VolumeType.choices() + " (Scaleway Block Storage"
                    + (Objects.equals(given.strip(), "b_ssd") ? "; b_ssd is retired" : "") + "), is " + given.strip());
        }
        return type;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
