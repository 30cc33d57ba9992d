package io.mvinfra.host.credentials;

import java.util.Map;

/**
 * One provider account found in the ecosystem's own places: the ServiceProvider and Credential fields it
 * becomes. {@code origin} says where it was found ("clouds.yaml cloud ovh", "SCW_* variables"), never a secret.
 */
public record ImportedAccount(String providerCode, String kind, String apiBaseUrl, Map<String, Object> providerFields,
                              Map<String, Object> credentialFields, String origin) {

    public ImportedAccount {
        providerFields = Map.copyOf(providerFields);
        credentialFields = Map.copyOf(credentialFields);
    }

    @Override
    public String toString() {
        return "ImportedAccount[" + providerCode + " " + kind + " from " + origin + "]";
    }
}
