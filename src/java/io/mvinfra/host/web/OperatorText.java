package io.mvinfra.host.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the web admin shows of a press's, a job's or an audit entry's message: the script's own sentence, cut
 * before the first technical part (a Java exception's class and text, a stack frame, a raw JSON or HTML body),
 * which goes to the host's log under a short reference the operator can quote. Only messages of presses that did
 * not succeed are cut. The stored message (audit, CLI) is unchanged; only what the page and the JSON API show is.
 */
public final class OperatorText {
    private static final Logger log = LoggerFactory.getLogger(OperatorText.class);
    private static final Pattern TECHNICAL = Pattern.compile(
            "\\binternal error\\b"
            + "|\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)\\b"
            + "|\\bat [\\w.$]+\\([\\w.]*(?::\\d+)?\\)"
            + "|\\{\\s*\"|<(?:!doctype|html|body)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)\\b");
    private static final int LOGGED_MAX = 10_000;
    private static final Map<String, Boolean> LOGGED = new ConcurrentHashMap<>();

    private OperatorText() {
    }

    /**
     * A press's message: as it is when the press succeeded (a dry run's message is the request it would send, JSON
     * body included), else as {@link #of(String, String)} has it.
     */
    public static String ofOutcome(Object outcome, String message, String where) {
        return "SUCCESS".equals(String.valueOf(outcome)) ? message : of(message, where);
    }

    /** The message as the operator sees it; {@code where} says in the log what it was (press id, audit id). */
    public static String of(String message, String where) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher m = TECHNICAL.matcher(message);
        boolean technical = m.find();
        // "internal error" only counts with a Java class after it; a script may say the words in plain text
        while (technical && m.group().equalsIgnoreCase("internal error") && !CLASS_NAME.matcher(message).find()) {
            technical = m.find();
        }
        if (!technical) {
            return message;
        }
        String reference = reference(where, message);
        if (LOGGED.size() < LOGGED_MAX && LOGGED.putIfAbsent(reference, Boolean.TRUE) == null) {
            log.warn("[ref {}] {}: {}", reference, where, message);
        }
        String head = message.substring(0, m.start()).replaceAll("[\\s:;,(\\[-]+$", "").strip();
        if (head.isEmpty() || head.regionMatches(true, 0, "internal error", 0, 14)) {
            head = "The button failed unexpectedly: a fault in the host or the module's script, not in what you entered";
        }
        return head + ". The details are in the host's log, reference " + reference + ".";
    }

    static String reference(String where, String message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((where + "\n" + message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
