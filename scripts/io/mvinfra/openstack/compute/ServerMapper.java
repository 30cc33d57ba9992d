package io.mvinfra.openstack.compute;

import java.util.Map;
import java.util.Objects;

import org.meveo.model.customEntities.Server;

import io.mvinfra.sync.FieldChanges;

/** A Nova server written into its Server entity; says whether anything changed, so a list writes only what differs. */
public final class ServerMapper {

    private ServerMapper() {
    }

    public static boolean copy(Server server, NovaServer answer) {
        return new FieldChanges()
                .set(server.getProviderSideId(), answer.id(), server::setProviderSideId)
                .set(server.getInstanceName(), answer.name(), server::setInstanceName)
                .set(server.getStatus(), answer.status(), server::setStatus)
                .set(server.getServerType(), answer.flavorName(), server::setServerType)
                .set(server.getKeyName(), answer.keyName(), server::setKeyName)
                .text(server.getPrivateIp(), answer.fixedIp(), server::setPrivateIp)
                .text(server.getProject(), answer.tenantId(), server::setProject)
                .change(!Objects.equals(orEmpty(server.getMetadata()), answer.metadata()), () -> server.setMetadata(answer.metadata()))
                .set(server.getCreationDate(), answer.created(), server::setCreationDate)
                .set(server.getLastUpdate(), answer.updated(), server::setLastUpdate)
                .set(server.getMissingAtProvider(), Boolean.FALSE, server::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(Server server) {
        return FieldChanges.markMissing(server.getMissingAtProvider(), server::setMissingAtProvider);
    }

    private static Map<String, String> orEmpty(Map<String, String> metadata) {
        return metadata == null ? Map.of() : metadata;
    }
}
