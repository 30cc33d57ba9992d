package io.mvinfra.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends again, after a wait, a request that is safe to repeat (GET, PUT, DELETE, or marked
 * {@link RetryPolicy.Resend#SAFE}) when the answer was transient (429, 502, 503, 504, a 413 with a positive
 * Retry-After) or none came. Anything else goes through once: a create is recovered by {@link ProviderRequest#create},
 * which looks before re-sending.
 * Outermost of the interceptors, so every attempt is signed, limited and logged afresh.
 */
public final class RetryInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);

    private final RetryPolicy policy;
    private final TimeSource time;
    private final String provider;

    public RetryInterceptor(RetryPolicy policy, TimeSource time, String provider) {
        this.policy = policy;
        this.time = time;
        this.provider = provider;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!policy.maySendAgain(request)) {
            return chain.proceed(request);
        }
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException failure) {
                Optional<Duration> wait = chain.call().isCanceled() ? Optional.empty() : policy.delayAfter(attempt, failure);
                if (wait.isEmpty()) {
                    throw failure;
                }
                log.warn("{} {} {}: no answer ({}); attempt {} of {} in {} ms", provider, request.method(),
                        request.url().encodedPath(), failure.toString(), attempt + 1, policy.maxAttempts(), wait.get().toMillis());
                time.pause(wait.get(), "waiting to retry");
                continue;
            }
            Optional<Duration> wait = policy.delayAfter(attempt, response.code(), response.header("Retry-After"));
            if (wait.isEmpty()) {
                return response;
            }
            log.warn("{} {} {} answered {}; attempt {} of {} in {} ms", provider, request.method(),
                    request.url().encodedPath(), response.code(), attempt + 1, policy.maxAttempts(), wait.get().toMillis());
            response.close();
            time.pause(wait.get(), "waiting to retry");
        }
    }
}
