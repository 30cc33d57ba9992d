package io.mvinfra.openstack;

import java.util.Map;
import java.util.regex.Pattern;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerMapper;

/**
 * Server → "Reassign to project" (Synnefo Cyclades): the {@code reassign} action, parameter {@code project} (the
 * project's uuid), waited for until the server reports that project; the Server's {@code project} then holds it.
 * Recorded as a ServerAction.
 */
public class ReassignServer extends OpenStackButton {

    public static final String PROJECT = "project";
    /** Synnefo's project ids are uuids (Astakos); anything else would be Cyclades' 400 after the fact. */
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}");

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "press 'List servers' or create it first");
        String project = parameter(ctx, PROJECT);
        if (project == null) {
            throw new BusinessException(PROJECT + ": is required: the uuid of the project to count the server against");
        }
        if (!UUID.matcher(project).matches()) {
            throw new BusinessException(PROJECT + ": '" + project + "' is not a project uuid");
        }
        if (project.equals(server.getProject())) {
            throw new BusinessException(name + " is in project " + project + " already");
        }
        ServerClient servers = openstack(server).servers();
        ProviderCall<String> call = servers.reassign(id, project);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        NovaServer after = recorded(ctx, server, "reassign", action -> {
            call.send();
            action.sent(null, "reassign to project " + project + " accepted by Cyclades");
            NovaServer seen = states(servers).awaitSeen(id, NovaServer::tenantId, project, name, looks(action));
            action.succeeded("in project " + project);
            return seen;
        });
        ServerMapper.copy(server, after);
        save(server);
        message(ctx, "%s: reassigned to project %s", name, project);
    }
}
