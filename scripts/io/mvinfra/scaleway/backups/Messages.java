package io.mvinfra.scaleway.backups;

import java.util.List;

/** How a failed backup, restore or cleanup reads: what failed, at which step, why, and what was cleaned or is left. */
final class Messages {

    private static final int FIELD_LIMIT = 1000;

    private Messages() {
    }

    /**
     * {@code Backup of volume data-1 failed at step 'export the snapshot to Object Storage' (export): Scaleway refused
     * the request (HTTP 409, …); cleaned up: snapshot …; left at Scaleway: …}.
     */
    static String failure(String what, Step step, Exception e, List<String> cleaned, List<String> left) {
        StringBuilder text = new StringBuilder(what).append(" failed");
        if (step != null) {
            text.append(" at step '").append(step.words()).append("' (").append(step.code()).append(")");
        }
        text.append(": ").append(capitalized(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (!cleaned.isEmpty()) {
            text.append("; cleaned up: ").append(String.join(", ", cleaned));
        }
        if (!left.isEmpty()) {
            text.append("; left behind, cleaned at the next press: ").append(String.join(", ", left));
        }
        return text.toString();
    }

    static String cut(String text) {
        return text.length() <= FIELD_LIMIT ? text : text.substring(0, FIELD_LIMIT - 1) + "…";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
