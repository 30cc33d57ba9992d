package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.openstack.compute.ComputeAction;
import io.mvinfra.openstack.compute.ServerClient;

/**
 * Server → Nova's {@code resize} to the flavor given as parameter {@code flavor} (name or id), waited for until
 * VERIFY_RESIZE; then "Confirm resize" keeps it, "Revert resize" goes back.
 */
public class ResizeServer extends OpenStackServerAction {

    public static final String FLAVOR = "flavor";

    public ResizeServer() {
        super(ComputeAction.RESIZE);
    }

    @Override
    protected String flavorRef(Map<String, Object> ctx, ServerClient servers) throws BusinessException {
        String flavor = parameter(ctx, FLAVOR);
        if (flavor == null) {
            throw new BusinessException("flavor: is required, the flavor to resize to (name or id, e.g. m1.small)");
        }
        String id = servers.flavorId(flavor);
        if (id == null) {
            throw new BusinessException("flavor: '" + flavor + "' is no flavor of this cloud");
        }
        return id;
    }
}
