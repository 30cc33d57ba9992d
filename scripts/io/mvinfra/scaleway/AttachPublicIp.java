package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.ips.IpMapper;
import io.mvinfra.scaleway.ips.ScalewayIp;
import io.mvinfra.scaleway.servers.ScalewayServer;

/**
 * PublicIp → "Attach to server": the IP attached to the server its {@code server} field names. The server's current
 * public address is replaced: whatever reached the server on it no longer does, and its open connections are cut.
 * The message says which address that was.
 */
public class AttachPublicIp extends PublicIpButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        PublicIp ip = entity(ctx, PublicIp.class);
        String label = label(ip);
        String id = requireProviderSideId(label, ip.getProviderSideId(), "reserve it first");
        if (ip.getServer() == null) {
            throw new BusinessException("PublicIp.server: is empty; choose the server to attach " + label + " to");
        }
        Server server = resolve(ip.getServer(), Server.class, "PublicIp.server");
        String serverLabel = "Server " + server.getInstanceName();
        String serverId = requireProviderSideId(serverLabel, server.getProviderSideId(), "create it first");
        At at = at("PublicIp", label, ip.getProvider(), ip.getZone());
        if (server.getZone() != null && !server.getZone().equals(at.zone())) {
            throw new BusinessException("PublicIp.server: " + server.getInstanceName() + " is in " + server.getZone() + ", " + label
                    + " in " + at.zone() + ": an IP attaches to a server of its own zone");
        }
        ScalewayServer current = current(() -> at.scaleway().servers().get(at.zone(), serverId), serverLabel, serverId,
                "press 'List servers' on its provider");
        ScalewayServer.Ip replaced = current.publicIp();
        if (replaced != null && id.equals(replaced.id())) {
            message(ctx, "%s%s is attached to %s already: nothing to send", dryRun(ctx) ? "Dry run: " : "", label, current.name());
            return;
        }
        String warning = replaced == null ? current.name() + " had no public address"
                : "it replaces " + replaced.address() + ", which no longer reaches " + current.name() + "; connections to it are cut";
        ProviderCall<ScalewayIp> attach = at.scaleway().ips().attach(at.zone(), id, serverId);
        if (dryRun(ctx)) {
            message(ctx, "Dry run: %s (%s)", attach.describe(), warning);
            return;
        }
        ScalewayIp attached = attach.send();
        IpMapper.copy(ip, attached, Map.of(serverId, server.getUuid()));
        save(ip);
        message(ctx, "Public IP %s attached to %s: %s", attached.label(), current.name(), warning);
    }
}
