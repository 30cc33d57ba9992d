package io.mvinfra.host.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How the web admin runs. Login is required unless the server listens on loopback only: there, only
 * someone already on the machine can reach it. "Loopback" is the three names the README gives and nothing
 * else: another 127.x address is usually chosen to be forwarded somewhere (a container's published port, an
 * SSH or proxy listener), and any other name is resolved twice, here and again by the server's bind, so its
 * answer could change in between (DNS, a Debian hostname on 127.0.1.1 that later gets a real address).
 */
public record WebSettings(String bind, int port, boolean loginRequired, String localUser, Duration sessionIdle, Duration sessionMax,
                          Duration userRecheck, int pressThreads) {

    /**
     * Sessions end after 2 idle hours or 12 in all, and within a minute of their user's removal or password
     * change. Eight presses or job runs at a time.
     */
    public static WebSettings forBind(String bind, int port) {
        return new WebSettings(bind, port, !isLoopback(bind), System.getProperty("user.name", "local"), Duration.ofHours(2),
                Duration.ofHours(12), Duration.ofMinutes(1), 8);
    }

    public WebSettings withUserRecheck(Duration every) {
        return new WebSettings(bind, port, loginRequired, localUser, sessionIdle, sessionMax, every, pressThreads);
    }

    private static final Set<String> LOOPBACK_BINDS = Set.of("127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost");

    static boolean isLoopback(String bind) {
        if (!LOOPBACK_BINDS.contains(bind.trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bind)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address " + bind + ": " + e.getMessage());
        }
    }
}
