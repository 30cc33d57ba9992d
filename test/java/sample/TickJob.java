package sample;

import java.util.Map;

import org.meveo.service.script.Script;

/** Test job: reports one tick per run. */
public class TickJob extends Script {
    @Override
    public void execute(Map<String, Object> ctx) {
        ctx.put(JOB_RESULT_NB_OK, Long.valueOf(ctx.getOrDefault("step", "1").toString()));
        ctx.put(JOB_RESULT_REPORT, "tick by " + ctx.get(CONTEXT_CURRENT_USER));
    }
}
