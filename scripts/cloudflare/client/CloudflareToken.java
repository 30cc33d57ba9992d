package cloudflare.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code GET /user/tokens/verify} says of the token that signed it; never the token itself.
 *
 * @param status    {@code active}, {@code disabled} or {@code expired}
 * @param expiresOn null when the token does not expire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudflareToken(String id, String status, Instant notBefore, Instant expiresOn) {

    public boolean isActive() {
        return "active".equals(status);
    }
}
