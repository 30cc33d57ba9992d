package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ServerMapper;
import io.mvinfra.sync.NameFilter;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List servers": every server of every zone of the provider that passes its name filter, as
 * Server entities; nothing changes unless every zone's list arrived whole.
 */
public class ListScalewayServers extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<ScalewayServer> listed = new ArrayList<>();
        for (String zone : zones) {
            listed.addAll(scaleway.servers().list(zone));
        }
        List<String> filter = provider.getServerNameFilter();
        List<ScalewayServer> kept = listed.stream().filter(s -> NameFilter.passes(s.name(), filter)).toList();
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Server::getProviderSideId, ScalewayServer::id)
                .naturalKey(server -> server.getZone() + " " + server.getInstanceName(), item -> item.zone() + " " + item.name())
                .create(item -> {
                    Server server = new Server();
                    server.setProvider(reference);
                    return server;
                })
                .copy(ServerMapper::copy)
                .markMissing(ServerMapper::markMissing)
                .run(inScope(findAll(Server.class, "provider", provider.getUuid()), zones, filter), kept, this::save);
        int outside = listed.size() - kept.size();
        message(ctx, "Servers of %s in %s: %s%s", provider.getCode(), String.join(", ", zones), outcome.summary(),
                outside == 0 ? "" : "; " + outside + " outside the name filter, not stored");
    }

    /**
     * The entities this list speaks for: those of the listed zones whose name passes the filter. A server of a zone
     * no longer configured, or renamed out of the filter, is neither listed nor marked missing.
     */
    private static List<Server> inScope(List<Server> servers, List<String> zones, List<String> filter) {
        return servers.stream().filter(s -> s.getZone() == null || zones.contains(s.getZone()))
                .filter(s -> NameFilter.passes(s.getInstanceName(), filter)).toList();
    }
}
