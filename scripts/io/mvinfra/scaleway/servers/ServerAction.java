package io.mvinfra.scaleway.servers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The power actions of {@code POST …/servers/{id}/action}, with the state each leads to and the states that say it
 * will not get there: what a press waits for, and when it may stop waiting.
 */
public enum ServerAction {
    POWERON("poweron", "running", Set.of("locked")),
    POWEROFF("poweroff", "stopped", Set.of("locked", "starting")),
    REBOOT("reboot", "running", Set.of("locked", "stopped")),
    STOP_IN_PLACE("stop_in_place", "stopped in place", Set.of("locked", "starting")),
    /** Ends with the server gone (404), not in a state. */
    TERMINATE("terminate", null, Set.of("locked")),
    /** An image of every volume; the server stays as it is. */
    BACKUP("backup", null, Set.of());

    private final String code;
    private final String wanted;
    private final Set<String> contradicting;

    ServerAction(String code, String wanted, Set<String> contradicting) {
        this.code = code;
        this.wanted = wanted;
        this.contradicting = contradicting;
    }

    /** As the API names it: {@code poweron}, {@code stop_in_place}. */
    public String code() {
        return code;
    }

    /** The state the server reaches when the action is done, or empty when it is not a state to wait for. */
    public Optional<String> wantedState() {
        return Optional.ofNullable(wanted);
    }

    /**
     * States that say the action will not get where it should: a locked server, a server starting while it should
     * stop. Falling back to the state it started from, after it moved, says so too (the caller checks that).
     */
    public Set<String> contradictingStates() {
        return contradicting;
    }

    public static Optional<ServerAction> of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return List.of(values()).stream().filter(a -> a.code.equals(wanted)).findFirst();
    }
}
