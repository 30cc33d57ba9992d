package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server → Nova's {@code reboot} HARD (power cycled), waited for until the server is ACTIVE again. */
public class HardRebootServer extends OpenStackServerAction {

    public HardRebootServer() {
        super(ComputeAction.HARD_REBOOT);
    }
}
