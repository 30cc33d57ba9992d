package io.mvinfra.scaleway;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.ips.IpMapper;
import io.mvinfra.scaleway.ips.IpRequests;
import io.mvinfra.scaleway.ips.ReserveIpRequest;
import io.mvinfra.scaleway.ips.ScalewayIp;

/** PublicIp → "Reserve at Scaleway": a routed IPv4 address or IPv6 prefix reserved in the IP's zone, detached. */
public class ReservePublicIp extends PublicIpButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        PublicIp ip = entity(ctx, PublicIp.class);
        requireNoProviderSideId(label(ip), ip.getProviderSideId(), "it is reserved already");
        At at = at("PublicIp", label(ip), ip.getProvider(), ip.getZone());
        ReserveIpRequest request = IpRequests.reserve(ip, credentialProject(at.provider()));
        Set<String> known = findAll(PublicIp.class, "provider", at.provider().getUuid()).stream()
                .map(PublicIp::getProviderSideId).filter(id -> id != null).collect(Collectors.toSet());
        ProviderCall<ScalewayIp> reserve = at.scaleway().ips().reserve(at.zone(), request, known);
        if (dryRun(ctx)) {
            describeDryRun(ctx, reserve);
            return;
        }
        ScalewayIp reserved = reserve.send();
        IpMapper.copy(ip, reserved, Map.of());
        save(ip);
        message(ctx, "Public IP %s (%s) reserved in %s, detached (id %s)", reserved.label(), reserved.type(), at.zone(), reserved.id());
    }
}
