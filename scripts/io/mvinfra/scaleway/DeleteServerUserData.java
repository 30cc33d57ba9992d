package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServerUserData;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.userdata.UserDataRequests;

/** ServerUserData → "Delete from server": the key removed from the server at Scaleway, then the entity here. */
public class DeleteServerUserData extends UserDataButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerUserData data = entity(ctx, ServerUserData.class);
        String key = UserDataRequests.delete(data);
        OnServer server = server(data);
        ProviderCall<String> delete = server.at().scaleway().userData().delete(server.at().zone(), server.id(), key);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        remove(data.getUuid(), ServerUserData.class);
        message(ctx, "User data %s of server %s %s and removed here", key, server.name(), outcome);
    }
}
