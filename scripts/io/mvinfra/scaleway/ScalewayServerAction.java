package io.mvinfra.scaleway;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ServerActionButton;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ScalewayTask;
import io.mvinfra.scaleway.servers.ServerAction;
import io.mvinfra.scaleway.servers.ServerMapper;

/**
 * A Scaleway server action pressed on a Server (power on, power off, reboot, stop in place): refused unless the
 * server's {@code allowed_actions} has it now, sent, then waited for by polling the server itself (the task object is
 * deprecated) until the state the action leads to, failing fast when the server falls back to where it started after
 * moving, and at the deadline. Recorded as a ServerAction throughout; the Server then holds what Scaleway has.
 */
public abstract class ScalewayServerAction extends ServerActionButton {

    /** How long a press waits for the state: Scaleway boots most types within two minutes, large ones within ten. */
    static final Duration DEADLINE = Duration.ofMinutes(10);

    private final ServerAction action;

    protected ScalewayServerAction(ServerAction action) {
        super("Scaleway");
        this.action = action;
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = "Server " + server.getInstanceName();
        String id = requireProviderSideId(name, server.getProviderSideId(), "press 'List servers' or create it first");
        String zone = server.getZone();
        if (zone == null || zone.isBlank()) {
            throw new BusinessException("Server.zone: is empty; the zone of " + server.getInstanceName() + " is needed");
        }
        ServiceProvider provider = resolve(server.getProvider(), ServiceProvider.class, name + ": provider");
        ScalewayClient scaleway = new ScalewayClient(access(provider, ScalewayProfile.KIND).http(new ScalewayDialect()));
        ScalewayServer current = scaleway.servers().get(zone, id);
        if (!current.allows(action.code())) {
            throw new BusinessException(name + " is " + current.state() + ": Scaleway does not allow " + action.code()
                    + " now (allowed: " + (current.allowedActions().isEmpty() ? "none" : String.join(", ", current.allowedActions())) + ")");
        }
        ProviderCall<ScalewayTask> call = scaleway.servers().action(zone, id, action, null);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        Tracked tracked = track(ctx, server, action.code());
        String reached;
        try {
            ScalewayTask task = call.send();
            tracked.sent(task.id(), task.toString());
            reached = awaitState(scaleway, zone, id, current.state(), name, tracked);
            tracked.succeeded(reached);
        } catch (ProviderException | BusinessException e) {
            tracked.failed(e);
            throw e;
        }
        ScalewayServer after = scaleway.servers().get(zone, id);
        ServerMapper.copy(server, after);
        save(server);
        message(ctx, "%s: %s done, now %s", name, action.code(), after.state());
    }

    private String awaitState(ScalewayClient scaleway, String zone, String id, String startState, String name, Tracked tracked) {
        String wanted = action.wantedState().orElseThrow();
        Looks looks = new Looks(startState, wanted);
        return StateWait.of("scaleway", name, HttpRuntime.shared().time(), () -> looks.seen(scaleway.servers().get(zone, id).state()))
                .until(wanted)
                .failingOn(contradictions(startState))
                .within(DEADLINE)
                .onProgress(p -> tracked.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null))
                .await();
    }

    private String[] contradictions(String startState) {
        Stream<String> fixed = action.contradictingStates().stream().filter(s -> !s.equals(startState));
        return Stream.concat(fixed, Stream.of(startState + Looks.AGAIN)).toArray(String[]::new);
    }

    /**
     * What the looks at a server say, beyond its state. Right after the call a server may still show the state it
     * started from: that is not yet an answer. Once it moved, falling back there means the action failed. A reboot
     * starts and ends running; Scaleway may be quick enough that no look sees it move, so running counts after a few.
     */
    static final class Looks {
        static final String AGAIN = " again";
        static final String NOT_YET = " (not moved yet)";
        static final int LOOKS_BEFORE_TRUSTING_THE_START_STATE = 3;

        private final String start;
        private final String wanted;
        private boolean moved;
        private int count;

        Looks(String start, String wanted) {
            this.start = start;
            this.wanted = wanted;
        }

        String seen(String state) {
            count++;
            if (!state.equals(start)) {
                moved = true;
                return state;
            }
            if (!moved) {
                return state.equals(wanted) && count < LOOKS_BEFORE_TRUSTING_THE_START_STATE ? state + NOT_YET : state;
            }
            return state.equals(wanted) ? state : state + AGAIN;
        }
    }
}
