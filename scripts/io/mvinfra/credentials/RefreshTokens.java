package io.mvinfra.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.storage.ModuleScript;
import io.mvinfra.http.HttpRuntime;

/**
 * The scheduled token-refresh job: renews OpenStack tokens that expire within {@code renewWithinMinutes},
 * checks every other provider credential, and marks each VALID, EXPIRING or INVALID with the reason. One
 * credential failing never stops the others; the counts and a line per credential go to the job report.
 */
public class RefreshTokens extends ModuleScript {
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    @Override
    protected void run(Map<String, Object> ctx) throws BusinessException {
        Duration renewWithin = Duration.ofMinutes(number(ctx, "renewWithinMinutes", 15));
        Duration expiringWithin = Duration.ofDays(number(ctx, "expiringWithinDays", CredentialCheck.DEFAULT_EXPIRING_WITHIN.toDays()));
        HttpRuntime runtime = HttpRuntime.shared();
        CredentialCheck checks = new CredentialCheck(runtime, expiringWithin);
        long ok = 0;
        long ko = 0;
        long warnings = 0;
        List<String> report = new ArrayList<>();
        for (Credential credential : storage().find(repository(), Credential.class).getResults()) {
            String label = CheckToken.label(credential);
            if (!CredentialCheck.checkable(credential)) {
                continue;
            }
            try {
                List<ServiceProvider> users = findAll(ServiceProvider.class, "credential", credential.getUuid());
                CheckResult result = checks.check(credential, users.isEmpty() ? null : users.get(0), expiresWithin(credential, runtime.time().now(), renewWithin));
                saveDurably(result.changes(credential.getUuid()));   // one credential's outcome survives a later one's crash
                String line = label + ": " + (result.conclusive() ? result.status() : "not checked") + " (" + result.reason() + ")";
                report.add(line);
                log.info("token refresh: {}", line);
                if (CheckResult.VALID.equals(result.status())) {
                    ok++;
                } else if (CheckResult.INVALID.equals(result.status())) {
                    ko++;
                } else {
                    warnings++;
                }
            } catch (BusinessException | RuntimeException e) {
                ko++;
                report.add(label + ": failed (" + e.getMessage() + ")");
                log.warn("token refresh: {} failed: {}", label, e.getMessage());
            }
        }
        ctx.put(JOB_RESULT_NB_OK, ok);
        ctx.put(JOB_RESULT_NB_KO, ko);
        ctx.put(JOB_RESULT_NB_WARN, warnings);
        ctx.put(JOB_RESULT_SUMMARY, ok + " valid, " + warnings + " expiring or unchecked, " + ko + " invalid");
        ctx.put(JOB_RESULT_REPORT, String.join("\n", report));
    }

    /** OpenStack tokens are renewed ahead of time; other kinds have no token of ours to renew. */
    private static boolean expiresWithin(Credential credential, Instant now, Duration margin) {
        return credential.getToken() == null || credential.getTokenExpiry() == null || credential.getTokenExpiry().isBefore(now.plus(margin));
    }

    private static long number(Map<String, Object> ctx, String name, long fallback) throws BusinessException {
        Object value = ctx.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new BusinessException("job variable " + name + " must be a whole number, is '" + value + "'");
        }
    }
}
