package support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The contract check every provider's buttons get: what they sent to WireMock (which answered as the provider would),
 * replayed byte for byte, with its credential, to Prism mocking the provider's own OpenAPI document in validation
 * mode; each request the document does not accept is listed.
 */
public final class ContractReplay {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Prism prism;
    private final List<String> headers;

    /** @param headers the request headers to carry over: the credential's, {@code Content-Type}, {@code Accept} */
    public ContractReplay(Prism prism, List<String> headers) {
        this.prism = prism;
        this.headers = List.copyOf(headers);
    }

    /** Everything the stub was sent since its requests were last reset. */
    public static List<LoggedRequest> sentTo(WireMockServer stub) {
        return stub.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    /** Each request Prism refused, with its answer: empty when the document accepts them all. */
    public List<String> refused(List<LoggedRequest> sent) throws IOException, InterruptedException {
        List<String> refused = new ArrayList<>();
        for (LoggedRequest request : sent) {
            HttpResponse<String> answer = replay(request);
            if (answer.statusCode() >= 300) {
                refused.add(request.getMethod() + " " + request.getUrl() + " " + request.getBodyAsString() + " -> "
                        + answer.statusCode() + " " + answer.body());
            }
        }
        return refused;
    }

    /** How many requests of each kind were sent: method and path, ids ({@code idPattern}) as {@code {id}}. */
    public static Map<String, Integer> kinds(List<LoggedRequest> sent, String idPattern) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (LoggedRequest request : sent) {
            kinds.merge(request.getMethod().value() + " " + request.getUrl().replaceAll("[?].*", "").replaceAll(idPattern, "{id}"), 1, Integer::sum);
        }
        return kinds;
    }

    /** The recorded request to Prism: same method, path, query, body and the headers named. */
    public HttpResponse<String> replay(LoggedRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(prism.baseUrl() + request.getUrl().substring(1)));
        for (String name : headers) {
            if (request.containsHeader(name)) {
                builder.header(name, request.getHeader(name));
            }
        }
        String body = request.getBodyAsString();
        builder.method(request.getMethod().value(), body == null || body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        return CLIENT.send(builder.build(), BodyHandlers.ofString());
    }

    /** A request written by hand, to prove Prism refuses what breaks the document. */
    public HttpResponse<String> send(String method, String path, Map<String, String> requestHeaders, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(prism.baseUrl() + path.substring(1))).header("Accept", "application/json");
        requestHeaders.forEach(builder::header);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        return CLIENT.send(builder.build(), BodyHandlers.ofString());
    }
}
