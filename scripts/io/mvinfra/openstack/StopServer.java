package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server → Nova's {@code os-stop}, waited for until the server is SHUTOFF; a second stop is Nova's 409, said as Nova says it. */
public class StopServer extends OpenStackServerAction {

    public StopServer() {
        super(ComputeAction.STOP);
    }
}
