package io.mvinfra.host.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.mvinfra.host.runtime.HostException;

/**
 * OpenStack accounts from where the openstack CLI keeps them: {@code clouds.yaml} (merged with its
 * {@code secure.yaml}, looked up in the working directory, ~/.config/openstack, /etc/openstack) and the
 * {@code OS_*} variables of an openrc file.
 */
final class OpenStackSources {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenStackSources() {
    }

    static List<ImportedAccount> fromCloudsYaml(Path file, String onlyCloud) {
        JsonNode clouds = read(file).path("clouds");
        Path secure = file.resolveSibling("secure.yaml");
        if (Files.isRegularFile(secure)) {
            merge((ObjectNode) clouds, read(secure).path("clouds"));
        }
        if (onlyCloud != null && !clouds.has(onlyCloud)) {
            throw new HostException(HostException.Kind.BAD_INPUT, file + " has no cloud " + onlyCloud);
        }
        List<ImportedAccount> out = new ArrayList<>();
        for (Iterator<String> names = clouds.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (onlyCloud == null || onlyCloud.equals(name)) {
                JsonNode cloud = clouds.get(name);
                JsonNode auth = cloud.path("auth");
                Map<String, String> values = new LinkedHashMap<>();
                auth.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
                values.put("auth_type", cloud.path("auth_type").asText(values.getOrDefault("auth_type", "")));
                values.put("region_name", cloud.path("region_name").asText(""));
                out.add(account("openstack-" + name, values, "clouds.yaml cloud " + name + " (" + file + ")"));
            }
        }
        return out;
    }

    static List<ImportedAccount> fromEnvironment(Map<String, String> env) {
        if (env.get("OS_AUTH_URL") == null) {
            return List.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("OS_")) {
                values.put(k.substring(3).toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        String name = env.getOrDefault("OS_CLOUD", values.getOrDefault("project_name", "env"));
        return List.of(account("openstack-" + name, values, "OS_* variables"));
    }

    private static ImportedAccount account(String code, Map<String, String> v, String origin) {
        String authUrl = v.get("auth_url");
        if (authUrl == null || authUrl.isBlank()) {
            throw new HostException(HostException.Kind.BAD_INPUT, origin + ": auth_url is missing");
        }
        boolean appCredential = v.getOrDefault("auth_type", "").replace("-", "").toLowerCase(java.util.Locale.ROOT).contains("applicationcredential")
                || notBlank(v.get("application_credential_id"));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("domainName", host(authUrl));
        credential.put("region", v.get("region_name"));
        if (appCredential) {
            credential.put("authenticationType", "OPENSTACK_APPLICATION_CREDENTIAL");
            credential.put("applicationCredentialId", v.get("application_credential_id"));
            credential.put("applicationCredentialSecret", v.get("application_credential_secret"));
        } else {
            credential.put("authenticationType", "OPENSTACK_PASSWORD");
            credential.put("username", v.get("username"));
            credential.put("password", v.get("password"));
            credential.put("userDomain", first(v.get("user_domain_name"), v.get("user_domain_id"), "Default"));
            credential.put("projectId", first(v.get("project_id"), v.get("tenant_id")));
            credential.put("projectName", first(v.get("project_name"), v.get("tenant_name")));
            credential.put("projectDomain", first(v.get("project_domain_name"), v.get("project_domain_id"), "Default"));
        }
        credential.values().removeIf(x -> x == null || x.toString().isBlank());
        Map<String, Object> provider = new LinkedHashMap<>();
        if (notBlank(v.get("region_name"))) {
            provider.put("zones", List.of(v.get("region_name")));
        }
        return new ImportedAccount(code, "OPENSTACK", authUrl, provider, credential, origin);
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new HostException(HostException.Kind.BAD_INPUT, file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    static String host(String url) {
        try {
            String host = java.net.URI.create(url.trim()).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String first(String... values) {
        for (String v : values) {
            if (notBlank(v)) {
                return v;
            }
        }
        return null;
    }

    static boolean notBlank(String v) {
        return v != null && !v.isBlank();
    }
}
