package io.mvinfra.host.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a restart logs everyone out, which is acceptable for an admin page and
 * keeps session ids out of the database. Each session carries its own CSRF token.
 */
public final class Sessions {

    /** {@code passwordStamp} is when the user's password last changed: a later change ends the session. */
    public record Session(String id, String user, String csrfToken, Instant createdAt, Instant passwordStamp) {
        @Override
        public String toString() {
            return "Session[" + user + ", since " + createdAt + "]";
        }
    }

    private static final class Entry {
        final Session session;
        volatile Instant lastSeen;
        volatile Instant lastVerified;

        Entry(Session session, Instant now) {
            this.session = session;
            this.lastSeen = now;
            this.lastVerified = now;
        }
    }

    /** A tool that never keeps its cookie opens a session per call: past this many, the least recently used go. */
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idle;
    private final Duration max;
    private final Clock clock;

    public Sessions(Duration idle, Duration max, Clock clock) {
        this.idle = idle;
        this.max = max;
        this.clock = clock;
    }

    public Session open(String user, Instant passwordStamp) {
        Instant now = clock.instant();
        purgeExpired(now);
        Session session = new Session(token(), user, token(), now, passwordStamp);
        byId.put(session.id(), new Entry(session, now));
        return session;
    }

    /** The live session with this id, touched; an expired one is dropped. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry entry = byId.get(id);
        Instant now = clock.instant();
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        entry.lastSeen = now;
        return Optional.of(entry.session);
    }

    /** True once per {@code every} for a session: time to check its user still exists unchanged. */
    boolean dueForCheck(Session session, Duration every) {
        Entry entry = byId.get(session.id());
        Instant now = clock.instant();
        if (entry == null || entry.lastVerified.plus(every).isAfter(now)) {
            return false;
        }
        entry.lastVerified = now;
        return true;
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.lastSeen.plus(idle).isBefore(now) || entry.session.createdAt().plus(max).isBefore(now);
    }

    private void purgeExpired(Instant now) {
        byId.values().removeIf(e -> expired(e, now));
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().stream().sorted(Comparator.comparing((Entry e) -> e.lastSeen)).limit(byId.size() - MAX_SESSIONS + 1L)
                    .toList().forEach(e -> byId.remove(e.session.id()));
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
