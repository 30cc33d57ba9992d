package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerMapper;
import io.mvinfra.sync.NameFilter;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List servers": every server of the credential's project (every page of {@code /servers/detail})
 * that passes the provider's name filter, as Server entities matched by Nova's id; nothing changes unless the whole
 * list arrived. A Server whose create answer was lost is linked by its uuid, which the create left in the metadata.
 */
public class ListOpenStackServers extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<NovaServer> listed = openstack(provider).servers().list();
        List<String> filter = provider.getServerNameFilter();
        List<NovaServer> kept = listed.stream().filter(s -> NameFilter.passes(s.name(), filter)).toList();
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Server::getProviderSideId, NovaServer::id)
                .naturalKey(Server::getUuid, item -> item.metadata().get(ServerClient.ENTITY_KEY))
                .create(item -> {
                    Server server = new Server();
                    server.setProvider(reference);
                    return server;
                })
                .copy(ServerMapper::copy)
                .markMissing(ServerMapper::markMissing)
                .run(findAll(Server.class, "provider", provider.getUuid()).stream()
                        .filter(s -> NameFilter.passes(s.getInstanceName(), filter)).toList(), kept, this::save);
        int outside = listed.size() - kept.size();
        message(ctx, "Servers of %s: %s%s", provider.getCode(), outcome.summary(),
                outside == 0 ? "" : "; " + outside + " outside the name filter, not stored");
    }
}
