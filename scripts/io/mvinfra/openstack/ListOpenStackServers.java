package io.mvinfra.openstack;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        ServerClient servers = openstack(provider).servers();
        List<String> filter = provider.getServerNameFilter();
        if (servers.isCyclades()) {
            Optional<Instant> since = findAll(Server.class, "provider", provider.getUuid()).stream()
                    .map(Server::getLastUpdate).filter(Objects::nonNull).max(Comparator.naturalOrder());
            if (since.isPresent()) {
                poll(ctx, provider, servers, since.get(), filter);
                return;
            }
        }
        List<NovaServer> listed = servers.list();
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

    /**
     * Cyclades' poll: only what changed since the newest update known here ({@code changes-since}); 304 is nothing
     * changed. A server reported DELETED is marked so here, and only then: one absent from a poll is merely unchanged.
     */
    private void poll(Map<String, Object> ctx, ServiceProvider provider, ServerClient servers, Instant since, List<String> filter)
            throws BusinessException {
        Optional<List<NovaServer>> changed = servers.changedSince(since);
        if (changed.isEmpty()) {
            message(ctx, "Servers of %s: nothing changed since %s", provider.getCode(), since);
            return;
        }
        Map<String, Server> known = new HashMap<>();
        for (Server server : findAll(Server.class, "provider", provider.getUuid())) {
            if (server.getProviderSideId() != null && !server.getProviderSideId().isBlank()) {
                known.put(server.getProviderSideId(), server);
            }
        }
        int updated = 0;
        int created = 0;
        int deleted = 0;
        for (NovaServer item : changed.get()) {
            Server server = known.get(item.id());
            if ("DELETED".equals(item.status())) {
                if (server != null) {
                    Server changes = new Server(server.getUuid());
                    changes.setStatus("DELETED");
                    changes.setMissingAtProvider(Boolean.TRUE);
                    changes.setLastUpdate(item.updated());
                    save(changes);
                    deleted++;
                }
            } else if (server != null) {
                if (ServerMapper.copy(server, item)) {
                    save(server);
                    updated++;
                }
            } else if (NameFilter.passes(item.name(), filter)) {
                Server fresh = new Server();
                fresh.setProvider(new ServiceProvider(provider.getUuid()));
                ServerMapper.copy(fresh, item);
                save(fresh);
                created++;
            }
        }
        message(ctx, "Servers of %s changed since %s: %d created, %d updated, %d deleted", provider.getCode(), since,
                created, updated, deleted);
    }
}
