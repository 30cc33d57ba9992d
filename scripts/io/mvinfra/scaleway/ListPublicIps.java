package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.scaleway.ips.IpMapper;
import io.mvinfra.scaleway.ips.ScalewayIp;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List public IPs": every flexible IP of every zone of the provider, as PublicIp entities pointing
 * to the Server each is attached to; nothing changes unless every zone's list arrived whole.
 */
public class ListPublicIps extends PublicIpButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<ScalewayIp> listed = new ArrayList<>();
        for (String zone : zones) {
            listed.addAll(scaleway.ips().list(zone));
        }
        Map<String, String> servers = serverUuids(provider);
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(PublicIp::getProviderSideId, ScalewayIp::id)
                .create(item -> {
                    PublicIp ip = new PublicIp();
                    ip.setProvider(reference);
                    return ip;
                })
                .copy((ip, item) -> IpMapper.copy(ip, item, servers))
                .markMissing(IpMapper::markMissing)
                .run(inZones(findAll(PublicIp.class, "provider", provider.getUuid()), PublicIp::getZone, zones), listed, this::save);
        message(ctx, "Public IPs of %s in %s: %s", provider.getCode(), String.join(", ", zones), outcome.summary());
    }
}
