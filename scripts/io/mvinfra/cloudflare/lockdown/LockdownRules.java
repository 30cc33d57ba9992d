package io.mvinfra.cloudflare.lockdown;

import java.util.List;

import org.meveo.model.customEntities.LockdownRule;

/** How the lockdown buttons name a rule to the operator. */
public final class LockdownRules {

    private LockdownRules() {
    }

    /** Its description, or else its first URL: {@code 'Admin from the office'}, {@code shop.example.com/admin* (+2)}. */
    public static String label(LockdownRule rule) {
        if (rule.getDescription() != null && !rule.getDescription().isBlank()) {
            return "'" + rule.getDescription().strip() + "'";
        }
        List<String> urls = rule.getUrls() == null ? List.of() : rule.getUrls();
        if (urls.isEmpty()) {
            return rule.getUuid();
        }
        return urls.get(0) + (urls.size() > 1 ? " (+" + (urls.size() - 1) + ")" : "");
    }
}
