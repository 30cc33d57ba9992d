package io.mvinfra.openstack.compute;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of Cyclades' {@code diagnostics} of a server: a log line of its build or of an action on it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CycladesDiagnostic(String level, Instant created, String source, Instant sourceDate, String message, String details) {

    /** {@code 2013-04-09T15:25:53Z DEBUG image-info: Starting customization VM... (details)} */
    public String line() {
        String text = message == null ? "" : message;
        if (details != null && !details.isBlank()) {
            text = text + " (" + details + ")";
        }
        return created + " " + level + " " + source + ": " + text;
    }
}
