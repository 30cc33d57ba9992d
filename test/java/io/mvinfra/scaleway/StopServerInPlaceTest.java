package io.mvinfra.scaleway;

import java.util.List;

/** Server → Scaleway's {@code stop_in_place} ({@link StopServerInPlace}). */
class StopServerInPlaceTest extends PowerButtonTest {

    @Override
    String button() {
        return "stopInPlace";
    }

    @Override
    String action() {
        return "stop_in_place";
    }

    @Override
    List<String> goodRun() {
        return List.of("running", "stopping", "stopping", "stopped in place");
    }

    @Override
    String fallBack() {
        return "running";
    }
}
