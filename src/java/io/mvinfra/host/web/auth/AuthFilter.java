package io.mvinfra.host.web.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.auth.Sessions.Session;
import io.mvinfra.host.web.auth.UserStore.User;

/**
 * Establishes who calls the API. When login is required, every API call but the login itself needs a live
 * session, and a session ends soon after its user is removed or changes password (the CLI may do that
 * while the host serves, on a shared PostgreSQL). On a loopback-only host the caller is the
 * operating-system user running it; a session is still needed to change anything (it holds the CSRF token).
 */
public final class AuthFilter implements Handler {
    private static final Set<String> PUBLIC = Set.of("GET /api/health", "GET /api/session", "POST /api/session");

    private final Sessions sessions;
    private final UserStore users;
    private final boolean loginRequired;
    private final String localUser;
    private final Duration recheckUser;

    public AuthFilter(Sessions sessions, UserStore users, boolean loginRequired, String localUser, Duration recheckUser) {
        this.sessions = sessions;
        this.users = users;
        this.loginRequired = loginRequired;
        this.localUser = localUser;
        this.recheckUser = recheckUser;
    }

    @Override
    public void handle(Context ctx) {
        Optional<Session> session = sessions.find(SessionCookie.read(ctx)).filter(s -> stillValid(s));
        session.ifPresent(s -> {
            ctx.attribute(Access.SESSION, s);
            ctx.attribute(Access.USER, s.user());
        });
        if (session.isEmpty() && !loginRequired) {
            ctx.attribute(Access.USER, localUser);
        }
        if (session.isEmpty() && loginRequired && !isPublic(ctx)) {
            throw new ApiException(401, "login required");
        }
    }

    private boolean stillValid(Session s) {
        if (!loginRequired || !sessions.dueForCheck(s, recheckUser)) {
            return true;
        }
        boolean valid = users.find(s.user()).map(User::passwordChangedAt).filter(s.passwordStamp()::equals).isPresent();
        if (!valid) {
            sessions.close(s.id());
        }
        return valid;
    }

    private static boolean isPublic(Context ctx) {
        HandlerType method = ctx.method();
        return PUBLIC.contains(method.name() + " " + ctx.path());
    }
}
