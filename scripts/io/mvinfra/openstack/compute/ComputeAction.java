package io.mvinfra.openstack.compute;

import java.util.Map;
import java.util.Optional;

/**
 * The server actions of {@code POST /servers/{id}/action}, each with the status it leads to. Nova records the task
 * (powering-off, rebooting, resize_prep…) before it answers, so a server seen at rest in the status it started from
 * has not done the action; confirming a resize starts no task, so there the start status is only "not yet".
 */
public enum ComputeAction {
    START("os-start", "ACTIVE", true),
    STOP("os-stop", "SHUTOFF", true),
    SOFT_REBOOT("reboot", "ACTIVE", false),
    HARD_REBOOT("reboot", "ACTIVE", false),
    RESIZE("resize", "VERIFY_RESIZE", true),
    CONFIRM_RESIZE("confirmResize", "ACTIVE", false),
    REVERT_RESIZE("revertResize", "ACTIVE", false);

    private final String key;
    private final String wantedStatus;
    private final boolean startStatusMeansFailed;

    ComputeAction(String key, String wantedStatus, boolean startStatusMeansFailed) {
        this.key = key;
        this.wantedStatus = wantedStatus;
        this.startStatusMeansFailed = startStatusMeansFailed;
    }

    /** How a ServerAction names it at Cyclades: {@code start}, {@code shutdown}; the others as at Nova. */
    public String code(boolean cyclades) {
        if (cyclades && this == START) {
            return "start";
        }
        if (cyclades && this == STOP) {
            return "shutdown";
        }
        return code();
    }

    /** Cyclades says STOPPED where Nova says SHUTOFF. */
    public String wantedStatus(boolean cyclades) {
        return cyclades && this == STOP ? "STOPPED" : wantedStatus;
    }

    /**
     * Where the action may end: confirming or reverting the resize of a server stopped before it leaves it SHUTOFF
     * (Nova keeps the power state it had), of a running one ACTIVE; every other action has its one status.
     */
    public String[] endStatuses(boolean cyclades) {
        return this == CONFIRM_RESIZE || this == REVERT_RESIZE ? new String[] {"ACTIVE", "SHUTOFF"}
                : new String[] {wantedStatus(cyclades)};
    }

    public Optional<String> failedIfBackTo(String startStatus, boolean cyclades) {
        return startStatusMeansFailed && !startStatus.equals(wantedStatus(cyclades)) ? Optional.of(startStatus) : Optional.empty();
    }

    /** Whether Cyclades has the action: it resizes, but has no confirm or revert. */
    public boolean atCyclades() {
        return this != CONFIRM_RESIZE && this != REVERT_RESIZE;
    }

    /** How a ServerAction names it: {@code os-stop}, {@code reboot_soft}, {@code resize}. */
    public String code() {
        return switch (this) {
            case SOFT_REBOOT -> "reboot_soft";
            case HARD_REBOOT -> "reboot_hard";
            default -> key;
        };
    }

    public String wantedStatus() {
        return wantedStatus;
    }

    /** The status that, seen at rest after the call, says the action did not happen; empty when it only means not yet. */
    public Optional<String> failedIfBackTo(String startStatus) {
        return startStatusMeansFailed && !startStatus.equals(wantedStatus) ? Optional.of(startStatus) : Optional.empty();
    }

    /** The action's body; {@code flavorRef} only for a resize. */
    Map<String, Object> body(String flavorRef, boolean cyclades) {
        if (cyclades && this == START) {
            return Map.of("start", Map.of());
        }
        if (cyclades && this == STOP) {
            return Map.of("shutdown", Map.of());
        }
        return body(flavorRef);
    }

    Map<String, Object> body(String flavorRef) {
        return switch (this) {
            case SOFT_REBOOT -> Map.of(key, Map.of("type", "SOFT"));
            case HARD_REBOOT -> Map.of(key, Map.of("type", "HARD"));
            case RESIZE -> Map.of(key, Map.of("flavorRef", flavorRef));
            default -> Map.of(key, Map.of());
        };
    }
}
