package io.mvinfra.host.web.auth;

import java.util.Optional;

import io.javalin.http.Context;
import io.mvinfra.host.web.auth.Sessions.Session;

/** Who is calling, as the auth filter established it for this request. */
public final class Access {
    static final String USER = "mvinfra.user";
    static final String SESSION = "mvinfra.session";

    private Access() {
    }

    /** The logged-in user, or on a loopback-only host the operating-system user running it. */
    public static String user(Context ctx) {
        String user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("no user on " + ctx.path() + ": the auth filter did not run");
        }
        return user;
    }

    static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
