package io.mvinfra.http;

import java.util.Map;
import java.util.concurrent.Executor;

import okhttp3.OkHttpClient;

/**
 * Everything a {@link ProviderRequest} needs to send itself, fixed when its {@link ProviderHttp} is built and handed
 * to each request at creation, so a request never reaches back into the client that made it.
 *
 * @param client        the per-credential client: signed, limited, retried, logged
 * @param unpooled      the same client on connections never reused, for bodies that cannot be sent twice (a create
 *                      on a pooled connection the server already closed fails, and OkHttp may not replay it)
 * @param pages         where the pages after a list's first are fetched, bounded by the settings' page concurrency
 * @param headers       sent with every request of this client
 */
record Transport(OkHttpClient client, OkHttpClient unpooled, ProviderDialect dialect, Auth auth, RetryPolicy retries,
                 TimeSource time, HttpSettings settings, Map<String, String> headers, Executor pages) {

    Transport {
        headers = Map.copyOf(headers);
    }

    String provider() {
        return dialect.provider();
    }
}
