package io.mvinfra.http;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs each attempt with the credential's current headers. On a 401, a credential that can renew itself (a
 * Keystone token) renews once and the request goes once more: a 401 means the provider did not act on it, so
 * even a create may be re-sent. A second 401 is the answer.
 */
public final class AuthInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);

    private final Auth auth;
    private final String provider;

    public AuthInterceptor(Auth auth, String provider) {
        this.auth = auth;
        this.provider = provider;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request signed = auth.authorize(chain.request());
        Response response = chain.proceed(signed);
        if (response.code() != 401) {
            return response;
        }
        boolean renewed;
        try {
            renewed = auth.renewAfterRejection(signed);
        } catch (RuntimeException renewalRefused) {
            response.close();
            throw renewalRefused;
        }
        if (!renewed) {
            return response;
        }
        response.close();
        log.info("{} refused the token for {} {}: renewed it, sending once more", provider, signed.method(),
                signed.url().encodedPath());
        return chain.proceed(auth.authorize(chain.request()));
    }
}
