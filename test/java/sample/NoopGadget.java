package sample;

import java.util.Map;

import org.meveo.service.script.Script;

/** Test button that does nothing: what is left of a press is the host's own overhead. */
public class NoopGadget extends Script {
    @Override
    public void execute(Map<String, Object> ctx) {
        ctx.put(RESULT_GUI_MESSAGE, "nothing done");
    }
}
