package io.mvinfra.http;

import java.io.IOException;
import java.io.InterruptedIOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads each answer's body whole inside the retry loop (just below {@link RetryInterceptor}): a connection that breaks
 * in the middle of a body is then a failed attempt the retry sees, and an idempotent request is sent again, rather
 * than a failure after the call has returned, which nothing retried. Answers a caller streams (a download, tagged
 * {@link Answer#STREAMED}) pass as they came.
 */
public final class WholeAnswerInterceptor implements Interceptor {

    /** Tags a request whose answer its caller reads as a stream, never held in memory. */
    public enum Answer { STREAMED }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (request.tag(Answer.class) == Answer.STREAMED || response.body() == null) {
            return response;
        }
        try (ResponseBody body = response.body()) {
            byte[] bytes;
            try {
                bytes = body.bytes();
            } catch (InterruptedIOException timedOut) {
                throw timedOut;   // a read or whole-call timeout says so itself
            } catch (IOException broken) {
                throw new BrokenAnswerException(response.code(), broken);
            }
            return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
        }
    }

    /** The request got through and its answer began (a status line came), then the connection broke. */
    static final class BrokenAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenAnswerException(int status, IOException cause) {
            super("the answer (HTTP " + status + ") broke off: " + cause, cause);
        }
    }
}
