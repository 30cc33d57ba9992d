package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ProviderButton;
import io.mvinfra.buttons.ServerActionLog;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerStates;

/** What every OpenStack button shares besides {@link ProviderButton}: the client of an OPENSTACK or OVH provider. */
public abstract class OpenStackButton extends ProviderButton {

    /** The kinds this client serves: any OpenStack cloud, OVH Public Cloud, and Synnefo Cyclades (compute only). */
    static final List<String> KINDS = List.of("OPENSTACK", "OVH", "CYCLADES");

    protected OpenStackButton() {
        super("OpenStack");
    }

    protected OpenStackClient openstack(ServiceProvider provider) throws BusinessException {
        if (!KINDS.contains(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind()
                    + ", not " + String.join(" or ", KINDS));
        }
        return new OpenStackClient(access(provider, provider.getKind()));
    }

    /** The client of the server's provider. */
    protected OpenStackClient openstack(Server server) throws BusinessException {
        return openstack(resolve(server.getProvider(), ServiceProvider.class, name(server) + ": provider"));
    }

    /** How messages name a server: {@code Server dev-web-1}. */
    protected static String name(Server server) {
        String instance = server.getInstanceName();
        return "Server " + (instance == null || instance.isBlank() ? server.getUuid() : instance);
    }

    /** What a recorded press does at Nova, given its ServerAction record to report to. */
    protected interface Recorded<T> {
        T run(ServerActionLog.Tracked action) throws BusinessException;
    }

    /**
     * Runs {@code work} as the ServerAction {@code what} on {@code server}: saved at once, each step durably, and a
     * failure recorded before it goes to the operator.
     */
    protected <T> T recorded(Map<String, Object> ctx, Server server, String what, Recorded<T> work) throws BusinessException {
        ServerActionLog.Tracked action = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, what);
        try {
            return work.run(action);
        } catch (ProviderException | BusinessException e) {
            action.failed(e);
            throw e;
        }
    }

    /** Waits on Nova's servers with the layer's clock. */
    protected static ServerStates states(ServerClient servers) {
        return new ServerStates(servers, HttpRuntime.shared().time(), servers.isCyclades() ? "cyclades" : "nova");
    }

    /** Each look of a wait, as the ServerAction's progress: {@code ACTIVE/powering-off after 4 s}. */
    protected static Consumer<StateWait.Progress<String>> looks(ServerActionLog.Tracked action) {
        return p -> action.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null);
    }
}
