package io.mvinfra.scaleway;

import java.util.Objects;

import io.mvinfra.http.ProviderHttp;
import io.mvinfra.scaleway.ips.IpClient;
import io.mvinfra.scaleway.products.ServerTypeClient;
import io.mvinfra.scaleway.securitygroups.SecurityGroupClient;
import io.mvinfra.scaleway.securitygroups.SecurityRuleClient;
import io.mvinfra.scaleway.servers.ServerClient;
import io.mvinfra.scaleway.userdata.UserDataClient;

/**
 * The Scaleway APIs as mv-infra uses them, one part per resource, all signed and limited by one {@link ProviderHttp}
 * at {@link ScalewayDialect#PUBLIC_API} (or a stand-in). Reads answer at once; changes answer a {@code ProviderCall},
 * sent or only described (a dry run).
 */
public final class ScalewayClient {

    private final ServerClient servers;
    private final ServerTypeClient serverTypes;
    private final SecurityGroupClient securityGroups;
    private final SecurityRuleClient securityRules;
    private final IpClient ips;
    private final UserDataClient userData;

    public ScalewayClient(ProviderHttp http) {
        Objects.requireNonNull(http, "http");
        this.servers = new ServerClient(http);
        this.serverTypes = new ServerTypeClient(http);
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
