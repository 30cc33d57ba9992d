package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server in VERIFY_RESIZE → Nova's {@code revertResize}: back on the old flavor, waited for until ACTIVE. */
public class RevertServerResize extends OpenStackServerAction {

    public RevertServerResize() {
        super(ComputeAction.REVERT_RESIZE);
    }
}
