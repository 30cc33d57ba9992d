package io.mvinfra.openstack;

import io.mvinfra.openstack.compute.ComputeAction;

/** Server in VERIFY_RESIZE → Nova's {@code confirmResize}: the new flavor kept, waited for until ACTIVE. */
public class ConfirmServerResize extends OpenStackServerAction {

    public ConfirmServerResize() {
        super(ComputeAction.CONFIRM_RESIZE);
    }
}
