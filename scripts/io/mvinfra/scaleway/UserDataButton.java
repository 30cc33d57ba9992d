package io.mvinfra.scaleway;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerUserData;

/** What the buttons of a ServerUserData share: its server, which must be at Scaleway, and where it lives. */
public abstract class UserDataButton extends ScalewayButton {

    /** A user data's server at Scaleway: the entity, its Scaleway id, its provider and zone. */
    protected record OnServer(Server entity, String id, At at) {
        public String name() {
            return entity.getInstanceName();
        }
    }

    protected OnServer server(ServerUserData data) throws BusinessException {
        Server server = resolve(data.getServer(), Server.class, "ServerUserData.server");
        String label = "Server " + server.getInstanceName();
        String id = requireProviderSideId(label, server.getProviderSideId(), "press 'List servers' or create it first");
        return new OnServer(server, id, at("Server", label, server.getProvider(), server.getZone()));
    }
}
