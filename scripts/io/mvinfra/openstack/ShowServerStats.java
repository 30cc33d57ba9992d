package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.openstack.compute.CycladesStats;

/** Server → "Statistics" (Synnefo Cyclades): where the server's CPU and network graphs are; nothing is stored. */
public class ShowServerStats extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "press 'List servers' or create it first");
        CycladesStats stats = openstack(server).servers().stats(id);
        message(ctx, "%s: CPU %s (over time %s); network %s (over time %s); refreshed every %s s", name, stats.cpuBar(),
                stats.cpuTimeSeries(), stats.netBar(), stats.netTimeSeries(), stats.refresh());
    }
}
