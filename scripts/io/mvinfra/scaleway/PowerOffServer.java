package io.mvinfra.scaleway;

import io.mvinfra.scaleway.servers.ServerAction;

/** Server → Scaleway's {@code poweroff}, waited for until the server reaches its state. */
public class PowerOffServer extends ScalewayServerAction {

    public PowerOffServer() {
        super(ServerAction.POWEROFF);
    }
}
