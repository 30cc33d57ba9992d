package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.ips.IpMapper;
import io.mvinfra.scaleway.ips.ScalewayIp;

/** PublicIp → "Detach from server": the IP detached, kept reserved; the server no longer answers on it. */
public class DetachPublicIp extends PublicIpButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        PublicIp ip = entity(ctx, PublicIp.class);
        String label = label(ip);
        String id = requireProviderSideId(label, ip.getProviderSideId(), "reserve it first");
        At at = at("PublicIp", label, ip.getProvider(), ip.getZone());
        ScalewayIp current = current(() -> at.scaleway().ips().get(at.zone(), id), label, id, "press 'List public IPs' on its provider");
        if (current.server() == null) {
            IpMapper.copy(ip, current, Map.of());
            if (!dryRun(ctx)) {
                save(ip);
            }
            message(ctx, "%s%s is attached to no server: nothing to send", dryRun(ctx) ? "Dry run: " : "", label);
            return;
        }
        ProviderCall<ScalewayIp> detach = at.scaleway().ips().detach(at.zone(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, detach);
            return;
        }
        ScalewayIp detached = detach.send();
        IpMapper.copy(ip, detached, Map.of());
        save(ip);
        message(ctx, "Public IP %s detached from %s: the server no longer answers on it; the IP stays reserved", detached.label(),
                current.server().name());
    }
}
