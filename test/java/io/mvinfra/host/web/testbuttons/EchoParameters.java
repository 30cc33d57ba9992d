package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.service.script.Script;

import io.mvinfra.buttons.ButtonScript;

/** Says who pressed and which extra parameters arrived, so a test can check what the web layer passed on. */
public class EchoParameters extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        message(ctx, "user=%s dryRun=%s note=%s", ctx.get(Script.CONTEXT_CURRENT_USER), ctx.get("dryRun"), ctx.get("note"));
    }
}
