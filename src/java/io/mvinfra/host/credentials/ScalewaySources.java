package io.mvinfra.host.credentials;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.host.runtime.HostException;

/**
 * Scaleway accounts from where the scw CLI and SDKs keep them: {@code SCW_*} variables and the scw config
 * file ({@code $SCW_CONFIG_PATH}, else ~/.config/scw/config.yaml), its active profile or a named one.
 */
final class ScalewaySources {
    static final String PUBLIC_API = "https://api.scaleway.com";

    private ScalewaySources() {
    }

    static List<ImportedAccount> fromEnvironment(Map<String, String> env) {
        if (env.get("SCW_SECRET_KEY") == null) {
            return List.of();
        }
        return List.of(account("scaleway-env", env.get("SCW_ACCESS_KEY"), env.get("SCW_SECRET_KEY"), env.get("SCW_DEFAULT_PROJECT_ID"),
                env.get("SCW_DEFAULT_ORGANIZATION_ID"), env.get("SCW_DEFAULT_ZONE"), env.get("SCW_API_URL"), "SCW_* variables"));
    }

    static List<ImportedAccount> fromConfig(Path file, String profile) {
        JsonNode root = OpenStackSources.read(file);
        String chosen = profile != null ? profile : root.path("active_profile").asText(null);
        JsonNode values = root;
        if (chosen != null && !chosen.equals("default")) {
            values = root.path("profiles").path(chosen);
            if (values.isMissingNode()) {
                throw new HostException(HostException.Kind.BAD_INPUT, file + " has no profile " + chosen);
            }
        }
        String secret = text(values, root, "secret_key");
        if (secret == null || secret.isBlank()) {
            return List.of();
        }
        String name = chosen == null ? "default" : chosen;
        return List.of(account("scaleway-" + name, text(values, root, "access_key"), text(values, root, "secret_key"),
                text(values, root, "default_project_id"), text(values, root, "default_organization_id"), text(values, root, "default_zone"),
                text(values, root, "api_url"), "scw config profile " + name + " (" + file + ")"));
    }

    /** A profile's value, else the file's top-level default, as the scw CLI resolves them. */
    private static String text(JsonNode profile, JsonNode root, String key) {
        String v = profile.path(key).asText(null);
        return v != null ? v : root.path(key).asText(null);
    }

    private static ImportedAccount account(String code, String accessKey, String secretKey, String projectId, String organization, String zone,
                                           String apiUrl, String origin) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("domainName", OpenStackSources.host(apiUrl == null ? PUBLIC_API : apiUrl));
        credential.put("authenticationType", "SCALEWAY_SECRET_KEY");
        credential.put("accessKey", accessKey);
        credential.put("apiKey", secretKey);
        credential.put("projectId", projectId);
        credential.put("defaultZone", zone);
        credential.values().removeIf(x -> x == null || x.toString().isBlank());
        Map<String, Object> provider = new LinkedHashMap<>();
        if (OpenStackSources.notBlank(organization)) {
            provider.put("organization", organization);
        }
        if (OpenStackSources.notBlank(zone)) {
            provider.put("zones", List.of(zone));
        }
        return new ImportedAccount(code, "SCALEWAY", apiUrl, provider, credential, origin);
    }
}
