package io.mvinfra.host.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.Requests;
import io.mvinfra.host.web.auth.Sessions.Session;
import io.mvinfra.host.web.auth.UserStore.User;

/**
 * {@code /api/session}: who am I and my CSRF token (GET), log in (POST), log out (DELETE). On a
 * loopback-only host, GET opens a session for the local user: there is nothing to log in to, but the
 * page still needs a CSRF token.
 */
public final class SessionController {
    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    private final Sessions sessions;
    private final UserStore users;
    private final boolean loginRequired;
    private final String localUser;
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC());

    public SessionController(Sessions sessions, UserStore users, boolean loginRequired, String localUser) {
        this.sessions = sessions;
        this.users = users;
        this.loginRequired = loginRequired;
        this.localUser = localUser;
    }

    public void routes(Javalin app) {
        app.get("/api/session", this::current);
        app.post("/api/session", this::login);
        app.delete("/api/session", this::logout);
    }

    private void current(Context ctx) {
        Optional<Session> session = Access.session(ctx);
        if (session.isEmpty() && !loginRequired) {
            Session local = sessions.open(localUser, null);
            SessionCookie.set(ctx, local.id());
            session = Optional.of(local);
        }
        ctx.json(describe(session.orElse(null)));
    }

    private void login(Context ctx) {
        if (!loginRequired) {
            throw ApiException.conflict("this host listens on loopback only: there is no login, GET /api/session gives your session");
        }
        Login login = Requests.body(ctx, Login.class);
        if (login.username() == null || login.password() == null) {
            throw ApiException.badRequest("send {\"username\": ..., \"password\": ...}");
        }
        long wait = throttle.retryAfterSeconds(login.username(), ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too many failed logins: try again in " + (wait + 59) / 60 + " min");
        }
        char[] password = login.password().toCharArray();
        Optional<User> user;
        try {
            user = users.authenticate(login.username(), password);
        } finally {
            PasswordHasher.wipe(password);
        }
        if (user.isEmpty()) {
            throttle.failed(login.username(), ctx.ip());
            log.warn("failed login for '{}' from {}", login.username(), ctx.ip());
            throw new ApiException(401, "wrong user name or password");
        }
        throttle.succeeded(login.username());
        // a fresh id at every login: a session id planted before it is worth nothing after
        Access.session(ctx).ifPresent(old -> sessions.close(old.id()));
        Session session = sessions.open(user.get().name(), user.get().passwordChangedAt());
        SessionCookie.set(ctx, session.id());
        log.info("{} logged in from {}", session.user(), ctx.ip());
        ctx.json(describe(session));
    }

    private void logout(Context ctx) {
        Access.session(ctx).ifPresent(s -> sessions.close(s.id()));
        SessionCookie.clear(ctx);
        ctx.status(204);
    }

    private Map<String, Object> describe(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loginRequired", loginRequired);
        out.put("authenticated", session != null);
        if (session != null) {
            out.put("user", session.user());
            out.put("csrfToken", session.csrfToken());
        }
        return out;
    }
}
