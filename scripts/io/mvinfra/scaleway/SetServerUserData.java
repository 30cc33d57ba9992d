package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServerUserData;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.userdata.UserDataClient;
import io.mvinfra.scaleway.userdata.UserDataMapper;
import io.mvinfra.scaleway.userdata.UserDataRequests;

/**
 * ServerUserData → "Set on server": the key's value added or replaced on the server, sent as {@code text/plain} as
 * the API requires. A server reads it from its metadata service (cloud-init at first boot).
 */
public class SetServerUserData extends UserDataButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerUserData data = entity(ctx, ServerUserData.class);
        String key = UserDataRequests.set(data);
        OnServer server = server(data);
        ProviderCall<String> set = server.at().scaleway().userData().set(server.at().zone(), server.id(), key, data.getContent());
        if (dryRun(ctx)) {
            describeDryRun(ctx, set);
            return;
        }
        set.send();
        UserDataMapper.copy(data, new UserDataClient.Value(key, data.getContent(), UserDataClient.TEXT_PLAIN.toString()), server.at().zone());
        save(data);
        message(ctx, "User data %s set on server %s (%d characters, text/plain)", key, server.name(), data.getContent().length());
    }
}
