package io.mvinfra.scaleway;

import java.util.List;

/** Server → Scaleway's {@code poweron} ({@link PowerOnServer}). */
class PowerOnServerTest extends PowerButtonTest {

    @Override
    String button() {
        return "turnServerOn";
    }

    @Override
    String action() {
        return "poweron";
    }

    @Override
    List<String> goodRun() {
        return List.of("stopped", "starting", "starting", "running");
    }

    @Override
    String fallBack() {
        return "stopped";
    }
}
