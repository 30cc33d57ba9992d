package support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP server on 127.0.0.1, for what WireMock cannot do: bodies of a gigabyte (WireMock holds bodies in
 * memory), HTTP/1.0 answers and connections closed at a chosen moment. Each connection is served by the handler in a
 * daemon thread of its own; the handler writes the raw answer.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Serves one connection; {@code connection} counts from 1. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket, int connection) throws IOException;
    }

    /** A request's line and headers (names in lower case); the body is left in the stream. */
    public record Head(String method, String target, Map<String, String> headers) {
        public long contentLength() {
            return Long.parseLong(headers.getOrDefault("content-length", "0"));
        }
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private LoopbackServer(Handler handler) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(handler), "loopback-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static LoopbackServer start(Handler handler) {
        try {
            return new LoopbackServer(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    public int connections() {
        return connections.get();
    }

    /** Reads a request line and headers, up to the blank line; null when the client closed first. */
    public static Head readHead(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        return new Head(parts[0], parts[1], headers);
    }

    /** Reads and drops a body of {@code length} bytes. */
    public static void skip(InputStream in, long length) throws IOException {
        in.skipNBytes(length);
    }

    /** Writes a whole answer: status line, headers, a Content-Length, the body. */
    public static void answer(OutputStream out, String statusLine, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test server: nothing to do
        }
    }

    private void accept(Handler handler) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int number = connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(handler, client, number), "loopback-connection-" + number);
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Handler handler, Socket client, int number) {
        try (client) {
            handler.serve(client, number);
        } catch (IOException clientWentAway) {
            // the test's client closed or reset the connection: that is the client's story, told by the test
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII).replaceFirst("\r$", "");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
