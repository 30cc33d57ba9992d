package io.mvinfra.scaleway.volumes;

import java.util.Objects;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/**
 * The local (l_ssd) volumes of the Instance API, which Block Storage does not serve: what a server deleted with its
 * volumes leaves behind when it was stopped (Scaleway's terminate takes only a running server).
 */
public final class LocalVolumeClient {

    private final ProviderHttp http;

    public LocalVolumeClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete("instance/v1/zones/{zone}/volumes/{volume_id}", zone, id), id);
    }
}
