package io.mvinfra.scaleway;

import java.util.Objects;

import io.mvinfra.http.ProviderHttp;
import io.mvinfra.scaleway.images.ImageClient;
import io.mvinfra.scaleway.ips.IpClient;
import io.mvinfra.scaleway.products.ServerTypeClient;
import io.mvinfra.scaleway.securitygroups.SecurityGroupClient;
import io.mvinfra.scaleway.securitygroups.SecurityRuleClient;
import io.mvinfra.scaleway.servers.ServerClient;
import io.mvinfra.scaleway.snapshots.SnapshotClient;
import io.mvinfra.scaleway.userdata.UserDataClient;
import io.mvinfra.scaleway.volumes.LocalVolumeClient;
import io.mvinfra.scaleway.volumes.VolumeClient;

/**
 * The Scaleway APIs as mv-infra uses them, one part per resource, all signed and limited by one {@link ProviderHttp}
 * at {@link ScalewayDialect#PUBLIC_API} (or a stand-in). Reads answer at once; changes answer a {@code ProviderCall},
 * sent or only described (a dry run).
 */
public final class ScalewayClient {

    private final ServerClient servers;
    private final ServerTypeClient serverTypes;
    private final VolumeClient volumes;
    private final LocalVolumeClient localVolumes;
    private final SnapshotClient snapshots;
    private final ImageClient images;
    private final SecurityGroupClient securityGroups;
    private final SecurityRuleClient securityRules;
    private final IpClient ips;
    private final UserDataClient userData;

    public ScalewayClient(ProviderHttp http) {
        Objects.requireNonNull(http, "http");
        this.servers = new ServerClient(http);
        this.serverTypes = new ServerTypeClient(http);
        this.volumes = new VolumeClient(http);
        this.localVolumes = new LocalVolumeClient(http);
        this.snapshots = new SnapshotClient(http);
        this.images = new ImageClient(http);
        this.securityGroups = new SecurityGroupClient(http);
        this.securityRules = new SecurityRuleClient(http);
        this.ips = new IpClient(http);
        this.userData = new UserDataClient(http);
    }

    public ServerClient servers() {
        return servers;
    }

    public ServerTypeClient serverTypes() {
        return serverTypes;
    }

    /** Block Storage volumes ({@code /block/v1}). */
    public VolumeClient volumes() {
        return volumes;
    }

    /** Block Storage snapshots ({@code /block/v1}). */
    public SnapshotClient snapshots() {
        return snapshots;
    }

    /** Instance images ({@code /instance/v1}). */
    public ImageClient images() {
        return images;
    }

    /** The Instance API's local volumes (l_ssd); Block Storage volumes are {@link #volumes()}. */
    public LocalVolumeClient localVolumes() {
        return localVolumes;
    }

    public SecurityGroupClient securityGroups() {
        return securityGroups;
    }

    public SecurityRuleClient securityRules() {
        return securityRules;
    }

    /** Flexible IPs. */
    public IpClient ips() {
        return ips;
    }

    public UserDataClient userData() {
        return userData;
    }
}
