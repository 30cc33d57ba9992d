package sample;

import java.util.Map;

import org.meveo.service.script.Script;

/** Test button: a bug in a script (an unchecked exception). */
public class CrashingGadget extends Script {
    @Override
    public void execute(Map<String, Object> ctx) {
        throw new IllegalStateException("boom");
    }
}
