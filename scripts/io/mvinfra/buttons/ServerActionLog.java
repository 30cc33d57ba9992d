package io.mvinfra.buttons;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerAction;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.Redactor;

/**
 * The record of what a press asks of a server, whichever the provider: a ServerAction from the moment the action is
 * sent (action, start, progress, end, elapsed, outcome, the provider's answer with its secrets masked), each step
 * saved durably so that a failure half-way, or a press that never returns, still leaves the record of what was asked
 * of the provider and how far it got. A button makes one with its own durable save and progress line:
 * <pre>{@code
 * ServerActionLog.Tracked action = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, "poweroff");
 * try {
 *     action.sent(task.id(), answer);
 *     … StateWait….onProgress(p -> action.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null)).await();
 *     action.succeeded("stopped");
 * } catch (ProviderException | BusinessException e) {
 *     action.failed(e);
 *     throw e;
 * }
 * }</pre>
 */
public final class ServerActionLog {

    /** The longest answer kept on a ServerAction: enough to read a provider's error, not a whole server listing. */
    static final int RESPONSE_MAX_CHARS = 8_000;

    /** A save that commits at once ({@code ModuleScript#saveDurably}). */
    public interface DurableSave {
        String save(Object pojo) throws BusinessException;
    }

    private final DurableSave durably;
    private final Consumer<String> progress;

    public ServerActionLog(DurableSave durably, Consumer<String> progress) {
        this.durably = durably;
        this.progress = progress;
    }

    /** Starts the record of {@code action} on {@code server}, saved at once as running. */
    public Tracked track(Server server, String action) throws BusinessException {
        ServerAction record = new ServerAction();
        record.setServer(new Server(server.getUuid()));
        if (server.getProvider() != null) {
            record.setProvider(new ServiceProvider(server.getProvider().getUuid()));
        }
        record.setAction(action);
        record.setOutcome("running");
        record.setProgress(0L);
        Instant now = Instant.now();
        record.setStartedDate(now);
        record.setCreationDate(now);
        String uuid = durably.save(record);
        return new Tracked(uuid, now, (server.getInstanceName() == null ? server.getUuid() : server.getInstanceName()) + ": " + action);
    }

    /** One server action being carried out; every call is saved durably and said as the press's progress. */
    public final class Tracked {
        private final String uuid;
        private final Instant started;
        private final String label;

        private Tracked(String uuid, Instant started, String label) {
            this.uuid = uuid;
            this.started = started;
            this.label = label;
        }

        /** The provider took the action: its id for it (a task), and its answer. */
        public void sent(String providerSideId, String answer) throws BusinessException {
            ServerAction changes = changes();
            changes.setProviderSideId(providerSideId);
            changes.setResponse(masked(answer));
            changes.setResponseStatus("accepted");
            durably.save(changes);
            progress.accept(label + ": accepted by the provider");
        }

        /** How far it got: the state seen, in words, and a rough percentage when the provider gives one. */
        public void progress(String state, Long percent) {
            ServerAction changes = changes();
            changes.setResponseStatus(state);
            if (percent != null) {
                changes.setProgress(Math.max(0, Math.min(100, percent)));
            }
            try {
                durably.save(changes);
            } catch (BusinessException e) {
                // progress is worth showing, not worth failing the action for
            }
            progress.accept(label + ": " + state);
        }

        public void succeeded(String finalState) throws BusinessException {
            ServerAction changes = endChanges("success", 100L);
            changes.setResponseStatus(finalState);
            durably.save(changes);
        }

        /** Records the failure (the provider's words, masked) and lets the caller rethrow it. */
        public void failed(Exception cause) {
            try {
                ServerAction changes = endChanges("failure", null);
                changes.setResponse(masked(cause.getMessage()));
                durably.save(changes);
            } catch (BusinessException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        private ServerAction endChanges(String outcome, Long percent) {
            Instant now = Instant.now();
            ServerAction changes = changes();
            changes.setOutcome(outcome);
            changes.setEndedDate(now);
            changes.setElapsedTimeMs(Duration.between(started, now).toMillis());
            if (percent != null) {
                changes.setProgress(percent);
            }
            return changes;
        }

        private ServerAction changes() {
            return new ServerAction(uuid);
        }
    }

    /** A provider's answer as kept: secret-named fields masked, cut to {@link #RESPONSE_MAX_CHARS}. */
    static String masked(String answer) {
        if (answer == null) {
            return null;
        }
        String scrubbed = Redactor.body(answer, Set.of());
        return scrubbed.length() <= RESPONSE_MAX_CHARS ? scrubbed : scrubbed.substring(0, RESPONSE_MAX_CHARS - 1) + "…";
    }
}
