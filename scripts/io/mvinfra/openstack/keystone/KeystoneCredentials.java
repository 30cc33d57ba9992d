package io.mvinfra.openstack.keystone;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What Keystone v3 accepts to issue a token: a user's password with a project scope, or an application credential. */
public sealed interface KeystoneCredentials {

    /** The {@code auth} object of {@code POST /v3/auth/tokens}. */
    Map<String, Object> authRequest();

    /** The secret values, scrubbed from anything written down. */
    Set<String> secrets();

    /** Everything a token is asked with, secrets included: only ever hashed, to tell one session from another. */
    default String fingerprintMaterial() {
        return authRequest().toString();
    }

    /**
     * A user, found by name in its domain, with a password; the token is scoped to a project, since an unscoped
     * token carries no service catalog.
     */
    record Password(String userName, String userDomain, String password, ProjectScope scope) implements KeystoneCredentials {

        public Password {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(userDomain, "userDomain");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public Map<String, Object> authRequest() {
            return Map.of(
                    "identity", Map.of(
                            "methods", List.of("password"),
                            "password", Map.of("user", Map.of(
                                    "name", userName,
                                    "domain", Map.of("name", userDomain),
                                    "password", password))),
                    "scope", Map.of("project", scope.asRequest()));
        }

        @Override
        public Set<String> secrets() {
            return Set.of(password);
        }

        @Override
        public String toString() {
            return "Password[user " + userName + " in " + userDomain + ", password ██, " + scope + "]";
        }
    }

    /**
     * An application credential: bound to the project it was made in, so it takes no scope (Keystone refuses one:
     * "Application credentials cannot request a scope").
     */
    record ApplicationCredential(String id, String secret) implements KeystoneCredentials {

        public ApplicationCredential {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public Map<String, Object> authRequest() {
            return Map.of("identity", Map.of(
                    "methods", List.of("application_credential"),
                    "application_credential", Map.of("id", id, "secret", secret)));
        }

        @Override
        public Set<String> secrets() {
            return Set.of(secret);
        }

        @Override
        public String toString() {
            return "ApplicationCredential[" + id + ", secret ██]";
        }
    }

    /** A project by id, or by name within its domain. */
    record ProjectScope(String id, String name, String domainName) {

        public static ProjectScope byId(String id) {
            return new ProjectScope(Objects.requireNonNull(id, "id"), null, null);
        }

        public static ProjectScope byName(String name, String domainName) {
            return new ProjectScope(null, Objects.requireNonNull(name, "name"), Objects.requireNonNull(domainName, "domainName"));
        }

        Map<String, Object> asRequest() {
            return id != null ? Map.of("id", id) : Map.of("name", name, "domain", Map.of("name", domainName));
        }

        @Override
        public String toString() {
            return id != null ? "project " + id : "project " + name + " in " + domainName;
        }
    }
}
