package io.mvinfra.scaleway;

import java.util.List;

/** Server → Scaleway's {@code reboot} ({@link RebootServer}). */
class RebootServerTest extends PowerButtonTest {

    @Override
    String button() {
        return "rebootServer";
    }

    @Override
    String action() {
        return "reboot";
    }

    @Override
    List<String> goodRun() {
        return List.of("running", "stopping", "stopping", "running");
    }

    @Override
    String fallBack() {
        return "stopped";
    }
}
