package io.mvinfra.host.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloudflare accounts from the variables its tools read: an API token, or a global key with its e-mail. */
final class CloudflareSources {

    private CloudflareSources() {
    }

    static List<ImportedAccount> fromEnvironment(Map<String, String> env) {
        List<ImportedAccount> out = new ArrayList<>();
        if (OpenStackSources.notBlank(env.get("CLOUDFLARE_API_TOKEN"))) {
            Map<String, Object> credential = new LinkedHashMap<>();
            credential.put("domainName", "api.cloudflare.com");
            credential.put("authenticationType", "CLOUDFLARE_API_TOKEN");
            credential.put("token", env.get("CLOUDFLARE_API_TOKEN"));
            out.add(new ImportedAccount("cloudflare", "CLOUDFLARE", null, Map.of(), credential, "CLOUDFLARE_API_TOKEN"));
        } else if (OpenStackSources.notBlank(env.get("CLOUDFLARE_API_KEY")) && OpenStackSources.notBlank(env.get("CLOUDFLARE_EMAIL"))) {
            Map<String, Object> credential = new LinkedHashMap<>();
            credential.put("domainName", "api.cloudflare.com");
            credential.put("authenticationType", "CLOUDFLARE_GLOBAL_KEY");
            credential.put("username", env.get("CLOUDFLARE_EMAIL"));
            credential.put("apiKey", env.get("CLOUDFLARE_API_KEY"));
            out.add(new ImportedAccount("cloudflare", "CLOUDFLARE", null, Map.of(), credential, "CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY"));
        }
        return out;
    }
}
