package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

/**
 * ServiceProvider or the Bootscript list → "List bootscripts". Scaleway retired bootscripts: servers boot their
 * image's own kernel ({@code boot_type} local), and the API's bootscript routes answer 404. So this button asks nothing
 * and changes nothing (Bootscript entities already here stay as they are); it says why, rather than fail with a raw 404.
 */
public class ListBootscripts extends ScalewayButton {

    static final String RETIRED = "Scaleway retired bootscripts: servers now boot the kernel of their own image (boot type"
            + " local), so there is nothing to list; nothing was asked of Scaleway and nothing changed here";

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        message(ctx, RETIRED);
    }
}
