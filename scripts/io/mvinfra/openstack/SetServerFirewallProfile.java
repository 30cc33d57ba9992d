package io.mvinfra.openstack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.validation.Violations;

/**
 * Server → "Firewall profile" (Synnefo Cyclades): the {@code firewallProfile} action on one of the server's NICs,
 * parameters {@code profile} ({@code ENABLED}, {@code DISABLED} or {@code PROTECTED}) and {@code nic} (the NIC's id;
 * may be left out when the server has one NIC), both checked against the server as Cyclades has it before the action
 * is sent; then waited for until the NIC shows the profile. Recorded as a ServerAction.
 */
public class SetServerFirewallProfile extends OpenStackButton {

    public static final String PROFILE = "profile";
    public static final String NIC = "nic";
    static final List<String> PROFILES = List.of("ENABLED", "DISABLED", "PROTECTED");

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "press 'List servers' or create it first");
        String profile = parameter(ctx, PROFILE) == null ? null : parameter(ctx, PROFILE).toUpperCase(Locale.ROOT);
        Violations problems = new Violations("Server");
        if (profile == null || !PROFILES.contains(profile)) {
            problems.add(PROFILE, (profile == null ? "is required" : "is '" + profile + "'") + ": one of " + String.join(", ", PROFILES));
        }
        problems.throwIfAny();
        ServerClient servers = openstack(server).servers();
        String nic = nic(servers.isCyclades() ? servers.get(id) : null, parameter(ctx, NIC));
        ProviderCall<String> call = servers.firewallProfile(id, profile, nic);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        NovaServer after = recorded(ctx, server, "firewallProfile", action -> {
            call.send();
            action.sent(null, "firewallProfile " + profile + " on NIC " + nic + " accepted by Cyclades");
            NovaServer seen = states(servers).awaitSeen(id, s -> s.attachment(nic).map(NovaServer.Attachment::firewallProfile).orElse(null),
                    profile, name + " NIC " + nic, looks(action));
            action.succeeded("NIC " + nic + " " + profile);
            return seen;
        });
        message(ctx, "%s: firewall profile of NIC %s now %s (status %s)", name, nic, profile, after.status());
    }

    /** The NIC asked for, or the server's only one; {@code current} is null where the call is refused anyway. */
    private static String nic(NovaServer current, String asked) throws BusinessException {
        if (current == null) {
            return asked == null ? "" : asked;
        }
        List<String> nics = current.attachments().stream().map(NovaServer.Attachment::id).toList();
        if (asked == null) {
            if (nics.size() == 1) {
                return nics.get(0);
            }
            throw new BusinessException(NIC + ": is required: the server has " + (nics.isEmpty() ? "no NIC" : "NICs " + String.join(", ", nics)));
        }
        if (!nics.contains(asked)) {
            throw new BusinessException(NIC + ": '" + asked + "' is no NIC of the server; it has " + (nics.isEmpty() ? "none" : String.join(", ", nics)));
        }
        return asked;
    }
}
