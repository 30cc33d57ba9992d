package io.mvinfra.scaleway.ips;

import java.util.Map;
import java.util.Objects;

import org.meveo.model.customEntities.PublicIp;
import org.meveo.model.customEntities.Server;

import io.mvinfra.sync.FieldChanges;

/** A Scaleway flexible IP written into its PublicIp entity; says whether anything changed. */
public final class IpMapper {

    private IpMapper() {
    }

    /**
     * @param serverUuids the Server entities here by their Scaleway id: the IP's server is one of them, or none (a
     *                    server not stored here clears the reference; {@code state} still says attached)
     */
    public static boolean copy(PublicIp ip, ScalewayIp answer, Map<String, String> serverUuids) {
        String serverUuid = answer.server() == null ? null : serverUuids.get(answer.server().id());
        String currentServer = ip.getServer() == null || ip.getServer().getUuid() == null || ip.getServer().getUuid().isEmpty()
                ? null : ip.getServer().getUuid();
        return new FieldChanges()
                .set(ip.getProviderSideId(), answer.id(), ip::setProviderSideId)
                .text(ip.getIpVFourAddress(), answer.address(), ip::setIpVFourAddress)
                .text(ip.getPrefix(), answer.prefix(), ip::setPrefix)
                .set(ip.getType(), answer.type(), ip::setType)
                .set(ip.getState(), answer.state(), ip::setState)
                .set(ip.getZone(), answer.zone(), ip::setZone)
                .text(ip.getReverse(), answer.reverse(), ip::setReverse)
                .text(ip.getProject(), answer.project(), ip::setProject)
                .text(ip.getOrganization(), answer.organization(), ip::setOrganization)
                .list(ip.getTags(), answer.tags(), ip::setTags)
                // a reference with an empty uuid clears it, as an empty text clears a text
                .change(!Objects.equals(currentServer, serverUuid), () -> ip.setServer(new Server(serverUuid == null ? "" : serverUuid)))
                .set(ip.getMissingAtProvider(), Boolean.FALSE, ip::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(PublicIp ip) {
        return FieldChanges.markMissing(ip.getMissingAtProvider(), ip::setMissingAtProvider);
    }
}
