package io.mvinfra.buttons;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerAction;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.Redactor;

/**
 * A press that acts on a server and waits for it, whichever the provider: recorded as a ServerAction from the
 * moment it is sent (action, start, progress, end, elapsed, outcome, the provider's answer with its secrets masked),
 * each step saved durably so that a failure half-way, or a press that never returns, still leaves the record of
 * what was asked of the provider and how far it got.
 * <pre>{@code
 * Tracked action = track(ctx, server, "poweroff");
 * try {
 *     action.sent(task.id(), answer);
 *     … StateWait….onProgress(p -> action.progress(p.state() + " after " + p.elapsed().toSeconds() + " s")).await();
 *     action.succeeded("stopped");
 * } catch (ProviderException | BusinessException e) {
 *     action.failed(e);
 *     throw e;
 * }
 * }</pre>
 */
public abstract class ServerActionButton extends ProviderButton {

    /** The longest answer kept on a ServerAction: enough to read a provider's error, not a whole server listing. */
    static final int RESPONSE_MAX_CHARS = 8_000;

    protected ServerActionButton(String providerName) {
        super(providerName);
    }

    /** Starts the record of {@code action} on {@code server}, saved at once as running. */
    protected Tracked track(Map<String, Object> ctx, Server server, String action) throws BusinessException {
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
        record.setUuid(saveDurably(record));
        return new Tracked(ctx, record, now, (server.getInstanceName() == null ? server.getUuid() : server.getInstanceName()) + ": " + action);
    }

    /** One server action being carried out; every call is saved durably and said as the press's progress. */
    public final class Tracked {
        private final Map<String, Object> ctx;
        private final ServerAction record;
        private final Instant started;
        private final String label;

        private Tracked(Map<String, Object> ctx, ServerAction record, Instant started, String label) {
            this.ctx = ctx;
            this.record = record;
            this.started = started;
            this.label = label;
        }

        /** The provider took the action: its id for it (a task), and its answer. */
        public void sent(String providerSideId, String answer) throws BusinessException {
            ServerAction changes = changes();
            changes.setProviderSideId(providerSideId);
            changes.setResponse(masked(answer));
            changes.setResponseStatus("accepted");
            saveDurably(changes);
            ServerActionButton.this.progress(ctx, label + ": accepted by the provider");
        }

        /** How far it got: the state seen, in words, and a rough percentage when the provider gives one. */
        public void progress(String state, Long percent) {
            ServerAction changes = changes();
            changes.setResponseStatus(state);
            if (percent != null) {
                changes.setProgress(Math.max(0, Math.min(100, percent)));
            }
            try {
                saveDurably(changes);
            } catch (BusinessException e) {
                // progress is worth showing, not worth failing the action for
            }
            ServerActionButton.this.progress(ctx, label + ": " + state);
        }

        public void succeeded(String finalState) throws BusinessException {
            end("success", finalState, 100L);
        }

        /** Records the failure (the provider's words, masked) and lets the caller rethrow it. */
        public void failed(Exception cause) {
            try {
                ServerAction changes = endChanges("failure", null);
                changes.setResponse(masked(cause.getMessage()));
                saveDurably(changes);
            } catch (BusinessException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        private void end(String outcome, String state, Long percent) throws BusinessException {
            ServerAction changes = endChanges(outcome, percent);
            changes.setResponseStatus(state);
            saveDurably(changes);
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
            return new ServerAction(record.getUuid());
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
