package io.mvinfra.scaleway.ips;

import java.util.List;
import java.util.Locale;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.PublicIp;

import io.mvinfra.validation.Violations;

/** A PublicIp checked, then turned into what the Instance API takes, before anything is sent; each problem names its field. */
public final class IpRequests {

    /** The kinds of flexible IP Scaleway reserves now (scaleway-sdk-go IPType); the first is the default. */
    static final List<String> TYPES = List.of("routed_ipv4", "routed_ipv6");

    private IpRequests() {
    }

    /** @param defaultProject the credential's project, where the IP goes when the entity names none (may be null) */
    public static ReserveIpRequest reserve(PublicIp ip, String defaultProject) throws BusinessException {
        Violations problems = new Violations("PublicIp");
        String type = ip.getType() == null || ip.getType().isBlank() ? TYPES.get(0) : ip.getType().strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            problems.add("type", "must be routed_ipv4 or routed_ipv6, is " + ip.getType());
        }
        String project = ip.getProject() != null && !ip.getProject().isBlank() ? ip.getProject().strip() : defaultProject;
        if (project == null) {
            problems.add("project", "is empty and the provider's credential has no projectId: Scaleway reserves an IP in a project");
        }
        if (ip.getServer() != null) {
            problems.add("server", "is set: reserve the IP first, then attach it with 'Attach to server'");
        }
        problems.throwIfAny();
        List<String> tags = ip.getTags() == null ? List.of() : ip.getTags().stream().filter(t -> t != null && !t.isBlank()).toList();
        return new ReserveIpRequest(project, tags.isEmpty() ? null : tags, type);
    }
}
