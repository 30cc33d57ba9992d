package support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need a service on loopback (the real Keystone, Prism): without it they are skipped,
 * unless {@code MVINFRA_REQUIRE_SERVICES=1} (CI sets it), where they fail, so a CI run can never pass by skipping.
 */
public final class LocalServices {

    public static final String KEYSTONE_URL = "http://127.0.0.1:5000/v3";

    private LocalServices() {
    }

    /** Keystone from {@code OS_SERVICES=keystone ../shared/openstack-local/up.sh}. */
    public static void requireKeystone() {
        require(listening("127.0.0.1", 5000),
                "Keystone is not listening on 127.0.0.1:5000 (start it: sudo OS_SERVICES=keystone ../shared/openstack-local/up.sh)");
    }

    /** Keystone, Nova and Glance from {@code OS_SERVICES=nova ../shared/openstack-local/up.sh} (Nova brings Glance and Neutron). */
    public static void requireCompute() {
        requireKeystone();
        require(listening("127.0.0.1", 8774) && listening("127.0.0.1", 9292),
                "Nova (127.0.0.1:8774) or Glance (127.0.0.1:9292) is not listening (start them: sudo OS_SERVICES=nova ../shared/openstack-local/up.sh)");
    }

    /** Keystone, Nova and Cinder from {@code OS_SERVICES="nova cinder" ../shared/openstack-local/up.sh}. */
    public static void requireBlockStorage() {
        requireCompute();
        require(listening("127.0.0.1", 8776),
                "Cinder (127.0.0.1:8776) is not listening (start it: sudo OS_SERVICES=\"nova cinder\" ../shared/openstack-local/up.sh)");
    }

    /** Skips the test, or fails it when services are required, with {@code why}. */
    public static void require(boolean available, String why) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv("MVINFRA_REQUIRE_SERVICES"))) {
            throw new AssertionError(why + " and MVINFRA_REQUIRE_SERVICES=1");
        }
        Assumptions.abort(why);
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
