package io.mvinfra.scaleway.servers;

import org.meveo.model.customEntities.Server;

import io.mvinfra.sync.FieldChanges;

/** A Scaleway server written into its Server entity; says whether anything changed, so a list writes only what differs. */
public final class ServerMapper {

    private ServerMapper() {
    }

    public static boolean copy(Server server, ScalewayServer answer) {
        return new FieldChanges()
                .set(server.getProviderSideId(), answer.id(), server::setProviderSideId)
                .set(server.getInstanceName(), answer.name(), server::setInstanceName)
                .set(server.getZone(), answer.zone(), server::setZone)
                .set(server.getServerType(), answer.commercialType(), server::setServerType)
                .set(server.getStatus(), answer.state(), server::setStatus)
                .set(server.getArch(), answer.arch(), server::setArch)
                .list(server.getAllowedActions(), answer.allowedActions(), server::setAllowedActions)
                .list(server.getTags(), answer.tags(), server::setTags)
                .set(server.getIsProtected(), answer.isProtected(), server::setIsProtected)
                .set(server.getDynamicIpRequired(), answer.dynamicIpRequired(), server::setDynamicIpRequired)
                .set(server.getEnableIPvSix(), answer.enableIpv6(), server::setEnableIPvSix)
                .text(server.getProject(), answer.project(), server::setProject)
                .text(server.getOrganization(), answer.organization(), server::setOrganization)
                .text(server.getPrivateIp(), answer.privateIp(), server::setPrivateIp)
                .set(server.getCreationDate(), answer.creationDate(), server::setCreationDate)
                .set(server.getLastUpdate(), answer.modificationDate(), server::setLastUpdate)
                .set(server.getMissingAtProvider(), Boolean.FALSE, server::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(Server server) {
        return FieldChanges.markMissing(server.getMissingAtProvider(), server::setMissingAtProvider);
    }
}
