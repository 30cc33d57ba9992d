package io.mvinfra.scaleway;

import io.mvinfra.scaleway.servers.ServerAction;

/** Server → Scaleway's {@code reboot}, waited for until the server reaches its state. */
public class RebootServer extends ScalewayServerAction {

    public RebootServer() {
        super(ServerAction.REBOOT);
    }
}
