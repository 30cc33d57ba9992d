package io.mvinfra.cloudflare.zones;

import java.util.List;

import io.mvinfra.http.ProviderHttp;

/** Cloudflare's zones: the domains the credential may see. */
public final class ZoneClient {

    /** The largest page {@code GET /zones} accepts (maximum of per_page in cloudflare.yaml). */
    static final int ZONES_PER_PAGE = 50;

    private final ProviderHttp http;

    public ZoneClient(ProviderHttp http) {
        this.http = http;
    }

    /** Every zone the credential may see, in every account. */
    public List<CloudflareZone> list() {
        return http.get("zones").query("per_page", ZONES_PER_PAGE).list(CloudflareZone.class);
    }
}
