package io.mvinfra.scaleway;

import io.mvinfra.scaleway.servers.ServerAction;

/** Server → Scaleway's {@code poweron}, waited for until the server reaches its state. */
public class PowerOnServer extends ScalewayServerAction {

    public PowerOnServer() {
        super(ServerAction.POWERON);
    }
}
