package io.mvinfra.buttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;

/**
 * What every button acting at a provider shares, whichever the provider: the checks of the provider-side id before
 * a create, update or delete, the dry-run answer, and a delete of what is already gone. The provider's refusals
 * reach the operator in its own words through {@link io.mvinfra.storage.ModuleScript}.
 */
public abstract class ProviderButton extends ButtonScript {

    private final String providerName;

    /** {@code providerName} as the operator reads it in messages: {@code Cloudflare}, {@code Scaleway}. */
    protected ProviderButton(String providerName) {
        this.providerName = providerName;
    }

    /**
     * The id the provider gave the entity, refused when there is none:
     * {@code DNS record www.example.com is not at Cloudflare yet: create it first}.
     */
    protected String requireProviderSideId(String entityLabel, String providerSideId, String hint) throws BusinessException {
        if (providerSideId == null || providerSideId.isBlank()) {
            throw new BusinessException(entityLabel + " is not at " + providerName + " yet: " + hint);
        }
        return providerSideId;
    }

    /**
     * Refuses to create again what the provider has already:
     * {@code DNS record www.example.com exists at Cloudflare already (id 372e…): update it instead}.
     */
    protected void requireNoProviderSideId(String entityLabel, String providerSideId, String hint) throws BusinessException {
        if (providerSideId != null && !providerSideId.isBlank()) {
            throw new BusinessException(entityLabel + " exists at " + providerName + " already (id " + providerSideId + "): " + hint);
        }
    }

    /** A dry run's answer: the exact request, which was not sent. */
    protected void describeDryRun(Map<String, Object> ctx, ProviderCall<?> call) {
        message(ctx, "Dry run: %s", call.describe());
    }

    /**
     * Sends a delete, and says what became of the thing: one already gone from the provider (deleted there meanwhile)
     * is as good as deleted, so the entity can go too.
     */
    protected String sendDelete(ProviderCall<String> delete) {
        try {
            delete.send();
            return "deleted at " + providerName;
        } catch (ProviderException e) {
            if (!isGone(e)) {
                throw e;
            }
            return "was already gone from " + providerName;
        }
    }

    /** Whether a refusal says the thing is not at the provider: what NOT_FOUND means is the provider dialect's call. */
    protected boolean isGone(ProviderException e) {
        return e.is(Kind.NOT_FOUND);
    }
}
