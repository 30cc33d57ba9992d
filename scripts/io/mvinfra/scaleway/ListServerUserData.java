package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerUserData;

import io.mvinfra.scaleway.userdata.UserDataClient;
import io.mvinfra.scaleway.userdata.UserDataMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * Server → "List user data": every key the server has at Scaleway, with its value, as ServerUserData entities (one
 * per key); nothing changes unless every value arrived, and a key gone from the server is marked, not deleted.
 */
public class ListServerUserData extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String label = "Server " + server.getInstanceName();
        String id = requireProviderSideId(label, server.getProviderSideId(), "press 'List servers' or create it first");
        At at = at("Server", label, server.getProvider(), server.getZone());
        UserDataClient userData = at.scaleway().userData();
        List<UserDataClient.Value> values = new ArrayList<>();
        for (String key : userData.keys(at.zone(), id)) {
            values.add(userData.value(at.zone(), id, key));
        }
        Server reference = new Server(server.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(ServerUserData::getName, UserDataClient.Value::key)
                .create(item -> {
                    ServerUserData data = new ServerUserData();
                    data.setServer(reference);
                    return data;
                })
                .copy((data, value) -> UserDataMapper.copy(data, value, at.zone()))
                .markMissing(UserDataMapper::markMissing)
                .run(findAll(ServerUserData.class, "server", server.getUuid()), values, this::save);
        message(ctx, "User data of server %s: %s", server.getInstanceName(), outcome.summary());
    }
}
