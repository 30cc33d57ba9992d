package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server → Nova's {@code os-start}, waited for until the server is ACTIVE. */
public class StartServer extends OpenStackServerAction {

    public StartServer() {
        super(ComputeAction.START);
    }
}
