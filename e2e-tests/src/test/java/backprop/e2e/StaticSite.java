package backprop.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A directory served over HTTP on 127.0.0.1 and a free port, plus a few pages given as text:
 * the page benchmark's copy of another site (TensorFlow Playground built locally). GET only;
 * anything outside the directory answers 404.
 */
final class StaticSite implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "wasm", "application/wasm");

    private final HttpServer http;
    private final ExecutorService executor;
    private final Path root;
    private final Map<String, String> pages;

    private StaticSite(HttpServer http, ExecutorService executor, Path root, Map<String, String> pages) {
        this.http = http;
        this.executor = executor;
        this.root = root;
        this.pages = pages;
    }

    /** Serves {@code root}, and each of {@code pages} (path to HTML text) at its path. */
    static StaticSite serve(Path root, Map<String, String> pages) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        StaticSite site = new StaticSite(http, executor, root.toAbsolutePath().normalize(), Map.copyOf(pages));
        http.createContext("/", site::handle);
        http.setExecutor(executor);
        http.start();
        return site;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1))
                    .normalize();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            } else if (pages.containsKey(path)) {
                body = pages.get(path).getBytes(StandardCharsets.UTF_8);
                type = TYPES.get("html");
            } else if (file.startsWith(root) && Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            } else {
                send(exchange, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, type, body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
