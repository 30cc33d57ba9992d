package io.mvinfra.scaleway;

import io.mvinfra.scaleway.servers.ServerAction;

/** Server → Scaleway's {@code stop_in_place}, waited for until the server reaches its state. */
public class StopServerInPlace extends ScalewayServerAction {

    public StopServerInPlace() {
        super(ServerAction.STOP_IN_PLACE);
    }
}
