package io.mvinfra.scaleway.servers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.http.TimeSource;

/**
 * Waits for a server to get where an action leads, by polling the server itself (Scaleway's task object is
 * deprecated): its state after a power action, its absence after a terminate.
 */
public final class ServerStates {

    /** How long a press waits: Scaleway boots most types within two minutes, large ones within ten. */
    public static final Duration DEADLINE = Duration.ofMinutes(10);
    /** The state a server that is gone is said to be in while waiting for it to go. */
    static final String GONE = "gone";

    private final ServerClient servers;
    private final TimeSource time;

    public ServerStates(ServerClient servers, TimeSource time) {
        this.servers = servers;
        this.time = time;
    }

    /**
     * The state {@code action} leads to, once the server is in it; fails fast on a state that rules it out, and at
     * {@link #DEADLINE} naming the last state seen.
     *
     * @param startState the server's state when the action was sent
     * @param name       the server as messages name it
     */
    public String await(String zone, String id, ServerAction action, String startState, String name, Consumer<StateWait.Progress<String>> progress) {
        String wanted = action.wantedState().orElseThrow(() -> new IllegalArgumentException(action + " leads to no state"));
        Looks looks = new Looks(startState, wanted);
        Stream<String> fixed = action.contradictingStates().stream().filter(s -> !s.equals(startState));
        return StateWait.of("scaleway", name, time, () -> looks.seen(servers.get(zone, id).state()))
                .until(wanted)
                .failingOn(Stream.concat(fixed, Stream.of(startState + Looks.AGAIN)).toArray(String[]::new))
                .within(DEADLINE)
                .onProgress(progress)
                .await();
    }

    /** Waits until the server is gone (a terminate), failing fast if it is locked. */
    public void awaitGone(String zone, String id, String name, Consumer<StateWait.Progress<String>> progress) {
        StateWait.of("scaleway", name, time, () -> stateOrGone(zone, id))
                .until(GONE)
                .failingOn("locked")
                .within(DEADLINE)
                .onProgress(progress)
                .await();
    }

    private String stateOrGone(String zone, String id) {
        try {
            return Optional.ofNullable(servers.get(zone, id).state()).orElse("unknown");
        } catch (ProviderException e) {
            if (e.is(ProviderException.Kind.NOT_FOUND)) {
                return GONE;
            }
            throw e;
        }
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
