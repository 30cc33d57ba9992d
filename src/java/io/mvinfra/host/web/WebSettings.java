package io.mvinfra.host.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How the web admin runs. Login is required unless the server listens on loopback only: there, only
 * someone already on the machine can reach it.
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

    static boolean isLoopback(String bind) {
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
