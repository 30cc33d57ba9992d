package io.mvinfra.openstack.compute;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.http.TimeSource;

/**
 * Waits for a Nova server to get where an action leads, polling the server: a status reached with no task running
 * ({@code SHUTOFF}, not {@code ACTIVE/powering-off}), or its absence after a delete. A server going {@code ERROR}
 * ends the wait at once with the fault Nova recorded.
 */
public final class ServerStates {

    /** How long a press waits: a boot on a busy cloud can take minutes; a resize copies disks. */
    public static final Duration DEADLINE = Duration.ofMinutes(15);
    static final String GONE = "gone";
    static final String AT_REST = "at rest";

    private final ServerClient servers;
    private final TimeSource time;
    private final String service;

    public ServerStates(ServerClient servers, TimeSource time, String service) {
        this.servers = servers;
        this.time = time;
        this.service = service;
    }

    /**
     * Waits until the server is in {@code wanted} with no task running, and answers it as it then is.
     *
     * @param failedIf a status that, seen at rest, says the action did not happen (null: none)
     * @param name     the server as messages name it
     */
    public NovaServer await(String id, String wanted, String failedIf, String name, Consumer<StateWait.Progress<String>> progress) {
        return await(id, new String[] {wanted}, failedIf, name, progress);
    }

    /** As {@link #await(String, String, String, String, Consumer)}, ending at whichever of {@code wanted} comes. */
    public NovaServer await(String id, String[] wanted, String failedIf, String name, Consumer<StateWait.Progress<String>> progress) {
        NovaServer[] last = new NovaServer[1];
        StateWait.of(service, name, time, () -> {
                    last[0] = notInError(servers.get(id), name);
                    return last[0].state();
                })
                .until(wanted)
                .failingOn(failedIf == null ? new String[0] : new String[] {failedIf})
                .within(DEADLINE)
                .onProgress(progress)
                .await();
        return last[0];
    }

    /**
     * Waits until {@code look} at the server (a NIC's firewall profile, its project) says {@code wanted} and no task
     * runs on it, and answers the server as it then is. What a look says is its state, so progress shows it.
     */
    public NovaServer awaitSeen(String id, Function<NovaServer, String> look, String wanted, String name,
                                Consumer<StateWait.Progress<String>> progress) {
        NovaServer[] last = new NovaServer[1];
        StateWait.of(service, name, time, () -> {
                    last[0] = notInError(servers.get(id), name);
                    String seen = String.valueOf(look.apply(last[0]));
                    String task = last[0].taskState();
                    return task == null || task.isBlank() ? seen : seen + "/" + task;
                })
                .until(wanted)
                .within(DEADLINE)
                .onProgress(progress)
                .await();
        return last[0];
    }

    /**
     * Waits until no task runs on the server, whatever its status (after a createImage: Nova clears
     * {@code image_uploading} once the upload is done), and answers it as it then is.
     */
    public NovaServer awaitNoTask(String id, String name, Consumer<StateWait.Progress<String>> progress) {
        NovaServer[] last = new NovaServer[1];
        StateWait.of(service, name, time, () -> {
                    last[0] = notInError(servers.get(id), name);
                    String task = last[0].taskState();
                    return task == null || task.isBlank() ? AT_REST : last[0].state();
                })
                .until(AT_REST)
                .within(DEADLINE)
                .onProgress(progress)
                .await();
        return last[0];
    }

    /** Waits until Nova no longer has the server (404, or listed as DELETED to an admin). */
    public void awaitGone(String id, String name, Consumer<StateWait.Progress<String>> progress) {
        StateWait.of(service, name, time, () -> {
                    try {
                        NovaServer server = servers.get(id);
                        return "DELETED".equals(server.status()) ? GONE : notInError(server, name).state();
                    } catch (ProviderException e) {
                        if (e.is(ProviderException.Kind.NOT_FOUND)) {
                            return GONE;
                        }
                        throw e;
                    }
                })
                .until(GONE)
                .within(DEADLINE)
                .onProgress(progress)
                .await();
    }

    private NovaServer notInError(NovaServer server, String name) {
        if ("ERROR".equals(server.status())) {
            String fault = server.faultMessage();
            throw ProviderException.withoutAnswer(service, ProviderException.Kind.CONFLICT,
                    name + " went ERROR" + (fault == null ? " (Nova recorded no fault)" : ": " + fault), null);
        }
        return server;
    }
}
