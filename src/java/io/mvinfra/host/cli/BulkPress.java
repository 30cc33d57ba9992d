package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;

/**
 * {@code action run <Cet> <code> --where f=v… | --all}: the button pressed on every matching entity, {@code parallel} at
 * a time, each press on its own transaction and audited on its own. The provider's rate limit is the HTTP layer's, per
 * credential, so parallel presses wait their turn rather than earn a 429. A progress line on a terminal, one summary.
 */
final class BulkPress {
    private static final int PAGE = 1000;

    private final Host host;
    private final String cet;
    private final String action;
    private final Map<String, Object> parameters;
    private final String user;
    private final int parallel;

    private record Pressed(String uuid, PressResult result) {
    }

    BulkPress(Host host, String cet, String action, Map<String, Object> parameters, String user, int parallel) {
        this.host = host;
        this.cet = cet;
        this.action = action;
        this.parameters = parameters;
        this.user = user;
        this.parallel = parallel;
    }

    int run(List<String> where, PrintWriter out, PrintWriter err, boolean json, boolean terminal) {
        EntityCommand.template(host, cet);
        host.actions().action(cet, action);   // an unknown button is bad input before any press
        List<String> uuids = targets(new References(host).resolve(cet, Assignments.parse(where)));
        List<Pressed> done = new ArrayList<>(uuids.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, uuids.size())));
        try {
            CompletionService<Pressed> presses = new ExecutorCompletionService<>(pool);
            uuids.forEach(uuid -> presses.submit(() -> new Pressed(uuid, host.actions().press(new PressRequest(cet, action, uuid, user, parameters)))));
            int failed = 0;
            for (int i = 0; i < uuids.size(); i++) {
                Pressed p = presses.take().get();
                done.add(p);
                failed += p.result().succeeded() ? 0 : 1;
                if (terminal) {
                    err.print("\r… " + done.size() + "/" + uuids.size() + " pressed" + (failed > 0 ? ", " + failed + " failed" : ""));
                    err.flush();
                }
            }
            if (terminal) {
                err.println();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after " + done.size() + " of " + uuids.size() + " presses");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return report(done, out, err, json);
    }

    /** Every matching entity's uuid; the entities themselves are read a page at a time. */
    private List<String> targets(Map<String, Object> filters) {
        if (!filters.isEmpty()) {
            return host.store().findBy(cet, filters).stream().map(StoredEntity::uuid).toList();
        }
        List<String> uuids = new ArrayList<>();
        for (List<StoredEntity> page = host.store().listAfter(cet, null, PAGE); !page.isEmpty();
                page = page.size() < PAGE ? List.of() : host.store().listAfter(cet, page.get(page.size() - 1), PAGE)) {
            page.forEach(e -> uuids.add(e.uuid()));
        }
        return uuids;
    }

    private int report(List<Pressed> done, PrintWriter out, PrintWriter err, boolean json) {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        done.forEach(p -> counts.merge(p.result().outcome(), 1, Integer::sum));
        if (json) {
            Output.json(out, done.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uuid", p.uuid());
                m.put("outcome", p.result().outcome());
                m.put("message", p.result().message());
                m.put("durationMs", p.result().durationMs());
                return m;
            }).toList());
        }
        done.stream().filter(p -> !p.result().succeeded()).forEach(p -> err.println("error: " + cet + " " + p.uuid() + ": " + p.result().message()));
        String summary = action + " on " + done.size() + " " + cet + ": " + counts.getOrDefault(Outcome.SUCCESS, 0) + " succeeded"
                + (counts.containsKey(Outcome.FAILED) ? ", " + counts.get(Outcome.FAILED) + " failed" : "")
                + (counts.containsKey(Outcome.REFUSED) ? ", " + counts.get(Outcome.REFUSED) + " did not apply" : "");
        (json ? err : out).println(summary);
        return counts.keySet().stream().allMatch(o -> o == Outcome.SUCCESS) ? Main.OK : Main.FAILED;
    }
}
