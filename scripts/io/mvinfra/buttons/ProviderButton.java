package io.mvinfra.buttons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.sync.ProviderCopy;

/**
 * What every button acting at a provider shares, whichever the provider: the access to a ServiceProvider of its
 * kind, signed with its credential (a token renewed during the press written back to the Credential), the checks of
 * the provider-side id before a create, update or delete, the dry-run answer, and a delete of what is already gone.
 * The provider's refusals reach the operator in its own words through {@link io.mvinfra.storage.ModuleScript}.
 */
public abstract class ProviderButton extends ButtonScript {
    private static final Logger log = LoggerFactory.getLogger(ProviderButton.class);

    private final String providerName;
    private final List<ProviderAccess> accesses = new ArrayList<>();

    /** {@code providerName} as the operator reads it in messages: {@code Cloudflare}, {@code Scaleway}. */
    protected ProviderButton(String providerName) {
        this.providerName = providerName;
    }

    /**
     * The access to {@code provider}, which must be of {@code kind}, signed with its credential; every field it
     * needs is checked first, and a missing one named.
     */
    protected ProviderAccess access(ServiceProvider provider, String kind) throws BusinessException {
        if (!kind.equals(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind() + ", not " + kind);
        }
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        ProviderAccess access = ProviderAccess.of(provider, credential, HttpRuntime.shared());
        accesses.add(access);
        return access;
    }

    /**
     * What a provider button saves is what the provider answered (or holds now): a template that keeps a
     * {@link ProviderCopy} gets it here, so that a later local edit shows as not pushed.
     */
    @Override
    protected String save(Object pojo) throws BusinessException {
        ProviderCopy.record(pojo, providerName);
        return super.save(pojo);
    }

    /** After the press: a token a session was issued meanwhile goes to its Credential, so the next press reuses it. */
    @Override
    protected void run(Map<String, Object> ctx) throws BusinessException {
        super.run(ctx);
        for (ProviderAccess access : accesses) {
            access.credentialChanges().ifPresent(this::saveQuietly);
        }
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

    private void saveQuietly(Credential changes) {
        try {
            save(changes);
        } catch (BusinessException e) {
            // The press itself succeeded; a token not kept only costs the next press a new login.
            log.warn("renewed token not kept on Credential {}: {}",
                    changes.getUuid(), e.getMessage());
        }
    }
}
