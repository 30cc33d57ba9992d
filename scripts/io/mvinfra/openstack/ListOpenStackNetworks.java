package io.mvinfra.openstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServerNetwork;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.openstack.network.NetworkClient;
import io.mvinfra.openstack.network.NetworkMapper;
import io.mvinfra.openstack.network.NeutronNetwork;
import io.mvinfra.openstack.network.NeutronSubnet;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List networks": every Neutron network the credential's project sees (its own, shared and
 * external ones), each with its subnets' ids and CIDRs, as ServerNetwork entities matched by Neutron's id; nothing
 * changes unless both lists arrived whole.
 */
public class ListOpenStackNetworks extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        NetworkClient neutron = openstack(provider).networks();
        List<NeutronNetwork> listed = neutron.networks();
        List<NeutronSubnet> subnets = neutron.subnets();
        Map<String, String> cidrs = new HashMap<>();
        subnets.forEach(s -> cidrs.put(s.id(), s.cidr()));
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(ServerNetwork::getProviderSideId, NeutronNetwork::id)
                .create(item -> {
                    ServerNetwork network = new ServerNetwork();
                    network.setProvider(reference);
                    return network;
                })
                .copy((network, item) -> NetworkMapper.copy(network, item, cidrs))
                .markMissing(NetworkMapper::markMissing)
                .run(findAll(ServerNetwork.class, "provider", provider.getUuid()), listed, this::save);
        message(ctx, "Networks of %s (%d subnets): %s", provider.getCode(), subnets.size(), outcome.summary());
    }
}
