package io.mvinfra.scaleway.products;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A commercial server type as {@code products/servers} answers it ({@code scaleway.instance.v1.ServerType}): its
 * size, its price, and the volume sizes it accepts — checked before a create is sent, and named when one is wrong.
 *
 * @param monthlyPrice in EUR, as Scaleway bills it
 * @param hourlyPrice  in EUR
 * @param ram          in bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewayServerType(Double monthlyPrice, Double hourlyPrice, List<String> altNames, Integer ncpus, Long ram,
                                 String arch, Boolean baremetal, SizeRange volumesConstraint, PerVolume perVolumeConstraint) {

    /** Volume sizes in bytes; a null end is unbounded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SizeRange(Long minSize, Long maxSize) {

        public boolean admits(long sizeBytes) {
            return (minSize == null || sizeBytes >= minSize) && (maxSize == null || maxSize == 0 || sizeBytes <= maxSize);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PerVolume(SizeRange lSsd) {
    }

    /** What one local SSD volume may hold, or null when the type says nothing. */
    public SizeRange localVolumeRange() {
        return perVolumeConstraint == null ? null : perVolumeConstraint.lSsd();
    }
}
