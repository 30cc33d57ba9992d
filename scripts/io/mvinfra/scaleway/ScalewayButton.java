package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;

/**
 * What every Scaleway button shares: the client of a SCALEWAY ServiceProvider signed with its credential, the
 * provider's zones, and Scaleway's refusals told to the operator in Scaleway's words.
 */
public abstract class ScalewayButton extends ButtonScript {

    /** The zones Scaleway's Instance and Block Storage APIs serve. */
    public static final List<String> ZONES = List.of("fr-par-1", "fr-par-2", "fr-par-3", "nl-ams-1", "nl-ams-2", "nl-ams-3",
            "pl-waw-1", "pl-waw-2", "pl-waw-3");

    @Override
    public final void execute(Map<String, Object> ctx) throws BusinessException {
        try {
            press(ctx);
        } catch (ProviderException e) {
            throw refusal(e);
        }
    }

    protected abstract void press(Map<String, Object> ctx) throws BusinessException;

    protected ScalewayClient scaleway(ServiceProvider provider) throws BusinessException {
        if (!ScalewayProfile.KIND.equals(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind()
                    + ", not " + ScalewayProfile.KIND);
        }
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        return new ScalewayClient(ProviderAccess.of(provider, credential, HttpRuntime.shared()).http(new ScalewayDialect()));
    }

    /** The provider's zones, each one Scaleway serves; none configured is an error naming the field. */
    protected static List<String> zones(ServiceProvider provider) throws BusinessException {
        List<String> zones = provider.getZones() == null ? List.of()
                : provider.getZones().stream().filter(z -> z != null && !z.isBlank()).map(String::strip).toList();
        if (zones.isEmpty()) {
            throw new BusinessException("ServiceProvider.zones: is empty; give the Scaleway zones to work in, e.g. fr-par-1");
        }
        List<String> unknown = zones.stream().filter(z -> !ZONES.contains(z)).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessException("ServiceProvider.zones: " + String.join(", ", unknown) + " is not a Scaleway zone ("
                    + String.join(", ", ZONES) + ")");
        }
        return zones;
    }
}
