package backprop.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A reverse proxy as an operator sets one up in front of the playground: it serves
 * {@code http://127.0.0.1:{port}{prefix}/...} from the server's {@code /...} and answers 404 to
 * anything outside the prefix, so a page that asks for {@code /static/...} from the host's root
 * fails as it would on a real site.
 */
final class PrefixProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "transfer-encoding",
            "keep-alive",
            "host",
            "upgrade",
            "te",
            "trailer",
            "proxy-connection",
            "expect");

    private final HttpServer http;
    private final String prefix;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile String target;

    private PrefixProxy(HttpServer http, String prefix) {
        this.http = http;
        this.prefix = prefix;
    }

    /** Listens now (so its address can go into the server's BACKPROP_PUBLIC_URL); forwards once {@link #forwardTo} is called. */
    static PrefixProxy listen(String prefix) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PrefixProxy proxy = new PrefixProxy(http, prefix);
        http.createContext("/", proxy::handle);
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.start();
        return proxy;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + prefix + path;
    }

    void forwardTo(String serverBase) {
        this.target = serverBase;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (target == null || !(path.equals(prefix) || path.startsWith(prefix + "/"))) {
                byte[] body = ("not under " + prefix + ": " + path).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            String rest = path.substring(prefix.length());
            URI uri = URI.create(target + (rest.isEmpty() ? "/" : rest) + (query == null ? "" : "?" + query));
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(
                            exchange.getRequestMethod(),
                            requestBody.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] body = answer.body();
            boolean empty = body.length == 0
                    || exchange.getRequestMethod().equals("HEAD")
                    || answer.statusCode() == 304
                    || answer.statusCode() == 204;
            exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : body.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
