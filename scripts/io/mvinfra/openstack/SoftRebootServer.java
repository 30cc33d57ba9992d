package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server → Nova's {@code reboot} SOFT (the guest asked to restart), waited for until the server is ACTIVE again. */
public class SoftRebootServer extends OpenStackServerAction {

    public SoftRebootServer() {
        super(ComputeAction.SOFT_REBOOT);
    }
}
