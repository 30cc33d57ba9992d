package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.scaleway.ips.ScalewayIp;

/**
 * PublicIp → "Release at Scaleway": the IP given back (Scaleway stops billing it and may give the address to someone
 * else), then the entity removed; refused while a server uses it, which would lose its address without warning.
 */
public class ReleasePublicIp extends PublicIpButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        PublicIp ip = entity(ctx, PublicIp.class);
        String label = label(ip);
        String id = requireProviderSideId(label, ip.getProviderSideId(), "delete the entity itself");
        At at = at("PublicIp", label, ip.getProvider(), ip.getZone());
        ScalewayIp current = null;
        try {
            current = at.scaleway().ips().get(at.zone(), id);
        } catch (ProviderException e) {
            if (!isGone(e)) {
                throw e;
            }
        }
        if (current != null && current.server() != null) {
            throw new BusinessException(label + " is attached to " + current.server().name() + ": detach it first");
        }
        ProviderCall<String> release = at.scaleway().ips().release(at.zone(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, release);
            return;
        }
        String outcome = current == null ? "was already gone from Scaleway" : sendDelete(release);
        remove(ip.getUuid(), PublicIp.class);
        message(ctx, "%s released (%s, id %s) and removed here", label, outcome, id);
    }
}
