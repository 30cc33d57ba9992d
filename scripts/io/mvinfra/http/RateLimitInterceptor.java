package io.mvinfra.http;

import java.io.IOException;
import java.time.Duration;

import okhttp3.Interceptor;
import okhttp3.Response;

/** Each attempt, retries and the re-send after a token renewal included, waits for its credential's turn. */
public final class RateLimitInterceptor implements Interceptor {

    private final RateLimiter limiter;
    private final Duration maxWait;
    private final String provider;

    public RateLimitInterceptor(RateLimiter limiter, Duration maxWait, String provider) {
        this.limiter = limiter;
        this.maxWait = maxWait;
        this.provider = provider;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        limiter.acquire(provider, maxWait);
        return chain.proceed(chain.request());
    }
}
