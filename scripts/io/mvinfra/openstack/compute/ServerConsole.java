package io.mvinfra.openstack.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A console a server was just given: Nova's browser URL (its token in the query: whoever has it is on the console), or
 * Cyclades' VNC endpoint with a one-time password. Every part but {@code type} is shown to the operator once and
 * kept nowhere.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerConsole(String type, String protocol, String url, String host, Integer port, String password) {

    /** What must never be written down: the URL and the password. */
    public java.util.List<String> secrets() {
        return java.util.stream.Stream.of(url, password).filter(s -> s != null && !s.isBlank()).toList();
    }
}
